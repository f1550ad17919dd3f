//! FB005 unknown-feedback-reference: feedback names touchpoints or personas the
//! plan does not define. The rule's metadata, its documentation (`planlint
//! explain FB005`) and its check.

use super::feedback_anchor;
use crate::diagnostic::{Severity, Subject};
use crate::feedback::link::{link, persona_names, touchpoint_names};
use crate::rules::{Context, Family, Phase, Rule};

/// Names listed in the message; the rest are counted.
const MAX_NAMES: usize = 5;

pub static RULE: Rule = Rule {
    code: "FB005",
    name: "unknown-feedback-reference",
    family: Family::Fb,
    severity: Severity::Warning,
    summary: "feedback names touchpoints or personas the plan does not define",
    help: "add the missing items to the plan, or map the export's names to the plan's ids",
    docs: r#"## What it does
Reports values of the feedback's touchpoint column (touchpoint, source,
campaign) and persona column (persona, segment) that match no touchpoint or
persona of the plan by id or name (ignoring case and punctuation). One finding
per column, with the names and how many rows use them, most used first.

## Why it matters
Customers are talking about contacts the plan does not know about: a campaign
run outside the plan, a renamed touchpoint, a segment nobody wrote a persona
for. Their comments cannot be held against the plan, so whatever they say is
lost to it.

## Example
Feedback rows with `campaign = "black-friday-sms"` when the plan has no such
touchpoint.

## How to fix
Add the touchpoint or persona to the plan if it is real, or change the
export (or the item's `name`) so the names match."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let Some(feedback) = cx.feedback else { return };
    let plan = cx.plan;
    let columns = [
        (
            "touchpoints",
            link(&feedback.aggregates.by_touchpoint, &touchpoint_names(plan)),
        ),
        (
            "personas",
            link(&feedback.aggregates.by_persona, &persona_names(plan)),
        ),
    ];
    for (kind, linked) in columns {
        if linked.unknown.is_empty() {
            continue;
        }
        let mut names: Vec<String> = linked
            .unknown
            .iter()
            .take(MAX_NAMES)
            .map(|g| format!("\"{}\" ({})", g.display, g.rows))
            .collect();
        if linked.unknown.len() > MAX_NAMES {
            names.push(format!("and {} more", linked.unknown.len() - MAX_NAMES));
        }
        cx.report(
            &RULE,
            Subject::Plan,
            feedback_anchor(plan),
            format!(
                "feedback names {kind} the plan does not define: {}",
                names.join(", ")
            ),
        );
    }
}
