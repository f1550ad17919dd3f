//! Customer feedback: CSV exports of survey answers, reviews and NPS comments,
//! read as a stream, scored, and held against the plan.
//!
//! Floor `feedback`: imports `source`, `input`, `text`, `diagnostic` and
//! `plan` (to link rows to its personas and touchpoints), never the rules:
//! the FB rules read what this floor computes.

pub mod aggregate;
pub mod analysis;
pub mod dates;
pub mod examples;
pub mod link;
pub mod reader;
mod record;
pub mod scale;
pub mod sentiment;
pub mod sketch;
pub mod state;
pub mod stats;
pub mod summary;
pub mod themes;
pub mod timeline;
pub mod wants;

pub use analysis::{
    Analysis, AnalyzeError, AnalyzeOptions, Partial, RowSink, Scored, analyze, scan, scan_read,
    scan_rows,
};
pub use reader::{Columns, FeedbackError, FeedbackReader, ReadOptions, Record};
pub use record::{Polarity, Rejected, Row, Sentiment};
pub use scale::{ScoreRange, ScoreScale};
pub use sentiment::{SentimentModel, model as sentiment_model};
