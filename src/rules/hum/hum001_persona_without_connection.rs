//! HUM001 persona-without-connection: a persona says nothing of what moves them
//! beyond the product. The rule's metadata, its documentation (`planlint
//! explain HUM001`) and its check.

use std::collections::HashSet;

use crate::diagnostic::{Severity, Subject};
use crate::plan::{Plan, items, text};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::{interest_commerce, product_parts, product_places, shared_places};
use crate::text::{Token, tokenize};

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
running-shoe shop say nothing beyond the product. Two more kinds of
interest are the product too:
- the business's own things, written as it speaks of them: an interest
  that opens with "our" ("Our gift tins", "Our tea advent calendar", "Our
  Christmas blend");
- a part of the product, named by a word of the WHAT: an interest whose
  head is a feature, a reminder, a notification, a tier or a dashboard
  ("Watering reminders", "The photo diagnosis feature", "Unlocking Plus
  features"), or that is placed in the product ("Plant care tips in the
  app", "in-app tips").

## What it does not report
An interest with one word beyond the offer ("Her cycling club" for a bike
shop that runs club rides, "The local history society" for a bookshop with
a local history corner), and a persona with one such interest among others
about the product. "Our" before what a business shares with its customers is no product
("Our local food bank", "Our town's carnival"), and a word of a product's
parts with no word of the WHAT is someone's life ("Writing features for
the parish newsletter"). A persona whose interests are all about the service in
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
    only_offer_words(&tokens, offer) || ours(&tokens) || a_part_of_the_product(&tokens, offer)
}

/// Whether every word of an interest that carries meaning is a word of the
/// WHAT or of buying.
fn only_offer_words(tokens: &[Token], offer: &HashSet<String>) -> bool {
    let buying = interest_commerce().find(tokens);
    let of_buying = |i: usize| buying.iter().any(|m| m.tokens.contains(&i));
    let mut content = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.content)
        .peekable();
    content.peek().is_some()
        && content.all(|(i, t)| of_buying(i) || offer.contains(t.stem.as_ref()))
}

/// Whether an interest is the business's own thing, written as the business
/// speaks of it: "Our gift tins", "Our Christmas blend". "Our" before what
/// it shares with its customers ("Our local food bank", "Our town's
/// carnival") is not.
fn ours(tokens: &[Token]) -> bool {
    let shared = shared_places().find(tokens);
    tokens.first().is_some_and(|t| &*t.word == "our")
        && tokens.len() > 1
        && !shared.iter().any(|m| m.tokens.start == 1)
}

/// Words that end the head of an interest, the thing it names: "tips" in
/// "Plant care tips in the app".
const HEAD_ENDS: &[&str] = &[
    "in", "on", "at", "for", "from", "with", "about", "to", "by", "of", "that", "which", "who",
];

/// Whether an interest is a part of the product: its head is a word of a
/// product's parts ("Watering reminders", "The photo diagnosis feature") or
/// it is placed in the product ("Plant care tips in the app"), and a word
/// of the WHAT says whose product it is ("Writing features for the local
/// paper" is no part of a plant-care app).
fn a_part_of_the_product(tokens: &[Token], offer: &HashSet<String>) -> bool {
    let of_the_offer = tokens
        .iter()
        .any(|t| t.content && offer.contains(t.stem.as_ref()));
    if !of_the_offer {
        return false;
    }
    if !product_places().find(tokens).is_empty() {
        return true;
    }
    let first = tokens.iter().position(|t| t.content).unwrap_or(0);
    let end = (first..tokens.len())
        .find(|&i| {
            tokens[i].clause != tokens[first].clause || HEAD_ENDS.contains(&&*tokens[i].word)
        })
        .unwrap_or(tokens.len());
    let Some(head) = (first..end).rfind(|&i| tokens[i].content) else {
        return false;
    };
    product_parts()
        .find(tokens)
        .iter()
        .any(|m| m.tokens.end == head + 1)
}
