//! The data that flows through the feedback pipeline.

use serde::Serialize;

/// One readable row of a feedback file, with the columns planlint uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// The file line the record starts on (1-based; the header is line 1).
    pub line: u64,
    /// The comment; may be empty when a row carries only a score.
    pub text: String,
    /// The raw score (0-10 NPS or 1-5 stars), when the file has a score column
    /// and the row a value.
    pub score: Option<f64>,
    pub persona: Option<String>,
    pub touchpoint: Option<String>,
    pub channel: Option<String>,
    /// The date as written, trimmed; read by [`super::dates::parse`] when
    /// the row is counted.
    pub date: Option<String>,
    /// Every field of the record as read, for output that repeats the input.
    pub fields: Vec<String>,
}

/// A row that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejected {
    pub line: u64,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Negative,
    Neutral,
    Positive,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Negative => "negative",
            Polarity::Neutral => "neutral",
            Polarity::Positive => "positive",
        }
    }
}

/// The sentiment of one comment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sentiment {
    /// From -1 (most negative) to 1 (most positive).
    pub score: f64,
    pub polarity: Polarity,
}
