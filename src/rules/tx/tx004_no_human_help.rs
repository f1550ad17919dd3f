//! TX004 no-human-help: no touchpoint is owned by people who help customers.
//! The rule's metadata, its documentation (`planlint explain TX004`) and its
//! check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::text;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::helpful_owners;

pub static RULE: Rule = Rule {
    code: "TX004",
    name: "no-human-help",
    family: Family::Tx,
    severity: Severity::Warning,
    summary: "no touchpoint is owned by people who help customers",
    help: "give a touchpoint to the care, support, service or success team: someone who reaches out to help",
    docs: r#"## What it does
Reports a plan that has touchpoints, none of whose `owner` names a team of
people who help: care, customer care, support, service, success, a help desk.

## Why it matters
Understanding what customers intend includes knowing when someone needs a
person to reach out and get them over a hurdle: a setup that went wrong, a
question before a big purchase, a repair. When every touchpoint belongs to
marketing or sales, the plan only ever speaks when it wants something.

## Example
```toml
[[touchpoint]]
id = "retargeting"
owner = "performance marketing"

[[touchpoint]]
id = "newsletter"
owner = "marketing"
```

## How to fix
```toml
[[touchpoint]]
id = "first-service-call"
name = "Call before the first free service"
stage = "onboarding"
owner = "customer care"
message = "Your bike is due its free first service; shall we book it and check the fit while you're here?"
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let touchpoints = &cx.plan.touchpoints;
    let Some(first) = touchpoints.first() else {
        return;
    };
    let helped = touchpoints
        .iter()
        .filter_map(|t| text(&t.owner))
        .any(|owner| !helpful_owners().matches_text(owner).is_empty());
    if helped {
        return;
    }
    let mut owners: Vec<&str> = touchpoints.iter().filter_map(|t| text(&t.owner)).collect();
    owners.sort_unstable();
    owners.dedup();
    let owned_by = if owners.is_empty() {
        "no touchpoint names an owner".to_owned()
    } else {
        format!("owners are {}", owners.join(", "))
    };
    cx.report(
        &RULE,
        Subject::Plan,
        first.header.clone(),
        format!("no touchpoint is owned by people who help customers ({owned_by})"),
    );
}
