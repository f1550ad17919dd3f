//! A loaded file: its display name, its text and where its lines start.
//!
//! Byte offsets come from the parser; this is the one place that turns them
//! into the 1-based line and column a person reads.
//!
//! Bottom floor `source`: imports nothing of the crate.

use std::borrow::Cow;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Plans larger than this are refused rather than parsed: a marketing plan is
/// a few kilobytes (the examples are 13 KB), and a file this size is almost
/// certainly the wrong file. The bound also bounds memory: a megabyte of
/// TOML built to give an error on every line costs the parser about 400 MB,
/// and eight cost it 3 GB.
pub const MAX_PLAN_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user should see it (relative when the user gave a relative path).
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
}

/// A 1-based line and column (the column counts characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            path: path.into(),
            text,
            line_starts,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path with forward slashes, as reports print it on every platform.
    pub fn display_path(&self) -> String {
        display_path(&self.path)
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |prefix| prefix.chars().count())
            + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// A span clamped to the text, so a stale or empty span can still be shown.
    pub fn clamp(&self, span: &Range<usize>) -> Range<usize> {
        let end = span.end.min(self.text.len());
        span.start.min(end)..end
    }
}

/// At most [`EXCERPT_CHARS`] characters of a file's text, for a message: a
/// message quotes a file, it never copies it, however long a key or value is.
pub fn excerpt(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

/// How much of a key or value a message quotes.
pub const EXCERPT_CHARS: usize = 40;

/// A path as messages show it: `/` between folders, without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let shown = match path.strip_prefix("./") {
        // `.` itself is shown as written, not as nothing.
        Ok(rest) if rest.as_os_str().is_empty() => path,
        Ok(rest) => rest,
        Err(_) => path,
    };
    shown.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_without_a_leading_dot_folder_but_the_folder_itself_is() {
        assert_eq!(display_path(Path::new("./a/b.plan.toml")), "a/b.plan.toml");
        assert_eq!(display_path(Path::new(".")), ".");
        assert_eq!(display_path(Path::new("./")), "./");
        assert_eq!(display_path(Path::new("sub")), "sub");
    }

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let file = SourceFile::new("p.toml", "a = 1\nname = \"é\" # x\n\nlast");
        assert_eq!(file.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(file.line_col(6), LineCol { line: 2, column: 1 });
        let after_e = file.text.find("\" #").unwrap();
        assert_eq!(
            file.line_col(after_e),
            LineCol {
                line: 2,
                column: 10
            }
        );
        assert_eq!(
            file.line_col(file.text.len()),
            LineCol { line: 4, column: 5 }
        );
        assert_eq!(file.line_col(10_000), LineCol { line: 4, column: 5 });
    }

    #[test]
    fn an_excerpt_is_short_whatever_it_quotes() {
        assert_eq!(excerpt("metrc"), "metrc");
        let long = "é".repeat(10_000);
        let quoted = excerpt(&long);
        assert_eq!(quoted.chars().count(), EXCERPT_CHARS + 1);
        assert!(quoted.ends_with('…'));
    }

    #[test]
    fn paths_are_shown_with_forward_slashes_and_without_dot_prefix() {
        assert_eq!(
            display_path(Path::new("./plans/a.plan.toml")),
            "plans/a.plan.toml"
        );
    }
}
