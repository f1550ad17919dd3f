//! GOAL004 sales-only-goals: no goal is about customer satisfaction. The rule's
//! metadata, its documentation (`planlint explain GOAL004`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::GoalKind;
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "GOAL004",
    name: "sales-only-goals",
    family: Family::Goal,
    severity: Severity::Warning,
    summary: "no goal is about customer satisfaction",
    help: "add a goal of kind \"satisfaction\", e.g. NPS, repeat purchase or a resolved-first-time rate",
    docs: r#"## What it does
Reports a plan that has goals, all of them classified, and none of kind
`satisfaction`. While some goals have no `kind`, GOAL003 asks for it first and
this rule waits.

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

fn check(cx: &mut Context<'_>) {
    let goals = &cx.plan.goals;
    let Some(first) = goals.first() else { return };
    let kinds: Option<Vec<GoalKind>> = goals
        .iter()
        .map(|g| g.kind.as_ref().map(|k| k.value))
        .collect();
    let Some(kinds) = kinds else { return };
    if kinds.contains(&GoalKind::Satisfaction) {
        return;
    }
    let ids: Vec<&str> = goals.iter().map(|g| g.id.value.as_str()).collect();
    cx.report(
        &RULE,
        Subject::Plan,
        first.header.clone(),
        format!(
            "no goal is about customer satisfaction: {} {} about revenue or cost only ({})",
            ids.len(),
            if ids.len() == 1 {
                "goal is"
            } else {
                "goals are"
            },
            ids.join(", ")
        ),
    );
}
