//! WHY001 missing-why: the plan states no WHY. The rule's metadata, its
//! documentation (`planlint explain WHY001`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::rules::{Context, Family, Phase, Rule, plan_anchor};

pub static RULE: Rule = Rule {
    code: "WHY001",
    name: "missing-why",
    family: Family::Why,
    severity: Severity::Error,
    summary: "the plan states no WHY",
    help: "add a [why] table with a `statement` of the purpose or belief behind the business",
    docs: r#"## What it does
Reports a plan without a `[why]` table, or whose `statement` is missing or blank.

## Why it matters
Simon Sinek's golden circle starts in the middle: people are moved less by what
a business sells than by why it exists. The WHY is the yardstick for everything
else in the plan: goals and touchpoints are judged by whether they serve it.
Without one there is nothing to keep the plan honest, and the alignment rules
(WHY004, WHY005) have nothing to compare against, so they stay silent until the
WHY is written.

## Example
```toml
name = "Harbor Bikes 2027"

[what]
offerings = ["city bikes", "e-bikes", "workshop"]
# no [why]: why does Harbor Bikes exist at all?
```

## How to fix
Write one or two sentences on the belief behind the business, about people
rather than products:
```toml
[why]
statement = "We believe getting around the city should feel calm and free, whatever the weather."
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    if cx.plan.why_statement().is_some() {
        return;
    }
    let (span, message) = match &cx.plan.why {
        Some(why) => match &why.statement {
            Some(statement) => (statement.key.clone(), "the WHY statement is blank"),
            None => (why.header.clone(), "[why] has no `statement`"),
        },
        None => (
            plan_anchor(cx.plan),
            "the plan has no [why]: nothing says why the business exists",
        ),
    };
    cx.report(&RULE, Subject::Why, span, message);
}
