//! YOU003 ask-without-action: a touchpoint asks but nothing is done with the
//! answers. The rule's metadata, its documentation (`planlint explain YOU003`)
//! and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::text;
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "YOU003",
    name: "ask-without-action",
    family: Family::You,
    severity: Severity::Warning,
    summary: "a touchpoint asks but nothing is done with the answers",
    help: "add `act`: who reads the answers, how often, and what they change",
    docs: r#"## What it does
Reports a touchpoint that has an `ask` but no `act` (or a blank one).

## Why it matters
Asking is only half of it; listening and acting on what people say is the
other half. Customers notice when their answers disappear into a survey tool:
the next time they are asked, they do not bother. A question with no plan for
its answers costs goodwill and returns nothing.

## Example
```toml
[[touchpoint]]
id = "post-service-survey"
ask = "How was your service?"
# no act
```

## How to fix
```toml
act = "The workshop lead reads every answer weekly; anything under 4 stars gets a call back within two days."
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for touchpoint in &cx.plan.touchpoints {
        let Some(ask) = touchpoint.ask.as_ref().filter(|_| touchpoint.asks()) else {
            continue;
        };
        if text(&touchpoint.act).is_some() {
            continue;
        }
        cx.report(
            &RULE,
            Subject::Touchpoint(touchpoint.id.value.clone()),
            ask.key.clone(),
            format!(
                "touchpoint \"{}\" asks \"{}\" but nothing says what is done with the answers",
                touchpoint.id.value,
                ask.value.trim()
            ),
        );
    }
}
