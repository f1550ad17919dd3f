//! `planlint init`: a commented starter plan and `planlint.toml`, written into
//! a folder without overwriting anything unless asked to.
//!
//! Floor `render`: imports nothing of the crate (its tests check the
//! starter plan with `check`).

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The starter plan's file name: a folder search finds it.
pub const PLAN_FILE: &str = "plan.toml";
pub const CONFIG_FILE: &str = "planlint.toml";

/// A plan that reads without errors and whose findings say what to fill in.
pub const STARTER_PLAN: &str = include_str!("init/plan.toml");
/// Every setting, commented out, at its default.
pub const STARTER_CONFIG: &str = include_str!("init/planlint.toml");

#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{} already {}; `planlint init --force` overwrites {}",
        list(.0), if .0.len() == 1 { "exists" } else { "exist" },
        if .0.len() == 1 { "it" } else { "them" })]
    Exists(Vec<PathBuf>),
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

fn list(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    names.join(" and ")
}

/// Writes the starter plan and configuration into `dir`, creating it when
/// needed, and returns the paths written. Without `force`, nothing is written
/// when either file exists.
pub fn write_starter(dir: &Path, force: bool) -> Result<Vec<PathBuf>, InitError> {
    let files = [(PLAN_FILE, STARTER_PLAN), (CONFIG_FILE, STARTER_CONFIG)]
        .map(|(name, text)| (dir.join(name), text));
    if !force {
        let existing: Vec<PathBuf> = files
            .iter()
            .filter(|(path, _)| path.exists())
            .map(|(path, _)| path.clone())
            .collect();
        if !existing.is_empty() {
            return Err(InitError::Exists(existing));
        }
    }
    std::fs::create_dir_all(dir).map_err(|source| InitError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut written = Vec::new();
    for (path, text) in files {
        let mut options = OpenOptions::new();
        options.write(true);
        // Without --force, a file that appeared since the check above is
        // still not overwritten.
        if force {
            options.create(true).truncate(true);
        } else {
            options.create_new(true);
        }
        let result = options
            .open(&path)
            .and_then(|mut file| file.write_all(text.as_bytes()));
        match result {
            Ok(()) => written.push(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return Err(InitError::Exists(vec![path]));
            }
            Err(source) => return Err(InitError::Write { path, source }),
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check;
    use crate::source::SourceFile;

    #[test]
    fn the_starter_plan_reads_without_errors() {
        let plan = check::load_plan(&SourceFile::new(PLAN_FILE, STARTER_PLAN)).unwrap();
        assert_eq!(plan.goals.len(), 1);
        assert_eq!(plan.personas.len(), 1);
        assert_eq!(plan.touchpoints.len(), 1);
    }

    #[test]
    fn the_starter_config_sets_nothing() {
        assert!(
            toml::from_str::<toml::Table>(STARTER_CONFIG)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn existing_files_are_kept_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "# mine\n").unwrap();
        let error = write_starter(dir.path(), false).unwrap_err();
        assert!(matches!(&error, InitError::Exists(paths) if paths.len() == 1));
        assert!(error.to_string().ends_with("overwrites it"), "{error}");
        assert!(!dir.path().join(PLAN_FILE).exists());
        let written = write_starter(dir.path(), true).unwrap();
        assert_eq!(written.len(), 2);
        let config = std::fs::read_to_string(dir.path().join(CONFIG_FILE)).unwrap();
        assert_eq!(config, STARTER_CONFIG);
    }
}
