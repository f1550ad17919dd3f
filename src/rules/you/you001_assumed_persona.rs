//! YOU001 assumed-persona: a persona rests on no evidence: what it wants is an
//! assumption. The rule's metadata, its documentation (`planlint explain
//! YOU001`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::items;
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "YOU001",
    name: "assumed-persona",
    family: Family::You,
    severity: Severity::Warning,
    summary: "a persona rests on no evidence: what it wants is an assumption",
    help: "add `evidence`: the interviews, surveys or feedback this persona is drawn from",
    docs: r#"## What it does
Reports a persona whose `evidence` list is missing or empty (blank entries do
not count).

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
        if items(&persona.evidence).next().is_some() {
            continue;
        }
        let span = persona
            .evidence
            .as_ref()
            .map_or(persona.header.clone(), |e| e.key.clone());
        cx.report(
            &RULE,
            Subject::Persona(persona.id.value.clone()),
            span,
            format!(
                "persona \"{}\" names no evidence: what they want is an assumption",
                persona.id.value
            ),
        );
    }
}
