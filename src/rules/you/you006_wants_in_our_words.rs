//! YOU006 wants-in-our-words: a persona's wants are written in the
//! company's words, not the people's. The rule's metadata, its documentation
//! (`planlint explain YOU006`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::items;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::company_words;
use crate::text::push_quote;

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
"personalized journeys", and the shop's sales measures and tactics: "SKUs",
"basket size", "average order value", "subscription conversion", "upsell",
"cross-sell", "upgrade path". A persona is reported when at least two of its
wants, and at least half of them, speak that way. Cues are matched as whole
stemmed words.

Not reported: one such want among wants in people's own words (a team may
sum one up), and words people do use for what they want ("value for money",
"quality", "I need"), nor words of selling that people use too: "basket"
("add it to my basket"), "mailing list", "conversion" on its own ("a loft
conversion"). A cue right after a negation ("don't upsell me", "please
don't try to upsell me") is the customer's refusal and does not count.

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
            let found = company_words().matches_text(want);
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
