//! HUM001 persona-without-connection: a persona says nothing of what moves them
//! beyond the product. The rule's metadata, its documentation (`planlint
//! explain HUM001`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::items;
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "HUM001",
    name: "persona-without-connection",
    family: Family::Hum,
    severity: Severity::Warning,
    summary: "a persona says nothing of what moves them beyond the product",
    help: "add `interests`: what this person cares about beyond what you sell",
    docs: r#"## What it does
Reports a persona whose `interests` list is missing or empty.

## Why it matters
People connect with a business for more than its products: shared causes,
hobbies, a neighbourhood, their family. Human marketing adds these personal
connection factors to the audience profile, because they are what lets a
business show it knows and cares about someone beyond the sale. A persona
without them can only ever be sold to.

## Example
```toml
[[persona]]
id = "bargain-hunter"
name = "Bargain hunter"
wants = ["the cheapest e-bike"]
# no interests
```

## How to fix
```toml
interests = ["weekend markets", "fixing things themselves", "their kids' football club"]
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for persona in &cx.plan.personas {
        if items(&persona.interests).next().is_some() {
            continue;
        }
        let span = persona
            .interests
            .as_ref()
            .map_or(persona.header.clone(), |i| i.key.clone());
        cx.report(
            &RULE,
            Subject::Persona(persona.id.value.clone()),
            span,
            format!(
                "persona \"{}\" has no interests: nothing says what moves them beyond the product",
                persona.id.value
            ),
        );
    }
}
