//! HUM005 unserved-persona: no touchpoint reaches the persona. The rule's
//! metadata, its documentation (`planlint explain HUM005`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "HUM005",
    name: "unserved-persona",
    family: Family::Hum,
    severity: Severity::Warning,
    summary: "no touchpoint reaches the persona",
    help: "list the persona's id in the `personas` of the touchpoints meant for them, or plan one",
    docs: r#"## What it does
Reports a persona whose id appears in no touchpoint's `personas` list. Such a
persona is not also reported as never asked (YOU004).

## Why it matters
A persona is a promise to understand and serve a group of people. If no
touchpoint reaches them, the plan describes them and then does nothing for
them, or the touchpoints that do reach them forgot to say so, which hides who
is being contacted and how often.

## Example
```toml
[[persona]]
id = "weekend-sporty"
name = "Weekend road rider"
# no touchpoint lists "weekend-sporty"
```

## How to fix
Add the id to the touchpoints meant for this persona, or plan one for them.
If the persona no longer matters, remove it."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    for persona in &plan.personas {
        if plan
            .touchpoints_reaching(&persona.id.value)
            .next()
            .is_none()
        {
            cx.report(
                &RULE,
                Subject::Persona(persona.id.value.clone()),
                persona.header.clone(),
                format!(
                    "persona \"{}\" is reached by no touchpoint",
                    persona.id.value
                ),
            );
        }
    }
}
