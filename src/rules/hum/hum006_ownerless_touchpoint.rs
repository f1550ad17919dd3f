//! HUM006 ownerless-touchpoint: no person owns a touchpoint: its owner is
//! missing, a placeholder ("to be confirmed") or a machine ("automated
//! workflow"). The rule's metadata, its documentation (`planlint explain
//! HUM006`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::text;
use crate::rules::tx::tx004_no_human_help::names_a_person;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::{
    helper_roles, helpful_owners, owner_machines, owner_people, owner_placeholders,
};
use crate::text::{PhraseList, quote, tokenize};

pub static RULE: Rule = Rule {
    code: "HUM006",
    name: "ownerless-touchpoint",
    family: Family::Hum,
    severity: Severity::Warning,
    summary: "no person owns a touchpoint: its owner is missing, a placeholder or a machine",
    help: "name the person or team who answers for this touchpoint and can step in when a customer needs them",
    docs: r#"## What it does
Reports a touchpoint whose `owner` names no people: it is missing or blank,
it stands for nobody yet ("to be confirmed", "TBC", "unassigned"), or it is
a machine ("automated workflow", "chatbot", "booking system").

## What it does not report
An owner that names people, whatever tools they use: a team, staff, a
manager, a volunteer, a care or support team, someone whose work is
helping (a nurse, a fitter), or a person by name. "Marketing automation
team", "CRM team", "Product team, with plant doctors writing the copy" and
"Booking system, checked daily by Sam Okafor" are owned by people. Nor does
it judge whether those people help customers: that is TX004, for the plan
as a whole.

## Why it matters
A touchpoint is a promise made to a customer, and someone has to keep it:
to read the answers it collects and act on them, and to notice when the
person on the other end needs help rather than another message. Caring
about what customers intend means knowing when a person should step in;
a workflow cannot do that, and a touchpoint nobody owns yet is one nobody
will fix when it goes wrong.

## Example
```toml
[[touchpoint]]
id = "plant-sos"
name = "Struggling-plant alert"
stage = "retention"
owner = "automated workflow"
message = "Sorry your plant is struggling! Here are our top care tips."
```

## How to fix
```toml
owner = "plant-doctor team"
message = "A plant doctor will look at your photo today and message you with what to try first."
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for touchpoint in &cx.plan.touchpoints {
        let id = &touchpoint.id.value;
        let message = match text(&touchpoint.owner) {
            None => format!("touchpoint \"{id}\" names no owner: no one answers for it"),
            Some(owner) => match ownerless(owner) {
                Some(Why::Placeholder(cue)) => format!(
                    "touchpoint \"{id}\" is owned by no one yet: its owner is \"{owner}\" ({cue})"
                ),
                Some(Why::Machine(cue)) => format!(
                    "touchpoint \"{id}\" is owned by a machine, not people: its owner is \"{owner}\" ({cue})"
                ),
                None => continue,
            },
        };
        cx.report(
            &RULE,
            Subject::Touchpoint(id.clone()),
            touchpoint.header.clone(),
            message,
        );
    }
}

/// Why an owner names no people, with the words that say so, quoted.
#[derive(Debug, PartialEq, Eq)]
enum Why {
    Placeholder(String),
    Machine(String),
}

/// Whether `owner` names no people: it says it stands for nobody yet, or
/// that it is a machine, and no word of it is people's.
fn ownerless(owner: &str) -> Option<Why> {
    let tokens = tokenize(owner);
    let people = [owner_people(), helpful_owners(), helper_roles()]
        .into_iter()
        .any(|list| !list.find(&tokens).is_empty());
    if people || names_a_person(owner) {
        return None;
    }
    let cue = |list: &PhraseList| {
        list.find(&tokens)
            .first()
            .map(|m| quote(owner, m.span.clone()))
    };
    cue(owner_placeholders())
        .map(Why::Placeholder)
        .or_else(|| cue(owner_machines()).map(Why::Machine))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_machines_own_nothing() {
        for owner in [
            "to be confirmed",
            "TBC",
            "Unassigned",
            "to be agreed at the March meeting",
            "not yet assigned",
            "Nobody",
        ] {
            assert!(
                matches!(ownerless(owner), Some(Why::Placeholder(_))),
                "{owner}"
            );
        }
        for owner in [
            "automated workflow",
            "Chatbot",
            "booking system",
            "CRM automation",
            "no-reply mailbox (automatic)",
        ] {
            assert!(matches!(ownerless(owner), Some(Why::Machine(_))), "{owner}");
        }
    }

    #[test]
    fn people_own_whatever_tools_they_use() {
        for owner in [
            "marketing automation team",
            "CRM team",
            "product team, with plant doctors writing the copy",
            "Booking system, checked daily by Sam Okafor",
            "shop staff",
            "duty volunteers",
            "customer care",
            "treating podiatrist",
            "Ruth Hollin",
            "Workshop",
            "marketing",
        ] {
            assert_eq!(ownerless(owner), None, "{owner}");
        }
    }
}
