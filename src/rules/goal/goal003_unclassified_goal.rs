//! GOAL003 unclassified-goal: a goal does not say which business goal it
//! serves. The rule's metadata, its documentation (`planlint explain GOAL003`)
//! and its check.

use crate::diagnostic::{Severity, Subject};
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "GOAL003",
    name: "unclassified-goal",
    family: Family::Goal,
    severity: Severity::Warning,
    summary: "a goal does not say which business goal it serves",
    help: "add `kind = \"satisfaction\"`, `\"cost\"` or `\"revenue\"`",
    docs: r#"## What it does
Reports a goal without a `kind`. The kinds are Jim Sterne's three business
goals: raise customer satisfaction, lower costs, raise revenue.

When the plan has no goal of kind `satisfaction` and a goal without a kind
measures how customers feel or whether they stay (read as HUM002 reads it),
GOAL004 waits for that kind, so a plan whose only gap is the kind gets this
one finding. A goal without a kind that is about something else leaves the
plan without a satisfaction goal whatever its kind, and GOAL004 reports that
too.

## Why it matters
Nearly every marketing goal comes down to one of those three. Naming it makes
the balance of the plan visible: a plan can then be checked for goals that look
after customers and costs, not only sales (GOAL004). An unclassified goal also
hides what success is supposed to bring the business.

## Example
```toml
[[goal]]
id = "workshop-bookings"
title = "Workshop bookings online"
metric = "share of bookings made online"
target = 0.6
due = 2027-06-30
```

## How to fix
```toml
kind = "cost"   # online bookings save phone time at the workshop
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for goal in cx.plan.goals.iter().filter(|g| g.kind.is_none()) {
        cx.report(
            &RULE,
            Subject::Goal(goal.id.value.clone()),
            goal.header.clone(),
            format!(
                "goal \"{}\" has no kind: satisfaction, cost or revenue",
                goal.id.value
            ),
        );
    }
}
