//! HUM001 persona-without-connection: a persona says nothing of what moves them
//! beyond the product. The rule's metadata, its documentation (`planlint
//! explain HUM001`) and its check.

use std::collections::HashSet;

use crate::diagnostic::{Severity, Subject};
use crate::plan::{Plan, items, text};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::interest_commerce;
use crate::text::tokenize;

pub static RULE: Rule = Rule {
    code: "HUM001",
    name: "persona-without-connection",
    family: Family::Hum,
    severity: Severity::Warning,
    summary: "a persona says nothing of what moves them beyond the product",
    help: "add `interests`: what this person cares about beyond what you sell",
    docs: r#"## What it does
Reports a persona whose `interests` list is missing or empty, or whose every
interest is in what the business sells: each names a word of the WHAT (its
statement or offerings) or is about buying (discounts, offers, deals, sales,
prices, new releases, vouchers). "Running shoes", "New shoe releases" and
"Discounts on shoes" for a running-shoe shop say nothing beyond the product.

## What it does not report
A persona with one interest beyond the product among others about it: a
cycling club for a bike shop's customer is a connection, and so is
"weekend rides" beside "e-bikes".

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
    let plan = cx.plan;
    let offer = offer_stems(plan);
    for persona in &plan.personas {
        let interests: Vec<&str> = items(&persona.interests).map(|i| i.text.as_str()).collect();
        if !interests.is_empty() {
            if interests.iter().all(|i| about_the_offer(i, &offer)) {
                cx.report(
                    &RULE,
                    Subject::Persona(persona.id.value.clone()),
                    persona
                        .interests
                        .as_ref()
                        .map_or(persona.header.clone(), |i| i.key.clone()),
                    format!(
                        "persona \"{}\" has interests only in what the business sells: {}",
                        persona.id.value,
                        interests
                            .iter()
                            .map(|i| format!("\"{i}\""))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
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

/// The stems of the content words of the WHAT: its statement and offerings.
fn offer_stems(plan: &Plan) -> HashSet<String> {
    let Some(what) = plan.what.as_ref() else {
        return HashSet::new();
    };
    text(&what.statement)
        .into_iter()
        .chain(items(&what.offerings).map(|o| o.text.as_str()))
        .flat_map(tokenize)
        .filter(|t| t.content)
        .map(|t| t.stem.to_string())
        .collect()
}

/// Whether an interest is in the offer: a content word of the WHAT, or a
/// word of buying.
fn about_the_offer(interest: &str, offer: &HashSet<String>) -> bool {
    let tokens = tokenize(interest);
    !interest_commerce().find(&tokens).is_empty()
        || tokens
            .iter()
            .any(|t| t.content && offer.contains(t.stem.as_ref()))
}
