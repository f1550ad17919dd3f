//! What stops a feedback file from being read at all. A row that cannot be
//! read is not an error: it becomes a [`Rejected`](crate::feedback::Rejected)
//! and reading goes on.

/// Every message names the file, says what is wrong and what to do.
#[derive(Debug, thiserror::Error)]
pub enum FeedbackError {
    #[error("{file}: cannot be opened: {source}")]
    Open {
        file: String,
        source: std::io::Error,
    },
    /// An I/O error, or anything else the CSV parser cannot read past; `line`
    /// is where the record being read starts.
    #[error("{file}: reading stopped at line {line}: {source}")]
    Read {
        file: String,
        line: u64,
        source: csv::Error,
    },
    #[error(
        "{file}: the file is empty; a feedback file needs a header row naming its columns, such as `comment,score`"
    )]
    Empty { file: String },
    #[error(
        "{file}: no text column among {}; name the comment column `comment` or `feedback`, or name it with `--text-column NAME`",
        quoted(.headers)
    )]
    NoTextColumn { file: String, headers: Vec<String> },
    #[error(
        "{file}: the {role} column \"{name}\" is not in the header, which has {}; check the spelling",
        quoted(.headers)
    )]
    UnknownColumn {
        file: String,
        /// Which column was asked for: "text", "score", "persona", ...
        role: &'static str,
        name: String,
        headers: Vec<String>,
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

fn quoted(headers: &[String]) -> String {
    let names: Vec<String> = headers.iter().map(|h| format!("{h:?}")).collect();
    names.join(", ")
}
