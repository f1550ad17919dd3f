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
interest is nothing but what the business sells: every word of it that
carries meaning is a word of the WHAT (its statement or offerings) or of
buying (discounts, offers, deals, sales, prices, new releases, vouchers).
"Running shoes", "New shoe releases" and "Discounts on shoes" for a
running-shoe shop say nothing beyond the product.

## What it does not report
An interest with one word beyond the offer ("Her cycling club" for a bike
shop that runs club rides, "The local history society" for a bookshop with
a local history corner), and a persona with one such interest among others
about the product. A persona whose interests are all about the service in
words the WHAT does not use ("Reducing their tax bill" for an accountant)
is not caught: planlint cannot tell.

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

/// Whether an interest is nothing but the offer: every word of it that
/// carries meaning is a word of the WHAT or a word of buying ("Running
/// shoes", "New shoe releases", "Discounts on shoes"). One word beyond
/// ("Her cycling club", "Walks along the river") makes it an interest.
fn about_the_offer(interest: &str, offer: &HashSet<String>) -> bool {
    let tokens = tokenize(interest);
    let buying = interest_commerce().find(&tokens);
    let of_buying = |i: usize| buying.iter().any(|m| m.tokens.contains(&i));
    let mut content = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.content)
        .peekable();
    content.peek().is_some()
        && content.all(|(i, t)| of_buying(i) || offer.contains(t.stem.as_ref()))
}
