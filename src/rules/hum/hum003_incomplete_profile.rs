//! HUM003 incomplete-profile: a persona lacks a purchase insight or a value
//! proposition. The rule's metadata, its documentation (`planlint explain
//! HUM003`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::text;
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "HUM003",
    name: "incomplete-profile",
    family: Family::Hum,
    severity: Severity::Warning,
    summary: "a persona lacks a purchase insight or a value proposition",
    help: "add `purchase_insight` (why and how they buy) and `value_proposition` (what we promise them)",
    docs: r#"## What it does
Reports a persona without a `purchase_insight`, without a
`value_proposition`, or without both.

## Why it matters
An audience profile is built in phases: what drives the purchase, who the
person is, what the business promises them, and the journey they take. The
purchase insight says why and how this person buys; the value proposition
says what the business offers them in return. Without those two, a persona
is a description, not something a plan can act on.

## Example
```toml
[[persona]]
id = "weekend-sporty"
name = "Weekend road rider"
evidence = ["club survey 2026"]
interests = ["sportives", "coffee stops"]
# no purchase_insight, no value_proposition
```

## How to fix
```toml
purchase_insight = "Buys after months of research and a test ride; trusts club mates over ads."
value_proposition = "A bike fitted to their body and a workshop that has it ready for Saturday."
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for persona in &cx.plan.personas {
        let missing = match (
            text(&persona.purchase_insight),
            text(&persona.value_proposition),
        ) {
            (Some(_), Some(_)) => continue,
            (None, Some(_)) => "no purchase insight",
            (Some(_), None) => "no value proposition",
            (None, None) => "neither a purchase insight nor a value proposition",
        };
        cx.report(
            &RULE,
            Subject::Persona(persona.id.value.clone()),
            persona.header.clone(),
            format!("persona \"{}\" has {missing}", persona.id.value),
        );
    }
}
