//! TX003 journey-ends-at-purchase: no touchpoint after the sale: the journey
//! stops at the purchase. The rule's metadata, its documentation (`planlint
//! explain TX003`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "TX003",
    name: "journey-ends-at-purchase",
    family: Family::Tx,
    severity: Severity::Warning,
    summary: "no touchpoint after the sale: the journey stops at the purchase",
    help: "add touchpoints at onboarding, retention or advocacy: what happens after someone buys?",
    docs: r#"## What it does
Reports a plan that has touchpoints but none at the `onboarding`, `retention`
or `advocacy` stage. While this rule fires, HUM004 does not report those three
stages one by one.

## Why it matters
A customer's journey does not end with one purchase; for the customer, that
is where living with the product starts. A plan that stops at the sale
abandons people exactly when help, care and a relationship matter most, and
it gives up the loyalty and recommendations that make the next sale easier.

## Example
```toml
[[touchpoint]]
id = "search-ads"
stage = "awareness"

[[touchpoint]]
id = "checkout-reminder"
stage = "purchase"
# nothing at onboarding, retention or advocacy
```

## How to fix
```toml
[[touchpoint]]
id = "two-week-call"
name = "Two weeks in: how is it going?"
stage = "onboarding"
owner = "customer care"
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let touchpoints = &cx.plan.touchpoints;
    let Some(first) = touchpoints.first() else {
        return;
    };
    if ends_at_purchase(cx.plan) {
        cx.report(
            &RULE,
            Subject::Plan,
            first.header.clone(),
            format!(
                "none of the plan's {} touchpoints is at onboarding, retention or advocacy: the journey ends at the sale",
                touchpoints.len()
            ),
        );
    }
}

/// True when the plan has touchpoints and none of them is after the sale.
pub(crate) fn ends_at_purchase(plan: &crate::plan::Plan) -> bool {
    !plan.touchpoints.is_empty()
        && !plan.touchpoints.iter().any(|t| {
            t.stage
                .as_ref()
                .is_some_and(|s| s.value.is_after_purchase())
        })
}
