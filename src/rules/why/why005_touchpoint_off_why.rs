//! WHY005 touchpoint-off-why: a touchpoint's message shares no concept with the
//! WHY, HOW, WHAT or its personas' wants. The rule's metadata, its
//! documentation (`planlint explain WHY005`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::{items, text};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::concepts;

pub static RULE: Rule = Rule {
    code: "WHY005",
    name: "touchpoint-off-why",
    family: Family::Why,
    severity: Severity::Warning,
    summary: "a touchpoint's message shares no concept with the WHY, HOW, WHAT or its personas' wants",
    help: "rewrite the message so it carries the WHY, the HOW or what the persona wants, or drop the touchpoint",
    docs: r#"## What it does
Compares each touchpoint's `message` with everything it could be expected to
echo: the WHY statement, the HOW (statement and differentiators), the WHAT
(statement and offerings) and the `wants` of the personas the touchpoint
reaches. Concepts are compared as in WHY004 (stems and synonym groups, common
words left out). A message that shares nothing with any of them is reported.
Touchpoints without a message, and plans without a WHY, are not judged.

## Why it matters
Touchpoints are where customers meet the plan. If what they hear has nothing to
do with what the business stands for, what it offers or what they asked for,
the WHY exists only in the board room. The golden circle only works when the
outer rings stay true to the centre.

## Example
```toml
[why]
statement = "We believe getting around the city should feel calm and free."

[[touchpoint]]
id = "casino-night"
name = "Casino night sponsorship"
message = "Spin the wheel and win big tonight!"
```

## How to fix
Make the message say something the WHY, the offer or the persona would
recognise, e.g. "Ride home calm: free lights check at the door tonight."."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    if plan.why_statement().is_none() {
        return;
    }
    // The WHY, HOW and WHAT texts every touchpoint may echo.
    let mut common: Vec<&str> = plan.why_statement().into_iter().collect();
    common.extend(plan.how_and_what_texts());
    for touchpoint in &plan.touchpoints {
        let Some(message) = text(&touchpoint.message) else {
            continue;
        };
        let wants = items(&touchpoint.personas)
            .filter_map(|p| plan.persona(&p.text))
            .flat_map(|p| items(&p.wants))
            .map(|w| w.text.as_str());
        if !concepts()
            .shared_with(message, common.iter().copied().chain(wants))
            .is_empty()
        {
            continue;
        }
        let Some(field) = touchpoint.message.as_ref() else {
            continue;
        };
        cx.report(
            &RULE,
            Subject::Touchpoint(touchpoint.id.value.clone()),
            field.key.clone(),
            format!(
                "touchpoint \"{}\" says nothing of the WHY, the HOW, the WHAT or what its personas want",
                touchpoint.id.value
            ),
        );
    }
}
