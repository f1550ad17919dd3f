//! A plan read from its file for a command that needs it whole (`feedback
//! --plan`): bounded like every plan, and refused when it has errors, which
//! `planlint check` is the place to show.

use std::path::{Path, PathBuf};

use super::{Plan, load};
use crate::input::{InputError, read_bounded};
use crate::source::{MAX_PLAN_BYTES, SourceFile};

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}", .path.display())]
    Input {
        path: PathBuf,
        #[source]
        problem: InputError,
    },
    #[error("{}: the plan is not valid UTF-8", .path.display())]
    NotUtf8 { path: PathBuf },
    #[error(
        "{} has {count} error(s); `planlint check {}` shows them",
        .path.display(),
        .path.display()
    )]
    Invalid { path: PathBuf, count: usize },
}

/// The plan at `path`, if it reads without errors.
pub fn read_valid(path: &Path) -> Result<Plan, ReadError> {
    let bytes =
        read_bounded(path, MAX_PLAN_BYTES, "a plan is a short TOML file").map_err(|problem| {
            ReadError::Input {
                path: path.to_owned(),
                problem,
            }
        })?;
    let text = String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8 {
        path: path.to_owned(),
    })?;
    load(&SourceFile::new(path.to_owned(), text)).map_err(|errors| ReadError::Invalid {
        path: path.to_owned(),
        count: errors.len(),
    })
}
