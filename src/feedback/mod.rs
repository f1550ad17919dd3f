//! Customer feedback: CSV exports of survey answers, reviews and NPS comments,
//! read as a stream, scored, and held against the plan.

mod record;
pub mod sentiment;

pub use record::{Polarity, Rejected, Row, Sentiment};
pub use sentiment::{SentimentModel, model as sentiment_model};
