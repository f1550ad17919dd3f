//! YOU008 forced-ask: a touchpoint makes customers answer its questions
//! before they can go on. The rule's metadata, its documentation
//! (`planlint explain YOU008`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::{Touchpoint, text};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::forced_answers;
use crate::text::{push_quote, tokenize};

pub static RULE: Rule = Rule {
    code: "YOU008",
    name: "forced-ask",
    family: Family::You,
    severity: Severity::Warning,
    summary: "a touchpoint makes customers answer its questions before they can go on",
    help: "offer the questions and let people skip them: ask after the task is done, or beside it, never in its way",
    docs: r#"## What it does
Reports a touchpoint that asks (`ask`) and makes the answer a condition:
its name, channel, message or ask says the questions are required,
mandatory or compulsory ("All twelve questions are required", "a
mandatory survey"), or that they stand between the customer and what they
came to do ("answered before the payment button unlocks", "shown before
the Pay button can be tapped", "before you can check out"), and it is a
survey: one of those texts names a survey, a questionnaire, a poll or
feedback. Cues are matched as whole stemmed words, and a cue
negated earlier in its clause ("never required") does not count.

## What it does not report
A question asked at the moment of a task that can be skipped ("Two
optional questions after you pay"), and a question the service needs
before it can serve someone (an allergy or a health form before a
booking), which names no survey: the rule reads the customer's being
held up for the business's research, not what a service must know.

## Why it matters
Asking customers what they want is good; forcing them to answer is an
interruption of the worst kind, at the moment they are trying to get
something done. Answers given to get past a locked button are hurried
and resentful, and people remember being held up. Asking well means
offering the questions, at a moment that suits the customer, and
accepting a no.

## Example
```toml
[[touchpoint]]
id = "checkout-survey"
message = "Before you pay, tell us about your taste."
ask = "Ten questions, all required before the payment button unlocks."
```

## How to fix
```toml
message = "Thanks for your order. Two minutes to tell us what to stock next? Skip it if you like."
ask = "Which records did you look for and not find?"
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for touchpoint in &cx.plan.touchpoints {
        if text(&touchpoint.ask).is_none() {
            continue;
        }
        let texts = texts(touchpoint);
        if !texts.iter().any(|t| names_a_survey(t)) {
            continue;
        }
        let mut quotes = Vec::new();
        for t in &texts {
            for cue in forced_answers().matches_text(t) {
                push_quote(&mut quotes, t, cue.span);
            }
        }
        if quotes.is_empty() {
            continue;
        }
        let id = &touchpoint.id.value;
        cx.report(
            &RULE,
            Subject::Touchpoint(id.clone()),
            touchpoint.header.clone(),
            format!(
                "touchpoint \"{id}\" makes customers answer before they can go on: {}",
                quotes.join(", ")
            ),
        );
    }
}

/// The texts of a touchpoint that may say its questions are forced.
fn texts(touchpoint: &Touchpoint) -> Vec<&str> {
    [
        Some(touchpoint.name.value.as_str()),
        text(&touchpoint.channel),
        text(&touchpoint.message),
        text(&touchpoint.ask),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Whether a text names a survey: research put to the customer, not what a
/// service must know to serve them.
fn names_a_survey(text: &str) -> bool {
    tokenize(text).iter().any(|t| SURVEYS.contains(&&*t.word))
}

const SURVEYS: &[&str] = &[
    "survey",
    "surveys",
    "questionnaire",
    "questionnaires",
    "poll",
    "polls",
    "feedback",
];
