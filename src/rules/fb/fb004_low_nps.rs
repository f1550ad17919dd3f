//! FB004 low-nps: a persona or touchpoint has more detractors than promoters
//! (NPS below 0). The rule's metadata, its documentation (`planlint explain
//! FB004`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::feedback::ScoreScale;
use crate::feedback::aggregate::Group;
use crate::feedback::link::{link, persona_names, touchpoint_names};
use crate::plan::Span;
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "FB004",
    name: "low-nps",
    family: Family::Fb,
    severity: Severity::Warning,
    summary: "a persona or touchpoint has more detractors than promoters (NPS below 0)",
    help: "read what the detractors say and fix the cause before adding reach",
    docs: r#"## What it does
Computes the Net Promoter Score of the rows linked to each persona and each
touchpoint (promoters 9-10, passives 7-8, detractors 0-6; on a 1-5 star scale
5 counts as a promoter, 4 as a passive and 1-3 as detractors) and reports one
with at least 5 scores (the setting `feedback-min-comments`) and an NPS below 0. The scale comes from
`--score-scale`, else the column's name (nps, likelihood: 0-10; stars, rating:
1-5), else the values (any 0 or any value above 5 means 0-10).

## Why it matters
An NPS below zero means more people would warn a friend off than recommend
the business. For a persona, the plan is failing the people it was written
for; for a touchpoint, the contact itself is doing damage. Growth spent on such
a group buys more detractors.

## Example
Persona `bargain-hunter`: 14 scores, 2 promoters, 3 passives, 9 detractors:
NPS -50.

## How to fix
Read the detractors' comments (`planlint feedback FILE --plan PLAN`), fix the
cause, and measure again before adding reach.

## Settings
- `feedback-min-comments` (default 5): the scores a persona or touchpoint
  needs before it is judged (shared with FB001), in `[settings]` of
  planlint.toml."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let Some(feedback) = cx.feedback else { return };
    let Some((scale, _)) = feedback.scale else {
        return;
    };
    let plan = cx.plan;
    let mut low: Vec<(Subject, Span, String, Group)> = Vec::new();
    for (index, group) in link(&feedback.aggregates.by_persona, &persona_names(plan)).items {
        let p = &plan.personas[index];
        low.push((
            Subject::Persona(p.id.value.clone()),
            p.header.clone(),
            format!("persona \"{}\"", p.id.value),
            group,
        ));
    }
    for (index, group) in link(&feedback.aggregates.by_touchpoint, &touchpoint_names(plan)).items {
        let t = &plan.touchpoints[index];
        low.push((
            Subject::Touchpoint(t.id.value.clone()),
            t.header.clone(),
            format!("touchpoint \"{}\"", t.id.value),
            group,
        ));
    }
    for (subject, span, named, group) in low {
        let Some(nps) = group.scores.nps(scale) else {
            continue;
        };
        if nps.scored < cx.settings.feedback_min_comments || nps.nps >= 0.0 {
            continue;
        }
        let mapped = if scale == ScoreScale::Stars {
            ", star ratings mapped"
        } else {
            ""
        };
        cx.report(
            &RULE,
            subject,
            span,
            format!(
                "{named} has an NPS of {} from {} scores ({} promoters, {} passives, {} detractors{mapped})",
                nps.nps, nps.scored, nps.promoters, nps.passives, nps.detractors
            ),
        );
    }
}
