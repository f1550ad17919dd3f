//! YOU001 assumed-persona: a persona rests on no evidence: what it wants is an
//! assumption. The rule's metadata, its documentation (`planlint explain
//! YOU001`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::items;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::{evidence_customer, evidence_internal};
use crate::text::{quote, tokenize};

pub static RULE: Rule = Rule {
    code: "YOU001",
    name: "assumed-persona",
    family: Family::You,
    severity: Severity::Warning,
    summary: "a persona rests on no evidence: what it wants is an assumption",
    help: "add `evidence`: the interviews, surveys or feedback this persona is drawn from",
    docs: r#"## What it does
Reports a persona whose `evidence` list is missing or empty (blank entries do
not count), or whose every entry is the team's own view: a staff workshop,
impressions, a brainstorm, opinions, the team's years in the trade
("ideas wall from the staff away day", "front desk's impressions of
weekend visitors", "What the owners have seen over 20 years behind the
counter"), with no entry that comes
from the people themselves (interviews, surveys, feedback, conversations,
reviews, records of what they did). Cues are matched as whole stemmed words;
a word of the people's inside a word of the team's is the team's ("our sales
manager's experience", "agreed by the directors at the strategy day").

Not reported: evidence that mixes the team's view with anything customers
said or did, and entries planlint cannot place either way.

## Why it matters
Board rooms are full of confident opinions about what "the target group"
wants, and most of them are guesses. A persona is only as good as what it is
built on: interviews, surveys, support conversations, reviews. Without that,
its `wants` are the team's wishes projected onto customers, and every
touchpoint built for it inherits the guess.

## Example
```toml
[[persona]]
id = "young-urban-pro"
name = "Young urban professional"
wants = ["the latest tech", "status"]
# no evidence: who said so?
```

## How to fix
Go and ask, then write down where the picture comes from:
```toml
evidence = ["14 interviews at the shop, Feb 2026", "2026 rider survey, 420 answers"]
```
If there is no evidence yet, plan a touchpoint that asks (see YOU002)."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for persona in &cx.plan.personas {
        let entries: Vec<&str> = items(&persona.evidence).map(|i| i.text.as_str()).collect();
        let message = if entries.is_empty() {
            format!(
                "persona \"{}\" names no evidence: what they want is an assumption",
                persona.id.value
            )
        } else if let Some(cues) = only_the_team(&entries) {
            format!(
                "persona \"{}\" rests only on the team's own view ({}): no evidence comes from the people themselves",
                persona.id.value,
                cues.join(", ")
            )
        } else {
            continue;
        };
        let span = persona
            .evidence
            .as_ref()
            .map_or(persona.header.clone(), |e| e.key.clone());
        cx.report(
            &RULE,
            Subject::Persona(persona.id.value.clone()),
            span,
            message,
        );
    }
}

/// The quoted cues of evidence whose every entry is the team's own view and
/// none comes from customers, or `None`.
fn only_the_team(entries: &[&str]) -> Option<Vec<String>> {
    let mut cues = Vec::new();
    for entry in entries {
        let tokens = tokenize(entry);
        let team = evidence_internal().find(&tokens);
        // A customer cue inside a team cue is the team's word: the "sales"
        // of "our sales manager's experience".
        let customer = evidence_customer().find(&tokens).into_iter().any(|c| {
            !team
                .iter()
                .any(|t| t.tokens.start <= c.tokens.start && c.tokens.end <= t.tokens.end)
        });
        if team.is_empty() || customer {
            return None;
        }
        cues.extend(team.into_iter().map(|m| quote(entry, m.span)));
    }
    Some(cues)
}

#[cfg(test)]
mod tests {
    use super::only_the_team;

    #[test]
    fn the_people_who_decide_and_their_experience_are_the_team() {
        assert!(
            only_the_team(&[
                "Agreed by the directors at the November strategy day",
                "Our sales manager's experience of what fleet managers want",
                "Trustees' discussion at the away-day",
            ])
            .is_some()
        );
        assert!(
            only_the_team(&[
                "What the owners have seen over 20 years behind the counter",
                "Agreed at the March planning meeting",
            ])
            .is_some()
        );
        // Sales records are what customers did, and one entry from them is
        // evidence enough.
        assert!(only_the_team(&["Sales records 2026", "The directors' view"]).is_none());
        assert!(
            only_the_team(&[
                "Our sales team's impressions from product demos",
                "What the founders think practice managers need",
            ])
            .is_some()
        );
        assert!(only_the_team(&["Our consultant's survey of 200 members"]).is_none());
        assert!(only_the_team(&["Questions asked behind the counter, logged weekly"]).is_none());
        for people in [
            "What carers have seen go wrong at hospital discharge",
            "What tenants have seen on the estate",
            "Prescriptions handed over behind the counter",
        ] {
            assert!(only_the_team(&[people]).is_none(), "{people}");
        }
        assert!(
            only_the_team(&["Discussions with parents at the school gate, spring 2026"]).is_none()
        );
    }
}
