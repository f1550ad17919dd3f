//! YOU009 closed-door: a touchpoint tells people that what they say will not
//! be heard. The rule's metadata, its documentation (`planlint explain
//! YOU009`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::text;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::voice_refusals;
use crate::text::{push_quote, tokenize};

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
into"), or a decision is "not open to discussion". Cues are matched as
whole stemmed words; a cue with a negation up to three words before it in
its clause does not count, and neither does one followed by a word of
when, by whom or how ("comments will not be read by your manager, only by
the survey team", "objections will not be accepted after 1 March", "your
complaint will not be considered closed until you are happy").

## What it does not report
A message that says how to object and what happens then ("Objections are
read by the tree panel in March"), and the closing words of a contest
("The judges' decision is final and no correspondence will be entered
into": a message that names a competition, a prize, a winner or judges is
left alone), and a promise ("Your privacy is not up for debate"): the rule reads a door shut on a say
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
        let tokens = tokenize(message);
        if tokens.iter().any(|t| CONTESTS.contains(&&*t.word)) {
            continue;
        }
        let mut quotes = Vec::new();
        for cue in voice_refusals().find(&tokens) {
            let open = tokens
                .get(cue.tokens.end)
                .is_some_and(|t| OPEN_AFTER.contains(&&*t.word));
            if !open {
                push_quote(&mut quotes, message, cue.span);
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
                "touchpoint \"{id}\" tells people what they say will not be heard: {}",
                quotes.join(", ")
            ),
        );
    }
}

/// Words after a refusal that say when, by whom or how, not that people
/// are not heard: "comments will not be read by your manager", "objections
/// will not be accepted after 1 March", "will not be considered closed
/// until you are happy", "will not be answered individually".
const OPEN_AFTER: &[&str] = &[
    "by",
    "after",
    "until",
    "before",
    "individually",
    "closed",
    "resolved",
];

/// Words of a contest: its closing words ("no correspondence will be
/// entered into") are the rules of a game people chose to enter.
const CONTESTS: &[&str] = &[
    "competition",
    "competitions",
    "contest",
    "prize",
    "prizes",
    "winner",
    "winners",
    "judges",
    "raffle",
];

#[cfg(test)]
mod tests {
    fn refused(message: &str) -> bool {
        let plan = format!(
            "name = \"t\"\n[why]\nstatement = \"We believe in people.\"\n[[touchpoint]]\nid = \"t\"\nname = \"T\"\nstage = \"awareness\"\nmessage = {message:?}\n"
        );
        let file = crate::check_source(crate::source::SourceFile::new(
            std::path::Path::new("t.plan.toml"),
            plan,
        ));
        file.findings.iter().any(|f| f.rule.code == "YOU009")
    }

    #[test]
    fn a_say_refused_before_it_is_given_is_a_closed_door() {
        for message in [
            "This decision is final and objections cannot be considered.",
            "Complaints will not be answered.",
            "No correspondence will be entered into.",
            "This decision is not open to discussion.",
            "There is no right of appeal.",
            "Complaints won't be answered.",
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
            "Your comments will not be read by your manager, only by the survey team.",
            "Objections will not be accepted after 1 March, so please write before then.",
            "Your complaint will not be considered closed until you tell us you are happy.",
            "Feedback will not be answered individually, but every comment is read.",
            "Your privacy is not up for debate.",
            "There is no appeal fee.",
            "The judges' decision is final and no correspondence will be entered into.",
        ] {
            assert!(!refused(message), "{message}");
        }
    }
}
