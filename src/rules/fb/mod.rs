//! FB rules: the plan held against what customers said. They run only when a
//! plan has feedback (`feedback = "..."` in the plan, or `--feedback FILE`).

pub mod fb001_complained_touchpoint;
pub mod fb002_unmet_want;
pub mod fb003_unheard_persona;
pub mod fb004_low_nps;
pub mod fb005_unknown_feedback_reference;
pub mod fb006_contact_fatigue;
pub mod fb007_unreadable_rows;

use crate::feedback::aggregate::{Group, Groups, link_key};
use crate::plan::{Plan, Span};
use crate::rules::plan_anchor;

/// The feedback groups of one link column matched to plan items by id or
/// name: `(index of the item, merged group)`, and the groups matching nothing.
pub(crate) struct Linked<'a> {
    pub items: Vec<(usize, Group)>,
    pub unknown: Vec<&'a Group>,
}

/// Matches groups to the items whose id or name has the same link key.
pub(crate) fn link<'a>(groups: &'a Groups, names: &[(&str, &str)]) -> Linked<'a> {
    let mut items: Vec<(usize, Group)> = Vec::new();
    let mut unknown = Vec::new();
    for (key, group) in groups.iter() {
        let found = names
            .iter()
            .position(|(id, name)| link_key(id) == *key || link_key(name) == *key);
        match found {
            Some(index) => match items.iter_mut().find(|(i, _)| *i == index) {
                Some((_, merged)) => merged.absorb(group),
                None => items.push((index, group.clone())),
            },
            None => unknown.push(group),
        }
    }
    items.sort_by_key(|(i, _)| *i);
    unknown.sort_by(|a, b| b.rows.cmp(&a.rows).then_with(|| a.display.cmp(&b.display)));
    Linked { items, unknown }
}

pub(crate) fn persona_names(plan: &Plan) -> Vec<(&str, &str)> {
    plan.personas
        .iter()
        .map(|p| (p.id.value.as_str(), p.name.value.as_str()))
        .collect()
}

pub(crate) fn touchpoint_names(plan: &Plan) -> Vec<(&str, &str)> {
    plan.touchpoints
        .iter()
        .map(|t| (t.id.value.as_str(), t.name.value.as_str()))
        .collect()
}

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
