//! YOU009 closed-door: a touchpoint tells people that what they say will not
//! be heard. The rule's metadata, its documentation (`planlint explain
//! YOU009`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::text;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::voice_refusals;
use crate::text::push_quote;

pub static RULE: Rule = Rule {
    code: "YOU009",
    name: "closed-door",
    family: Family::You,
    severity: Severity::Warning,
    summary: "a touchpoint tells people that what they say will not be heard",
    help: "say how people can have their say before the decision, and what is done with it",
    docs: r#"## What it does
Reports a touchpoint whose `message` refuses people's say before they
give it: their objections, complaints, appeals, comments or feedback will
not be considered, accepted, answered or read ("This decision is final
and objections cannot be considered", "No correspondence will be entered
into"), or the matter is "not open to discussion". Cues are matched as
whole stemmed words, and a cue negated earlier in its clause does not
count.

## What it does not report
A message that says how to object and what happens then ("Objections are
read by the tree panel in March"), and the closing words of a contest
("The judges' decision is final"): the rule reads a door shut on a say
in something that is the person's own, such as their street or their
care, not the rules of a competition they chose to enter. It does not
try to tell whether a decision could have been shared; it reads what
people are told.

## Why it matters
Asking customers what they want, and involving them in decisions that
touch them, is what turns a business's "us and them" into a relationship.
A message that tells people their view will not be heard does the
opposite at the moment they care most: it tells them the decision was
made about them, without them. People who are shut out stop telling you
anything, and tell everyone else instead.

## Example
```toml
[[touchpoint]]
id = "closure-notice"
message = "The branch closes on 30 June. This decision is final and complaints will not be answered."
```

## How to fix
```toml
message = "We plan to close the branch on 30 June. Tell us by 1 May what it would mean for you: every reply is read, and we publish what we change."
ask = "What would you need from us if the branch closed?"
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for touchpoint in &cx.plan.touchpoints {
        let Some(message) = text(&touchpoint.message) else {
            continue;
        };
        let mut quotes = Vec::new();
        for cue in voice_refusals().matches_text(message) {
            push_quote(&mut quotes, message, cue.span);
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
                "touchpoint \"{id}\" tells people what they say will not be heard: {}",
                quotes.join(", ")
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(message: &str) -> bool {
        !voice_refusals().matches_text(message).is_empty()
    }

    #[test]
    fn a_say_refused_before_it_is_given_is_a_closed_door() {
        for message in [
            "This decision is final and objections cannot be considered.",
            "Complaints will not be answered.",
            "No correspondence will be entered into.",
            "The new timetable is not open to discussion.",
            "There is no right of appeal.",
        ] {
            assert!(refused(message), "{message}");
        }
    }

    #[test]
    fn a_say_invited_or_a_contest_closed_is_no_closed_door() {
        for message in [
            "Objections are read by the tree panel in March; write to us by 1 March.",
            "The judges' decision is final.",
            "Every complaint is answered within five days.",
            "Appeals are heard by an independent panel.",
            "Everything in the draft is open to discussion.",
        ] {
            assert!(!refused(message), "{message}");
        }
    }
}
