//! GOAL006 missing-business-goal: no goal lowers cost, or none raises
//! revenue. The rule's metadata, its documentation (`planlint explain
//! GOAL006`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::GoalKind;
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "GOAL006",
    name: "missing-business-goal",
    family: Family::Goal,
    severity: Severity::Info,
    summary: "no goal lowers cost, or none raises revenue",
    help: "decide whether the plan should lower a cost (kind \"cost\") or raise revenue (kind \"revenue\"), and add that goal",
    docs: r#"## What it does
Reports a plan whose goals are all classified and none of which is of kind
`cost`, or none of kind `revenue`. While some goals have no `kind`, GOAL003
asks for it first and this rule waits. A plan without satisfaction goals is
GOAL004's.

It is an info finding, not a warning: a plan may rightly leave one business
goal to another plan (a public service with no income, a small studio whose
costs are fixed), so it asks for a decision rather than reporting a defect.
Raise it to a warning in `planlint.toml` (`severity = { GOAL006 = "warning" }`)
where every plan should cover all three.

## Why it matters
Marketing serves three business goals: customers who are more satisfied,
costs that go down, revenue that goes up. A plan that only ever adds
activity and income forgets that serving people well often costs less (fewer
calls, fewer returns, less waste), and a plan with no revenue goal cannot
show the board what it is for. Naming all three makes the trade-offs
visible.

## Example
```toml
[[goal]]
id = "nps"
kind = "satisfaction"
# ...
[[goal]]
id = "bookings"
kind = "revenue"
# no goal of kind "cost"
```

## How to fix
```toml
[[goal]]
id = "no-shows"
title = "Fewer missed appointments"
kind = "cost"
metric = "missed appointments a month"
baseline = 42
target = 25
due = 2027-09-30
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let goals = &cx.plan.goals;
    let Some(first) = goals.first() else { return };
    let kinds: Option<Vec<GoalKind>> = goals
        .iter()
        .map(|g| g.kind.as_ref().map(|k| k.value))
        .collect();
    let Some(kinds) = kinds else { return };
    let missing: Vec<&str> = [
        (GoalKind::Cost, "lowers cost"),
        (GoalKind::Revenue, "raises revenue"),
    ]
    .into_iter()
    .filter(|(kind, _)| !kinds.contains(kind))
    .map(|(_, what)| what)
    .collect();
    if missing.is_empty() {
        return;
    }
    let covered: Vec<&str> = [
        (GoalKind::Satisfaction, "satisfaction"),
        (GoalKind::Cost, "cost"),
        (GoalKind::Revenue, "revenue"),
    ]
    .into_iter()
    .filter(|(kind, _)| kinds.contains(kind))
    .map(|(_, name)| name)
    .collect();
    cx.report(
        &RULE,
        Subject::Plan,
        first.header.clone(),
        format!(
            "no goal {}: the plan's {} {} about {} only",
            missing.join(" and none "),
            goals.len(),
            if goals.len() == 1 {
                "goal is"
            } else {
                "goals are"
            },
            covered.join(" and ")
        ),
    );
}
