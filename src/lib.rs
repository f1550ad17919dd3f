//! planlint: lint marketing plans for WHY/HOW/WHAT alignment, measurable goals
//! and customer-centred practice.
//!
//! The library never prints: [`check_paths`] returns a [`Report`], and the
//! renderers in [`render`] turn it into text for a writer the caller chooses.
//!
//! Floor `main`: the crate root declares the floors' modules and re-exports
//! what the binary calls; README "Architecture" draws the floors.

pub mod baseline;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod feedback;
pub mod init;
pub mod input;
pub mod json_schema;
pub mod plan;
pub mod render;
pub mod rules;
pub mod scorecard;
pub mod source;
pub mod statistics;
pub mod text;
pub mod waiver;

pub use check::{
    CheckOptions, CheckedFile, FeedbackInput, PathError, Progress, Report, Silent, check_paths,
    check_plan_source, check_source,
};
pub use diagnostic::{Finding, Severity, Subject};
pub use scorecard::Scorecard;
pub use statistics::Statistics;
