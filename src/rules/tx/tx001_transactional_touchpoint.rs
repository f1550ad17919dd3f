//! TX001 transactional-touchpoint: a touchpoint's message is pure sales
//! pressure. The rule's metadata, its documentation (`planlint explain TX001`)
//! and its check.

use super::pure_pressure;
use crate::diagnostic::{Severity, Subject};
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "TX001",
    name: "transactional-touchpoint",
    family: Family::Tx,
    severity: Severity::Warning,
    summary: "a touchpoint's message is pure sales pressure",
    help: "give the message something of value (help, advice, a story) or a question, not only a push to buy",
    docs: r#"## What it does
Reads each touchpoint's `message` for sales pressure: "buy now", "30% off",
"today only", "last chance", "limited stock", "offer ends", "complete your
purchase" and the like, matched as whole stemmed phrases (a number in a cue
matches any number). The touchpoint is reported when its message has such
cues and nothing else for the customer: no help, advice, story, recipe,
repair or community, no question mark, and no `ask`. A cue negated earlier in
its clause ("no pressure to buy") does not count, and a message that mentions
a price next to real help is not pure pressure.

## Why it matters
People tune out a brand that only ever asks them to buy something. Each
contact that is pure pressure spends a little of their attention and
goodwill; a programme made of them trains customers to ignore it, or to wait
for the next discount. A touchpoint earns its place by giving something too.

## Example
```toml
[[touchpoint]]
id = "flash-sale"
message = "BUY NOW: 30% off all e-bikes, today only!"
```

## How to fix
Lead with what helps, and keep the offer if it is genuine:
```toml
message = "Thinking of an e-bike for winter? Our guide to lights and tyres, and 30% off winter servicing this week."
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for touchpoint in &cx.plan.touchpoints {
        let Some(cues) = pure_pressure(touchpoint) else {
            continue;
        };
        let Some(message) = touchpoint.message.as_ref() else {
            continue;
        };
        cx.report(
            &RULE,
            Subject::Touchpoint(touchpoint.id.value.clone()),
            message.key.clone(),
            format!(
                "touchpoint \"{}\" is pure sales pressure: {}",
                touchpoint.id.value,
                cues.join(", ")
            ),
        );
    }
}
