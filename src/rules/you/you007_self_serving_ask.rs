//! YOU007 self-serving-ask: a touchpoint's question asks customers for what
//! the business wants (a top rating, a product added to their order), not
//! what they want. The rule's metadata, its documentation (`planlint
//! explain YOU007`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::text;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::ask_self_serving;
use crate::text::push_quote;

pub static RULE: Rule = Rule {
    code: "YOU007",
    name: "self-serving-ask",
    family: Family::You,
    severity: Severity::Warning,
    summary: "a touchpoint's question asks for what the business wants, not what the customer wants",
    help: "ask what the customer wants or how it went for them (\"what would make this better for you?\"), and let them rate or buy without being asked to",
    docs: r#"## What it does
Reports a touchpoint whose `ask` is a request dressed as a question: it
asks for a top rating ("Would you rate us 5 stars on the App Store?") or
lets the customer choose only what to buy next ("Which tin would you like
added to your next order?", "Shall we upgrade you to Plus?"), or closes a
sale ("Shall we sign you up to the Gold Care plan today?"). Cues are
matched as whole stemmed words, with any number standing for a number of
stars.

## What it does not report
A question about the customer's experience that happens to be a rating
("How would you rate the service, and what one thing would make it
better?"), an invitation to tell others in their own words, or a question
about what they need that mentions an order ("What is coming in your order
book next quarter that we should plan for?"). Whether the answers are used
is YOU003's question; whether the message is pressure is TX001's.

## Why it matters
Asking customers what they want is how a plan learns; an ask whose every
answer is a sale or a good score learns nothing, and customers hear it for
what it is. A touchpoint that keeps asking them to buy or to praise is one
they learn to ignore, and then the real questions go unanswered too.

## Example
```toml
[[touchpoint]]
id = "rating-prompt"
ask = "Would you rate us 5 stars on the App Store?"
```

## How to fix
```toml
ask = "What nearly stopped you borrowing a tool this month?"
act = "The team reads the answers each Monday and fixes the most common snag first."
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for touchpoint in &cx.plan.touchpoints {
        let Some(ask) = text(&touchpoint.ask) else {
            continue;
        };
        let found = ask_self_serving().matches_text(ask);
        if found.is_empty() {
            continue;
        }
        let mut quotes = Vec::new();
        for cue in found {
            push_quote(&mut quotes, ask, cue.span);
        }
        let id = &touchpoint.id.value;
        cx.report(
            &RULE,
            Subject::Touchpoint(id.clone()),
            touchpoint.header.clone(),
            format!(
                "touchpoint \"{id}\" asks for what the business wants, not what the customer wants: {}",
                quotes.join(", ")
            ),
        );
    }
}
