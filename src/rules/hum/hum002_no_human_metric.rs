//! HUM002 no-human-metric: no goal measures how customers feel or whether they
//! stay. The rule's metadata, its documentation (`planlint explain HUM002`) and
//! its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::text;
use crate::rules::{Context, Family, Phase, Rule, plan_anchor};
use crate::text::lexicons::human_metrics;

pub static RULE: Rule = Rule {
    code: "HUM002",
    name: "no-human-metric",
    family: Family::Hum,
    severity: Severity::Warning,
    summary: "no goal measures how customers feel or whether they stay",
    help: "add a goal measured by NPS, satisfaction, retention, churn, lifetime value or reviews",
    docs: r#"## What it does
Looks at the `title` and `metric` of every goal for a measure of how customers
feel or whether they stay: NPS, CSAT, satisfaction, customer effort, churn,
retention, repeat purchases, lifetime value, loyalty, reviews and ratings,
recommendations and referrals, renewals, complaints. Reports the plan when no
goal has one, including when the plan has no goals at all.

## Why it matters
What gets measured gets managed. A plan measured only in sales and costs will
trade the relationship for this quarter's numbers without noticing. Measures
such as NPS, churn and lifetime value make the human side of the business
visible in the same meetings where revenue is discussed.

## Example
```toml
[[goal]]
id = "q2-sales"
metric = "e-bikes sold"

[[goal]]
id = "cpc"
metric = "cost per click"
```

## How to fix
```toml
[[goal]]
id = "riders-stay"
title = "Riders stay with us after their first bike"
kind = "satisfaction"
metric = "12-month retention of first-time buyers"
target = 0.6
due = 2027-12-31
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    let human = plan.goals.iter().any(|g| {
        [Some(g.title.value.as_str()), text(&g.metric)]
            .into_iter()
            .flatten()
            .any(|t| !human_metrics().matches_text(t).is_empty())
    });
    if human {
        return;
    }
    let (span, message) = match plan.goals.first() {
        Some(first) => (
            first.header.clone(),
            format!(
                "none of the plan's {} goals measures how customers feel or whether they stay",
                plan.goals.len()
            ),
        ),
        None => (
            plan_anchor(plan),
            "the plan has no goals, so nothing measures how customers feel or whether they stay"
                .to_owned(),
        ),
    };
    cx.report(&RULE, Subject::Plan, span, message);
}
