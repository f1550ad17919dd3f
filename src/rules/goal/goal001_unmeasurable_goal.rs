//! GOAL001 unmeasurable-goal: a goal has no metric, no target, no
//! baseline, or a metric that names only a direction. The rule's metadata, its documentation
//! (`planlint explain GOAL001`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::text;
use crate::rules::{Context, Family, Phase, Rule, number};
use crate::text::lexicons::{metric_abstractions, metric_directions, metric_units};
use crate::text::{quote, tokenize};

pub static RULE: Rule = Rule {
    code: "GOAL001",
    name: "unmeasurable-goal",
    family: Family::Goal,
    severity: Severity::Warning,
    summary: "a goal has no metric, no target, no baseline, or a metric that names only a direction",
    help: "give the goal a `metric` (what is measured), a `baseline` (where it stands now) and a `target` (the number that means success)",
    docs: r#"## What it does
Reports a goal without a `metric` (or with a blank one), without a `target`,
or without both; and a goal whose metric names only a direction: it opens
with a word such as "stronger", "better" or "more", names something no one
can count as written (word of mouth, relationships, trust, loyalty,
presence, awareness, reputation, engagement) as the last word of its phrase,
and says nothing of what is counted (no number, no unit, no word such as
"share", "rate", "score", "survey", "visits" or "clicks"). "Stronger word-of-mouth among local tradies" with a target of
25 leaves nobody able to say what the 25 are.

A goal with a metric and a target but no `baseline` is reported too, once
its metric is readable and does not count a change itself ("Rise in NPS
over the 2026 survey") or name its baseline ("2026 baseline: 38"): without the figure it starts from, nobody can tell
whether reaching the target is progress or where things already stood.
Every careful plan of the project's corpora, written by authors who never
saw this rule, gives its goals a baseline; the goals without one were the
planted defects. A new service with nothing to measure yet can measure its
first month and write that down, or waive the finding with its reason.

Not reported: a metric that opens with a direction and names what is
counted ("Fewer complaints", "Higher retention", "More repeat visits per
member", "Better score on the exit survey"), including when such a word
only describes it ("More community events", "More brand mentions").

## Why it matters
A plan starts from what it wants to achieve, and then from how it will know it
got there. A goal without a measure and a number cannot be monitored or
improved on; at the end of the period nobody can say whether it was met, so it
cannot guide decisions along the way either.

## Example
```toml
[[goal]]
id = "happier-riders"
title = "Riders love their bikes"
kind = "satisfaction"
due = 2027-12-31
```

## How to fix
```toml
metric = "Net Promoter Score from the 30-day survey"
baseline = 31 # measured in the 2026 survey
target = 45
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for goal in &cx.plan.goals {
        let metric = text(&goal.metric);
        let missing = match (metric, goal.target.is_some()) {
            (Some(metric), true) => match direction_only(metric) {
                Some(word) => {
                    format!("a metric that names only a direction ({word}), not what is counted")
                }
                None if goal.baseline.is_none() && !measures_a_change(metric) => {
                    let target = goal.target.as_ref().map_or(0.0, |t| t.value);
                    cx.report(
                        &RULE,
                        Subject::Goal(goal.id.value.clone()),
                        goal.header.clone(),
                        format!(
                            "goal \"{}\" has no baseline: nobody can tell whether reaching the target ({}) is progress",
                            goal.id.value,
                            number(target)
                        ),
                    );
                    continue;
                }
                None => continue,
            },
            (None, true) => "no metric".to_owned(),
            (Some(_), false) => "no target".to_owned(),
            (None, false) => "neither a metric nor a target".to_owned(),
        };
        cx.report(
            &RULE,
            Subject::Goal(goal.id.value.clone()),
            goal.header.clone(),
            format!(
                "goal \"{}\" has {missing}: it cannot be measured",
                goal.id.value
            ),
        );
    }
}

/// Words that open a metric counting a change itself ("Rise in Net
/// Promoter Score over the 2026 survey"): its baseline is in what it counts.
const CHANGES: &[&str] = &[
    "rise",
    "increase",
    "growth",
    "gain",
    "change",
    "fall",
    "drop",
    "reduction",
    "decrease",
    "improvement",
];

/// Whether a metric needs no baseline of its own: it counts a change, or
/// names its baseline ("NPS (2026 baseline: 38)").
fn measures_a_change(metric: &str) -> bool {
    let tokens = tokenize(metric);
    tokens.first().is_some_and(|t| CHANGES.contains(&&*t.word))
        || tokens.iter().any(|t| &*t.word == "baseline")
}

/// The quoted opening word of a metric that names only a direction
/// ("Stronger word-of-mouth"): it opens with a direction, names something
/// no one can count as written (word of mouth, relationships, presence),
/// and has no number, no unit and no word of what is counted.
fn direction_only(metric: &str) -> Option<String> {
    let counted = |c: char| c.is_ascii_digit() || matches!(c, '%' | '£' | '$' | '€');
    if metric.chars().any(counted) {
        return None;
    }
    let tokens = tokenize(metric);
    let opening = metric_directions()
        .find(&tokens)
        .into_iter()
        .find(|m| m.tokens.start == 0)?;
    // The abstraction is what is named only as the last word of its phrase:
    // "community events" names events.
    let named = metric_abstractions()
        .find(&tokens)
        .iter()
        .any(|m| tokens.get(m.tokens.end).is_none_or(|next| !next.content));
    if !named || !metric_units().find(&tokens).is_empty() {
        return None;
    }
    Some(quote(metric, opening.span))
}

#[cfg(test)]
mod tests {
    use super::{direction_only, measures_a_change};

    #[test]
    fn a_metric_that_counts_a_change_needs_no_baseline() {
        assert!(measures_a_change(
            "Rise in Net Promoter Score over the 2026 survey, points"
        ));
        assert!(measures_a_change("Net Promoter Score (2026 baseline: 38)"));
        assert!(!measures_a_change(
            "Net Promoter Score from the quarterly survey"
        ));
    }

    #[test]
    fn a_metric_that_names_only_a_direction_is_reported() {
        assert_eq!(
            direction_only("Stronger word-of-mouth among local tradies").as_deref(),
            Some("\"Stronger\"")
        );
        for metric in [
            "Better relationships with schools",
            "Better customer relationships",
            "Stronger relationships with members",
            "Stronger loyalty",
            "More trust",
        ] {
            assert!(direction_only(metric).is_some(), "{metric}");
        }
    }

    #[test]
    fn a_metric_that_says_what_it_counts_is_a_measure() {
        for metric in [
            "More repeat visits per member",
            "Better score on the exit survey",
            "Higher share of riders who come back",
            "More than 40% of boxes collected on time",
            "Net Promoter Score",
            "Stronger ties with 12 schools",
            "Fewer complaints",
            "Higher retention",
            "Fewer callbacks to finish a job",
            "More loyalty-card sign-ups",
            "More community events",
            "More brand mentions",
            "More LinkedIn connections",
            "More local partnerships",
            "Higher brand awareness in the prompted awareness study",
            "Higher email engagement (opens and clicks)",
        ] {
            assert_eq!(direction_only(metric), None, "{metric}");
        }
    }
}
