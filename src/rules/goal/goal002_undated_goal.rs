//! GOAL002 undated-goal: a goal has no due date. The rule's metadata, its
//! documentation (`planlint explain GOAL002`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "GOAL002",
    name: "undated-goal",
    family: Family::Goal,
    severity: Severity::Warning,
    summary: "a goal has no due date",
    help: "add `due = YYYY-MM-DD`: the date by which the target should be met",
    docs: r#"## What it does
Reports a goal without a `due` date.

## Why it matters
A target without a date is a wish. The date decides how ambitious the target
is, when progress is reviewed, and when the plan is judged. It also lets the
team see which goals compete for the same months.

## Example
```toml
[[goal]]
id = "service-plans"
title = "More riders on a yearly service plan"
metric = "active service plans"
target = 900
```

## How to fix
```toml
due = 2027-09-30
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for goal in cx.plan.goals.iter().filter(|g| g.due.is_none()) {
        cx.report(
            &RULE,
            Subject::Goal(goal.id.value.clone()),
            goal.header.clone(),
            format!("goal \"{}\" has no due date", goal.id.value),
        );
    }
}
