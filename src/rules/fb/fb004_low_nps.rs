//! FB004 low-nps: a persona or touchpoint has more detractors than promoters
//! (NPS below 0), beyond noise. The rule's metadata, its documentation (`planlint explain
//! FB004`) and its check.

use super::{holds, nps_figure, p_text, whole};
use crate::diagnostic::{Severity, Subject};
use crate::feedback::ScoreScale;
use crate::feedback::aggregate::Group;
use crate::feedback::link::{link, persona_names, touchpoint_names};
use crate::feedback::stats;
use crate::plan::Span;
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "FB004",
    name: "low-nps",
    family: Family::Fb,
    severity: Severity::Warning,
    summary: "a persona or touchpoint has more detractors than promoters (NPS below 0), beyond noise",
    help: "read what the detractors say and fix the cause before adding reach",
    docs: r#"## What it does
Computes the Net Promoter Score of the rows linked to each persona and each
touchpoint (promoters 9-10, passives 7-8, detractors 0-6; on a 1-5 star scale
5 counts as a promoter, 4 as a passive and 1-3 as detractors), with its 95%
interval (adjusted Wald: three quarters of a promoter and of a detractor,
and three scores, are added before the shares are taken, which keeps small
groups honest). It reports a group with at least 5 scores (the setting
`feedback-min-comments`) and an NPS below 0 when the evidence holds:

- the whole interval is below 0 (at the level each group is tested at: 95%
  for one group, wider for several, as below), or
- the group scores lower than the rest of the file, beyond noise (a
  two-sample z test at the setting `feedback-significance`, 5%, shared by
  all the groups tested: each is tested at 5% divided by their number).

The scale comes from `--score-scale`, else the column's name (nps,
likelihood: 0-10; stars, rating: 1-5), else the values (any 0 or any value
above 5 means 0-10).

## What it does not report
A negative NPS that may be noise: 8 scores with an NPS of -25 span about
-70..30, and unless the rest of the file scores far higher, such a group is
not reported. `planlint feedback` still shows its NPS and interval.

## Why it matters
An NPS below zero means more people would warn a friend off than recommend
the business. For a persona, the plan is failing the people it was written
for; for a touchpoint, the contact itself is doing damage. Growth spent on such
a group buys more detractors. A board member who knows that 11 scores prove
little stops reading at a finding built on them, so none is.

## Example
Persona `bargain-hunter`: 40 scores, 6 promoters, 8 passives, 26
detractors: NPS -50 (95% CI -69..-24).

## How to fix
Read the detractors' comments (`planlint feedback FILE --plan PLAN`), fix the
cause, and measure again before adding reach.

## Settings
In `[settings]` of planlint.toml:
- `feedback-min-comments` (default 5): the scores a persona or touchpoint
  needs before it is judged (shared with FB001);
- `feedback-significance` (default 0.05): the chance of noise below which
  a difference from the rest of the file counts (shared with FB001, FB008
  and FB009)."#,
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
    let all = feedback.aggregates.scores.counts(scale);
    let judged: Vec<_> = low
        .into_iter()
        .map(|(subject, span, named, group)| (subject, span, named, group.scores.counts(scale)))
        .filter(|(.., counts)| counts.scored() >= cx.settings.feedback_min_comments)
        .collect();
    let tests = judged.len();
    for (subject, span, named, counts) in judged {
        if counts.nps().is_none_or(|nps| nps >= 0.0) {
            continue;
        }
        let rest = all.without(&counts);
        let lower = counts.compare(&rest);
        // The interval at the level each group is tested at: with many
        // groups, a 95% interval of one of them misses by chance.
        let z = stats::z_for(cx.settings.feedback_significance / tests.max(1) as f64);
        let sure = counts.interval_at(z).high < 0.0;
        if !sure && !holds(lower, cx.settings.feedback_significance, tests, -1.0) {
            continue;
        }
        let mapped = if scale == ScoreScale::Stars {
            ", star ratings mapped"
        } else {
            ""
        };
        let against = match (sure, lower, rest.nps()) {
            (false, Some(d), Some(rest_nps)) => format!(
                "; the rest of the file scores {} ({})",
                whole(rest_nps),
                p_text(d.p)
            ),
            _ => String::new(),
        };
        cx.report(
            &RULE,
            subject,
            span,
            format!(
                "{named} has an NPS of {}: {} promoters, {} passives, {} detractors{mapped}{against}",
                nps_figure(&counts),
                counts.promoters,
                counts.passives,
                counts.detractors
            ),
        );
    }
}
