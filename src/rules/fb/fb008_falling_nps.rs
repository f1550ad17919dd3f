//! FB008 falling-nps: the NPS of a persona, touchpoint or channel fell
//! between the first and the last period of the feedback, beyond noise. The
//! rule's metadata, its documentation (`planlint explain FB008`) and its
//! check.

use super::{holds, nps_figure, p_text, whole};
use crate::diagnostic::{Severity, Subject};
use crate::feedback::aggregate::Group;
use crate::feedback::link::{channel_users, link, persona_names, touchpoint_names};
use crate::feedback::timeline::ends;
use crate::plan::Span;
use crate::rules::{Context, Family, Phase, Rule};

/// The smallest fall reported, in NPS points: on a large file a fall of a
/// point or two can be beyond noise and still mean nothing to a customer.
const MIN_FALL: f64 = 10.0;

pub static RULE: Rule = Rule {
    code: "FB008",
    name: "falling-nps",
    family: Family::Fb,
    severity: Severity::Warning,
    summary: "the NPS of a persona, touchpoint or channel fell between the first and the last period, beyond noise",
    help: "find what changed for these customers between the two periods, and fix it",
    docs: r#"## What it does
With a date column, cuts the feedback into periods (`--period`, else weeks,
months or quarters by the span of the dates) and, for each persona,
touchpoint and channel of the plan, compares the NPS of its first period
with at least 30 scores (the setting `feedback-trend-min-scores`) to that
of its last such period. It reports a fall of at least 10 points that is
beyond noise: a two-sample z test of the two adjusted-Wald estimates at the
setting `feedback-significance` (5%), shared by all the groups tested (each
is tested at 5% divided by their number). A channel belongs to the plan
when one of its touchpoints names it in `channel`.

## What it does not report
A fall from or to a period with fewer than 30 scores, a fall of less than
10 points however many scores show it, and a fall that may be noise. A rise
is never reported. Feedback without a date column has no periods, and the
rule says nothing.

## Why it matters
A board asks whether things are getting better or worse. A score that was
fine in January and poor in December is a problem that the year's average
hides; the earlier it is seen, the fewer customers it costs.

## Example
Touchpoint `delivery-update`: NPS 38 (95% CI 25..49, 80 scores) in
2026-01, -12 (95% CI -27..4, 64 scores) in 2026-12.

## How to fix
Read the detractors' comments of the last period (`planlint feedback FILE
--plan PLAN --since ...`), find what changed, and fix it; say in the plan
what was changed and measure again.

## Settings
In `[settings]` of planlint.toml:
- `feedback-trend-min-scores` (default 30): the scores a period needs
  before it is compared;
- `feedback-significance` (default 0.05): the chance of noise below which
  a fall counts (shared with FB001, FB004 and FB009)."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let Some(feedback) = cx.feedback else { return };
    let (Some((scale, _)), Some(choice)) = (feedback.scale, feedback.dating) else {
        return;
    };
    let plan = cx.plan;
    let a = &feedback.aggregates;
    let mut groups: Vec<(Subject, Span, String, Group)> = Vec::new();
    for (index, group) in link(&a.by_persona, &persona_names(plan)).items {
        let p = &plan.personas[index];
        let named = format!("persona \"{}\"", p.id.value);
        groups.push((
            Subject::Persona(p.id.value.clone()),
            p.header.clone(),
            named,
            group,
        ));
    }
    for (index, group) in link(&a.by_touchpoint, &touchpoint_names(plan)).items {
        let t = &plan.touchpoints[index];
        let named = format!("touchpoint \"{}\"", t.id.value);
        groups.push((
            Subject::Touchpoint(t.id.value.clone()),
            t.header.clone(),
            named,
            group,
        ));
    }
    for (_, group) in a.by_channel.iter() {
        let users = channel_users(plan, &group.display);
        let Some(first) = users.first() else { continue };
        let ids: Vec<String> = users
            .iter()
            .map(|t| format!("\"{}\"", t.id.value))
            .collect();
        let named = format!(
            "channel \"{}\" (touchpoints {})",
            group.display,
            ids.join(", ")
        );
        groups.push((
            Subject::Touchpoint(first.id.value.clone()),
            first.header.clone(),
            named,
            group.clone(),
        ));
    }
    let min = cx.settings.feedback_trend_min_scores;
    let judged: Vec<_> = groups
        .into_iter()
        .filter_map(|(subject, span, named, group)| {
            let (first, last) = ends(&group.series, &choice.dating, scale, min)?;
            Some((subject, span, named, first, last))
        })
        .collect();
    let tests = judged.len();
    for (subject, span, named, (first, before), (last, after)) in judged {
        let difference = after.compare(&before);
        let Some(fall) = difference.filter(|d| d.difference <= -MIN_FALL) else {
            continue;
        };
        if !holds(difference, cx.settings.feedback_significance, tests, -1.0) {
            continue;
        }
        cx.report(
            &RULE,
            subject,
            span,
            format!(
                "{named}: NPS fell by {} points, from {} in {first} to {} in {last} ({})",
                whole(-fall.difference),
                nps_figure(&before),
                nps_figure(&after),
                p_text(fall.p)
            ),
        );
    }
}
