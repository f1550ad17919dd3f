//! WHY003 missing-how: nothing says how the business acts on its WHY or differs
//! from others. The rule's metadata, its documentation (`planlint explain
//! WHY003`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::{items, text};
use crate::rules::{Context, Family, Phase, Rule, plan_anchor};

pub static RULE: Rule = Rule {
    code: "WHY003",
    name: "missing-how",
    family: Family::Why,
    severity: Severity::Warning,
    summary: "nothing says how the business acts on its WHY or differs from others",
    help: "add a [how] table with a `statement` or a list of `differentiators`",
    docs: r#"## What it does
Reports a plan whose `[how]` has neither a `statement` nor any
`differentiators` (or that has no `[how]` at all).

## Why it matters
The HOW is where a belief turns into practice: the principles and the ways of
working that set the business apart. When products and even design become
commodities, how a company works is much of what customers can tell apart. A
plan without it leaves its strategy to be judged on price alone.

## Example
```toml
[why]
statement = "We believe getting around the city should feel calm and free."

[what]
offerings = ["city bikes", "e-bikes"]
# no [how]: what makes this shop different from the next one?
```

## How to fix
```toml
[how]
statement = "We fit every bike to its rider and keep it running for years."
differentiators = ["free lifetime adjustments", "loan bike during every repair"]
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let (span, message) = match &cx.plan.how {
        Some(how)
            if text(&how.statement).is_some() || items(&how.differentiators).next().is_some() =>
        {
            return;
        }
        Some(how) => (
            how.header.clone(),
            "[how] has no statement and no differentiators",
        ),
        None => (
            plan_anchor(cx.plan),
            "the plan has no [how]: nothing says how the business lives its WHY or differs from others",
        ),
    };
    cx.report(&RULE, Subject::How, span, message);
}
