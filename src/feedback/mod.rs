//! Customer feedback: CSV exports of survey answers, reviews and NPS comments,
//! read as a stream, scored, and held against the plan.

pub mod reader;
mod record;
pub mod scale;
pub mod sentiment;
pub mod sketch;
pub mod themes;

pub use reader::{Columns, FeedbackError, FeedbackReader, ReadOptions, Record};
pub use record::{Polarity, Rejected, Row, Sentiment};
pub use scale::{ScoreRange, ScoreScale};
pub use sentiment::{SentimentModel, model as sentiment_model};
