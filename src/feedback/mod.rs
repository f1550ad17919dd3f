//! Customer feedback: CSV exports of survey answers, reviews and NPS comments,
//! read as a stream, scored, and held against the plan.

mod record;
pub mod scale;

pub use record::{Polarity, Rejected, Row, Sentiment};
pub use scale::{ScoreRange, ScoreScale};
