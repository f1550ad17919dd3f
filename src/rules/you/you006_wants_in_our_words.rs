//! YOU006 wants-in-our-words: a persona's wants are written in the
//! company's words, not the people's. The rule's metadata, its documentation
//! (`planlint explain YOU006`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::items;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::{company_words, customer_judgements, own_voice, sales_measures};
use crate::text::{Match, Token, push_quote, tokenize};

pub static RULE: Rule = Rule {
    code: "YOU006",
    name: "wants-in-our-words",
    family: Family::You,
    severity: Severity::Warning,
    summary: "a persona's wants are written in the company's words, not the people's",
    help: "write what they want as they said it in the interviews and surveys of `evidence`, in their words",
    docs: r#"## What it does
Reads each persona's `wants` for the company's own vocabulary: sales and
product jargon such as "seamless", "one-stop solution", "premium",
"curated", "assortment", "best-in-class", "competitive prices",
"personalized journeys"; and the shop's sales measures and tactics ("SKUs",
"basket size", "average order value", "subscription conversion", "upsell",
"cross-sell", "upgrade path") when the want states the company's aim:
"Bundles that increase basket size", "Subscription conversion after the
second purchase", "Entry-level blends as a gateway to premium
single-estate SKUs". A persona is reported when at least two of its wants,
and at least half of them, speak that way. Cues are matched as whole
stemmed words.

Not reported: one such want among wants in people's own words (a team may
sum one up), and words people do use for what they want ("value for money",
"quality", "I need"), nor words of selling that people use too: "basket"
("add it to my basket"), "mailing list", "conversion" on its own ("a loft
conversion"). A sales measure in the customer's own voice is something they
mention or complain about, not the company's aim: a want where the customer
speaks of themselves ("a sku I can reorder", "a conversion rate I can check
before I hand over cash" at a bureau de change), a complaint ("I'm sick of
the upsell at every supermarket till", "Hate the endless upsells on
delivery apps"), what the customer asks of it right before it ("a clear
upgrade path from the free tier"), or a cue right after a negation ("don't
upsell me").

## Why it matters
"What do you want?" is only answered in the customer's words. Wants written
as "a seamless, premium experience" are what the company would like to
sell, dressed up as a finding; every touchpoint built on them speaks to a
customer who does not exist. The words people use also tell you what
matters to them ("I don't want to drop $900 and find out I hate camping"),
which jargon hides.

## Example
```toml
[[persona]]
id = "new-parent"
wants = ["A seamless omnichannel experience", "Premium curated assortment", "Best-in-class convenience"]
```

## How to fix
Quote the interviews:
```toml
wants = ["Something I can order one-handed at 3am", "Nappies that don't leak overnight"]
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for persona in &cx.plan.personas {
        let wants: Vec<&str> = items(&persona.wants).map(|i| i.text.as_str()).collect();
        let mut cues = Vec::new();
        let mut in_our_words = 0;
        for want in &wants {
            let found = company_words_in(want);
            if !found.is_empty() {
                in_our_words += 1;
                for m in found {
                    push_quote(&mut cues, want, m.span);
                }
            }
        }
        if in_our_words < 2 || in_our_words * 2 < wants.len() {
            continue;
        }
        let Some(field) = persona.wants.as_ref() else {
            continue;
        };
        cx.report(
            &RULE,
            Subject::Persona(persona.id.value.clone()),
            field.key.clone(),
            format!(
                "persona \"{}\" wants things in the company's words, not theirs ({} of {} wants): {}",
                persona.id.value,
                in_our_words,
                wants.len(),
                cues.join(", ")
            ),
        );
    }
}

/// The company's words in a want: its jargon anywhere, and the shop's sales
/// measures when the want states the company's aim ("Bundles that increase
/// basket size", "Subscription conversion after the second purchase"). A
/// sales measure in the customer's own voice is something they mention or
/// complain about: the customer speaking of themselves ("a sku I can
/// reorder"), a complaint ("Hate the endless upsells") or what the customer
/// asks of it, right before it ("a clear upgrade path").
fn company_words_in(want: &str) -> Vec<Match> {
    let tokens = tokenize(want);
    let mut found = company_words().find(&tokens);
    if own_voice().find(&tokens).is_empty() {
        let judged = customer_judgements().find(&tokens);
        found.extend(
            sales_measures()
                .find(&tokens)
                .into_iter()
                .filter(|m| !judged_by_the_customer(&tokens, m, &judged)),
        );
    }
    found.sort_by_key(|m| m.tokens.start);
    found
}

/// Whether a customer's judgement stands right before a sales measure: "a
/// clear upgrade path".
fn judged_by_the_customer(tokens: &[Token], cue: &Match, judged: &[Match]) -> bool {
    let before = (0..cue.tokens.start).rfind(|&i| tokens[i].content);
    before.is_some_and(|i| judged.iter().any(|j| j.tokens.end == i + 1))
}

#[cfg(test)]
mod tests {
    use super::company_words_in;

    #[test]
    fn a_sales_measure_is_ours_when_it_states_the_company_s_aim() {
        for want in [
            "Bundles that increase basket size",
            "Subscription conversion after the second purchase",
            "Entry-level blends as a gateway to premium single-estate SKUs",
            "Upsell the customer to the annual plan",
            "Drive conversion rate on the product page",
        ] {
            assert!(!company_words_in(want).is_empty(), "{want}");
        }
    }

    #[test]
    fn a_sales_measure_in_the_customer_s_voice_is_theirs() {
        for want in [
            "I'm sick of the upsell at every supermarket till",
            "Hate the endless upsells on delivery apps",
            "a conversion rate I can check before I hand over cash",
            "a sku I can reorder without ringing round",
            "a clear upgrade path from the free tier",
            "please don't try to upsell me",
        ] {
            assert!(company_words_in(want).is_empty(), "{want}");
        }
    }
}
