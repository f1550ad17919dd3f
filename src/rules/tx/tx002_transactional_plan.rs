//! TX002 transactional-plan: more than half of the plan's touchpoints are pure
//! sales pressure. The rule's metadata, its documentation (`planlint explain
//! TX002`) and its check.

use super::pure_pressure;
use crate::diagnostic::{Severity, Subject};
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "TX002",
    name: "transactional-plan",
    family: Family::Tx,
    severity: Severity::Warning,
    summary: "more than half of the plan's touchpoints are pure sales pressure",
    help: "rework the pushiest touchpoints so they help, inform or ask, or add touchpoints that do",
    docs: r#"## What it does
Counts the touchpoints that TX001 finds transactional and reports the plan
when they are more than half (50%, the setting `transactional-share`) of all
its touchpoints. A single transactional touchpoint is left to TX001: the plan
is reported only when at least two of them make up more than that share.

## Why it matters
One promotional email is fine. A plan whose contacts are mostly pushes is a
purely transactional programme: it optimises for the next sale and forgets the
relationship, and customers feel that. The humane alternative still sells, but
earns attention by being useful across the whole journey.

## Example
Three touchpoints: a flash sale, a cart reminder that says "complete your
purchase now" and a daily deals SMS, plus one how-to video. Three of four are
pure pressure.

## How to fix
Rewrite the pushiest ones (TX001 names them) so they carry help or a question,
or replace some with touchpoints that serve people after the sale: onboarding,
care, community.

## Settings
- `transactional-share` (default 0.5): the share of pushy touchpoints above
  which the plan is reported, in `[settings]` of planlint.toml."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let touchpoints = &cx.plan.touchpoints;
    let pushy: Vec<&str> = touchpoints
        .iter()
        .filter(|t| pure_pressure(t).is_some())
        .map(|t| t.id.value.as_str())
        .collect();
    let share = pushy.len() as f64 / touchpoints.len().max(1) as f64;
    let max = cx.settings.transactional_share;
    if pushy.len() < 2 || share <= max {
        return;
    }
    let Some(first) = touchpoints.first() else {
        return;
    };
    cx.report(
        &RULE,
        Subject::Plan,
        first.header.clone(),
        format!(
            "{} of the plan's {} touchpoints are pure sales pressure ({}), more than {:.0}%",
            pushy.len(),
            touchpoints.len(),
            pushy.join(", "),
            max * 100.0
        ),
    );
}
