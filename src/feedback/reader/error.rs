//! What stops a feedback file from being read at all. A row that cannot be
//! read is not an error: it becomes a [`Rejected`](crate::feedback::Rejected)
//! and reading goes on.

use std::io;

use super::sniff::MAX_HEADER_BYTES;
use crate::input::{InputError, size};

/// Every message names the file, says what is wrong and what to do, and
/// quotes no more than a short excerpt of the file.
#[derive(Debug, thiserror::Error)]
pub enum FeedbackError {
    // The messages include the I/O errors, which are therefore not their
    // `source`: a report of the error chain would repeat them.
    #[error("{file}: {error}")]
    Open { file: String, error: InputError },
    /// An I/O error, which reading cannot go on from; `line` is where the
    /// record being read starts.
    #[error("{file}: reading stopped at line {line}: {error}")]
    Read {
        file: String,
        line: u64,
        error: io::Error,
    },
    #[error(
        "{file}: the file is empty; a feedback file needs a header row naming its columns, such as `comment,score`"
    )]
    Empty { file: String },
    #[error(
        "{file}: the header line is longer than {}; is this a CSV file?",
        size(MAX_HEADER_BYTES as u64)
    )]
    HeaderTooLong { file: String },
    #[error(
        "{file}: the header holds NUL bytes, so this is not a CSV text file: it may be binary, or UTF-16 without a byte order mark; save it again as \"CSV UTF-8\""
    )]
    NotText { file: String },
    #[error(
        "{file}: no text column among {}; name the comment column `comment` or `feedback`, or name it with `--text-column NAME`",
        list(.headers)
    )]
    NoTextColumn { file: String, headers: Vec<String> },
    #[error(
        "{file}: the {role} column {} is not in the header, which has {}; check the spelling",
        quote(.name, HEADER_CHARS),
        list(.headers)
    )]
    UnknownColumn {
        file: String,
        /// Which column was asked for: "text", "score", "persona", ...
        role: &'static str,
        name: String,
        headers: Vec<String>,
    },
    /// The name the reader would use for a column is in the header twice,
    /// so which column it means is a guess.
    #[error(
        "{file}: the {role} column {} is in the header twice, as columns {first} and {second}; rename one of them, or name another column with `--{role}-column NAME`",
        quote(.name, HEADER_CHARS)
    )]
    DuplicateColumn {
        file: String,
        role: &'static str,
        name: String,
        /// The columns' positions, counted from 1.
        first: usize,
        second: usize,
    },
    #[error(
        "{file}: the file is UTF-16 (as Excel's \"Unicode Text\" saves it); save it again as \"CSV UTF-8\""
    )]
    Utf16 { file: String },
    #[error(
        "{file}: lines end in a carriage return alone (classic Mac); save the file again with Windows or Unix line endings, for example as \"CSV UTF-8\""
    )]
    CarriageReturnLines { file: String },
    #[error(
        "{file}: '{}' cannot separate fields; use a comma, a semicolon or a tab",
        char::from(*.delimiter).escape_default()
    )]
    BadDelimiter { file: String, delimiter: u8 },
}

/// Characters of a header name that messages quote.
pub(super) const HEADER_CHARS: usize = 40;
/// Characters of a list of header names that messages quote.
const LIST_CHARS: usize = 200;

/// The headers, quoted, as many as fit in about `LIST_CHARS`, and how many
/// more there are: a header line can be 64 KB of names.
fn list(headers: &[String]) -> String {
    let mut list = String::new();
    for (shown, header) in headers.iter().enumerate() {
        let quoted = quote(header, HEADER_CHARS);
        if shown > 0 {
            if list.len() + quoted.len() > LIST_CHARS {
                return format!("{list} and {} more", headers.len() - shown);
            }
            list.push_str(", ");
        }
        list.push_str(&quoted);
    }
    list
}

/// `text` quoted and escaped as `{:?}` does, cut after `max` characters of
/// the escaped text: a value can be a megabyte long, or all control
/// characters, each of which takes up to ten characters escaped.
pub(super) fn quote(text: &str, max: usize) -> String {
    let mut quoted = String::from("\"");
    let mut shown = 0;
    for (at, c) in text.char_indices() {
        let one = format!("{:?}", &text[at..at + c.len_utf8()]);
        let escaped = &one[1..one.len() - 1];
        shown += escaped.chars().count();
        if shown > max {
            quoted.push_str("...");
            break;
        }
        quoted.push_str(escaped);
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_escaped_and_cut() {
        assert_eq!(quote("plain", 40), "\"plain\"");
        assert_eq!(quote("say \"hi\"", 40), "\"say \\\"hi\\\"\"");
        assert_eq!(quote("abcdef", 3), "\"abc...\"");
        assert_eq!(quote("abc", 3), "\"abc\"");
        assert_eq!(quote("\u{1b}[31m", 6), "\"\\u{1b}...\"");
        assert_eq!(quote("café", 4), "\"café\"");
    }

    #[test]
    fn long_header_lists_are_cut() {
        let headers: Vec<String> = (0..1000)
            .map(|i| format!("{i}{}", "x".repeat(100)))
            .collect();
        let shown = list(&headers);
        assert!(shown.len() < LIST_CHARS + 60, "{shown}");
        assert!(shown.starts_with("\"0xxx"), "{shown}");
        assert!(shown.ends_with("xxx...\" and 996 more"), "{shown}");
        assert_eq!(list(&["a".into(), "b".into()]), "\"a\", \"b\"");
    }
}
