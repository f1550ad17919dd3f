//! FB rules: the plan held against what customers said. They run only when a
//! plan has feedback (`feedback = "..."` in the plan, or `--feedback FILE`).
//! They link feedback to plan items through `feedback::link`, as the
//! feedback summary does.
//!
//! Floor `rules`: imports `feedback`, `plan`, `diagnostic` and the registry.

pub mod fb001_complained_touchpoint;
pub mod fb002_unmet_want;
pub mod fb003_unheard_persona;
pub mod fb004_low_nps;
pub mod fb005_unknown_feedback_reference;
pub mod fb006_contact_fatigue;
pub mod fb007_unreadable_rows;

use crate::plan::{Plan, Span};
use crate::rules::plan_anchor;

/// Where a finding about the feedback as a whole points: the plan's
/// `feedback` key, or the plan's name.
pub(crate) fn feedback_anchor(plan: &Plan) -> Span {
    plan.feedback
        .as_ref()
        .map_or_else(|| plan_anchor(plan), |f| f.key.clone())
}

/// Example comments, quoted for a message on one line. They are cut where
/// they are kept (`feedback::examples`), and renderers clean them.
pub(crate) fn quotes<'a>(examples: impl IntoIterator<Item = &'a str>, max: usize) -> String {
    examples
        .into_iter()
        .take(max)
        .map(|e| format!("\"{}\"", e.replace(['\n', '\r', '\t'], " ")))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}
