//! GOAL001 unmeasurable-goal: a goal has no metric or no target. The rule's
//! metadata, its documentation (`planlint explain GOAL001`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::text;
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "GOAL001",
    name: "unmeasurable-goal",
    family: Family::Goal,
    severity: Severity::Warning,
    summary: "a goal has no metric or no target",
    help: "give the goal a `metric` (what is measured) and a `target` (the number that means success)",
    docs: r#"## What it does
Reports a goal without a `metric` (or with a blank one), without a `target`,
or without both.

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
baseline = 31
target = 45
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for goal in &cx.plan.goals {
        let missing = match (text(&goal.metric).is_some(), goal.target.is_some()) {
            (true, true) => continue,
            (false, true) => "no metric",
            (true, false) => "no target",
            (false, false) => "neither a metric nor a target",
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
