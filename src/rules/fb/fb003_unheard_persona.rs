//! FB003 unheard-persona: no feedback comes from a persona: nobody has heard
//! from them. The rule's metadata, its documentation (`planlint explain FB003`)
//! and its check.

use crate::diagnostic::{Severity, Subject};
use crate::feedback::link::{link, persona_names};
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "FB003",
    name: "unheard-persona",
    family: Family::Fb,
    severity: Severity::Info,
    summary: "no feedback comes from a persona: nobody has heard from them",
    help: "find out how to hear from this persona: ask them at a touchpoint they use, and tag their answers",
    docs: r#"## What it does
When the feedback file has a persona column (persona or segment), reports a
persona of the plan that no row names (by id or name, ignoring case and
punctuation). Without a persona column the rule stays silent: the file cannot
tell who said what. This rule is informational.

## Why it matters
A persona nobody has heard from is described from the inside. Maybe they are
happy, maybe they left without a word; the plan cannot tell. Either way, the
picture of them rests on assumptions until someone asks.

## Example
The plan has personas `commuter`, `family-hauler` and `weekend-sporty`; the
feedback's segment column only ever says "commuter" or "family".

## How to fix
Reach this persona with a touchpoint that asks (YOU004) and make sure their
answers are tagged with the persona, or check that the feedback export uses
the persona's id or name."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let Some(feedback) = cx.feedback.filter(|f| f.has_persona_column()) else {
        return;
    };
    let plan = cx.plan;
    let linked = link(&feedback.aggregates.by_persona, &persona_names(plan));
    for (index, persona) in plan.personas.iter().enumerate() {
        if linked.items.iter().any(|(i, _)| *i == index) {
            continue;
        }
        cx.report(
            &RULE,
            Subject::Persona(persona.id.value.clone()),
            persona.header.clone(),
            format!(
                "no feedback in {} comes from persona \"{}\": nobody has heard from them",
                feedback.path, persona.id.value
            ),
        );
    }
}
