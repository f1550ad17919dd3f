//! GOAL004 sales-only-goals: no goal is about customer satisfaction. The rule's
//! metadata, its documentation (`planlint explain GOAL004`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::{Goal, GoalKind, text};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::sanitize::cut;
use crate::text::{Measure, goal_measure};

pub static RULE: Rule = Rule {
    code: "GOAL004",
    name: "sales-only-goals",
    family: Family::Goal,
    severity: Severity::Warning,
    summary: "no goal is about customer satisfaction",
    help: "add a goal of kind \"satisfaction\", e.g. NPS, repeat purchase or a resolved-first-time rate",
    docs: r#"## What it does
Reports a plan that has goals and none of kind `satisfaction`, unless a
goal without a `kind` reads as one.

A goal without a `kind` is read the way HUM002 reads goals: what its
`metric` counts, or its `title` when the metric says neither. When it
measures how customers feel or whether they stay ("Couples recommend our
wedding flowers", measured by NPS), it is probably the satisfaction goal
with its kind left out: GOAL003 asks for the kind, and this rule waits.
When no goal without a kind reads that way, the plan is reported, and the
finding names each such goal with the phrase it read: "Outsell the chain
florists at county weddings", measured by "share of county wedding
bookings", is no satisfaction goal whatever kind it is given.

What it does not report, and why:
- A plan without goals: HUM002 already reports that nothing measures how
  customers feel or whether they stay.
- A plan whose only gap is a missing kind on a goal that reads as
  satisfaction: one defect, one finding, GOAL003's.
- A plan whose goals of kind `satisfaction` all count money ("Average
  order value, £"): it has a satisfaction goal in name, and the one cause,
  money under a satisfaction label, is GOAL007's finding, which says that
  no other satisfaction goal is left.

A goal without a kind that is not about satisfaction, in a plan with no
satisfaction goal, gets both findings: GOAL003 for the kind, GOAL004 for
the missing satisfaction goal. They are two defects: giving that goal its
kind (`revenue`, say) fixes the first and leaves the second.

## Why it matters
Of the three business goals, customer satisfaction is the one a sales-driven
plan forgets, and it is the one that pays for the other two: satisfied
customers come back, recommend the business and cost less to keep. A plan
measured only on revenue and cost will, in the end, optimise the customer away.

## Example
```toml
[[goal]]
id = "q2-sales"
kind = "revenue"
title = "Sell 400 e-bikes in Q2"

[[goal]]
id = "cheaper-ads"
kind = "cost"
title = "Lower cost per click"
```

## How to fix
```toml
[[goal]]
id = "recommend"
kind = "satisfaction"
title = "Riders recommend us"
metric = "Net Promoter Score, 30 days after purchase"
target = 45
due = 2027-12-31
```"#,
    phase: Phase::Plan(check),
};

/// How many characters of a goal's metric or title a finding quotes.
const QUOTED_CHARS: usize = 80;

fn check(cx: &mut Context<'_>) {
    let goals = &cx.plan.goals;
    let Some(first) = goals.first() else { return };
    let satisfaction = |g: &Goal| g.kind.as_ref().map(|k| k.value) == Some(GoalKind::Satisfaction);
    if goals.iter().any(satisfaction) {
        return;
    }
    let mut unclassified = Vec::new();
    for goal in goals.iter().filter(|g| g.kind.is_none()) {
        let metric = text(&goal.metric);
        let read = match goal_measure(&goal.title.value, metric) {
            // Probably the satisfaction goal without its kind: GOAL003 asks.
            Measure::Human(_) => return,
            Measure::Count(phrase) => format!("counts {phrase}"),
            Measure::Other => match metric {
                Some(metric) => format!("measures \"{}\"", cut(metric, QUOTED_CHARS)),
                None => format!(
                    "is titled \"{}\"",
                    cut(goal.title.value.trim(), QUOTED_CHARS)
                ),
            },
        };
        unclassified.push(format!("{} {read}", goal.id.value));
    }
    let classified: Vec<&str> = goals
        .iter()
        .filter(|g| g.kind.is_some())
        .map(|g| g.id.value.as_str())
        .collect();
    let mut parts = Vec::new();
    if !classified.is_empty() {
        parts.push(format!(
            "{} {} about revenue or cost only ({})",
            classified.len(),
            if classified.len() == 1 {
                "goal is"
            } else {
                "goals are"
            },
            classified.join(", ")
        ));
    }
    if !unclassified.is_empty() {
        let goals = match (classified.is_empty(), unclassified.len()) {
            (true, 1) => "goal without a kind is",
            (true, _) => "goals without a kind are",
            (false, 1) => "without a kind is",
            (false, _) => "without a kind are",
        };
        parts.push(format!(
            "{} {goals} not about how customers feel or whether they stay ({})",
            unclassified.len(),
            unclassified.join(", ")
        ));
    }
    cx.report(
        &RULE,
        Subject::Plan,
        first.header.clone(),
        format!(
            "no goal is about customer satisfaction: {}",
            parts.join(", and ")
        ),
    );
}
