//! PLAN003 unknown-reference: a touchpoint names a persona or goal the plan
//! does not define. The rule's metadata, its documentation (`planlint explain
//! PLAN003`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::items;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::suggest;

pub static RULE: Rule = Rule {
    code: "PLAN003",
    name: "unknown-reference",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "a touchpoint names a persona or goal the plan does not define",
    help: "use the id of a persona or goal defined in this plan, or define the missing one",
    docs: r#"## What it does
Checks every id in a touchpoint's `personas` and `goals` lists against the
personas and goals the plan defines, and suggests the closest id when one is
near.

## Why it matters
The links between touchpoints, personas and goals carry much of planlint's
judgement: who a touchpoint reaches, which goal it serves, whether a persona is
ever asked what they want. A broken link quietly breaks those judgements, and
usually means a renamed persona or a typo.

## Example
```toml
[[persona]]
id = "commuter"
name = "Daily commuter"

[[touchpoint]]
id = "service-reminder"
name = "Service reminder"
personas = ["comuter"]   # no persona has this id
```

## How to fix
Correct the id (the message suggests the closest one), or add the persona or
goal the touchpoint refers to."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    let persona_ids: Vec<&str> = plan.personas.iter().map(|p| p.id.value.as_str()).collect();
    let goal_ids: Vec<&str> = plan.goals.iter().map(|g| g.id.value.as_str()).collect();
    for touchpoint in &plan.touchpoints {
        for (list, kind, known) in [
            (&touchpoint.personas, "persona", &persona_ids),
            (&touchpoint.goals, "goal", &goal_ids),
        ] {
            for item in items(list).filter(|item| !known.contains(&item.text.as_str())) {
                let help = match suggest(&item.text, known.iter().copied()) {
                    Some(close) => format!("did you mean \"{close}\"?"),
                    None if known.is_empty() => {
                        format!("the plan defines no {kind}; add a [[{kind}]] with this id")
                    }
                    None => format!("{kind}s defined in this plan: {}", known.join(", ")),
                };
                cx.report(
                    &RULE,
                    Subject::Touchpoint(touchpoint.id.value.clone()),
                    item.span.clone(),
                    format!(
                        "touchpoint \"{}\" names {kind} \"{}\", which the plan does not define",
                        touchpoint.id.value, item.text
                    ),
                )
                .help = help;
            }
        }
    }
}
