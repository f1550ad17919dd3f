//! YOU002 never-asks: no touchpoint asks customers anything. The rule's
//! metadata, its documentation (`planlint explain YOU002`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::rules::{Context, Family, Phase, Rule, plan_anchor};

pub static RULE: Rule = Rule {
    code: "YOU002",
    name: "never-asks",
    family: Family::You,
    severity: Severity::Warning,
    summary: "no touchpoint asks customers anything",
    help: "give at least one touchpoint an `ask` (and an `act` saying what is done with the answers)",
    docs: r#"## What it does
Reports a plan in which no touchpoint has an `ask`.

## Why it matters
The most important question in marketing is the one businesses forget to put
to the people it is about: "what do *you* want?". A plan that never asks can
only guess, and it talks at customers instead of with them. Asking turns the
relation around: customers become part of the decisions, not just their
object. It does not have to happen at every contact, and it should respect
people's time, but it has to happen somewhere.

## Example
```toml
[[touchpoint]]
id = "launch-email"
message = "Meet the new Harbor e-bike."
# ...and no touchpoint anywhere has an `ask`
```

## How to fix
Add a question where it fits naturally, and say what happens with the answers:
```toml
ask = "What almost stopped you from riding to work this winter?"
act = "Answers are read every Friday; the top three shape next month's workshop evenings."
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    if plan.touchpoints.iter().any(|t| t.asks()) {
        return;
    }
    let span = plan
        .touchpoints
        .first()
        .map_or_else(|| plan_anchor(plan), |t| t.header.clone());
    let message = match plan.touchpoints.len() {
        0 => "the plan has no touchpoints, so it never asks customers what they want".to_owned(),
        n => format!("none of the plan's {n} touchpoints asks customers what they want"),
    };
    cx.report(&RULE, Subject::Plan, span, message);
}
