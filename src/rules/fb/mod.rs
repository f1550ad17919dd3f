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
pub mod fb008_falling_nps;
pub mod fb009_channel_complaints;

use crate::feedback::stats::{self, Difference, NpsCounts};
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

/// An NPS to the nearest point, with its interval and the scores it comes
/// from: `-27 (95% CI -70..16, 11 scores)`.
pub(crate) fn nps_figure(counts: &NpsCounts) -> String {
    let interval = counts.interval();
    format!(
        "{} (95% CI {}..{}, {} scores)",
        whole(counts.nps().unwrap_or_default()),
        whole(interval.low),
        whole(interval.high),
        counts.scored()
    )
}

/// `k` of `n` as a percentage with its interval: `75%, 95% CI 47%..91%`.
pub(crate) fn share_figure(k: u64, n: u64) -> String {
    let share = k as f64 / n.max(1) as f64;
    match stats::wilson(k, n) {
        Some(i) => format!(
            "{}, 95% CI {}..{}",
            percent(share),
            percent(i.low),
            percent(i.high)
        ),
        None => percent(share),
    }
}

/// A figure to the nearest whole number, without a sign on zero.
pub(crate) fn whole(x: f64) -> String {
    format!("{:.0}", x.round() + 0.0)
}

/// Whether a difference holds at the significance level shared by the
/// `tests` a rule makes (Bonferroni: each gets `level / tests`), in the
/// direction `worse` (negative for a fall or a lower score).
pub(crate) fn holds(difference: Option<Difference>, level: f64, tests: usize, worse: f64) -> bool {
    difference.is_some_and(|d| d.difference * worse > 0.0 && d.p < level / tests.max(1) as f64)
}

/// `p = 0.003`, or `p < 0.001`.
pub(crate) fn p_text(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".to_owned()
    } else {
        format!("p = {p:.3}")
    }
}
