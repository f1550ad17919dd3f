//! PLAN004 duplicate-id: two items of the plan share an id. The rule's
//! metadata, its documentation (`planlint explain PLAN004`) and its check.

use std::collections::HashMap;

use crate::diagnostic::{Severity, Subject};
use crate::plan::{Field, Span};
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "PLAN004",
    name: "duplicate-id",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "two items of the plan share an id",
    help: "give each goal, persona and touchpoint an id of its own",
    docs: r#"## What it does
Reports an item whose `id` is already used by an earlier goal, persona or
touchpoint of the same plan. Ids are unique across all three kinds of item.

## Why it matters
Touchpoints refer to personas and goals by id, and findings, waivers and
baselines name items by id. Two items with one id make every one of those
ambiguous: a touchpoint would seem to serve a goal it never meant.

## Example
```toml
[[goal]]
id = "loyalty"
title = "Riders come back for their second bike"

[[persona]]
id = "loyalty"        # already the id of a goal
name = "Loyal club rider"
```

## How to fix
Rename one of the two items, and update the touchpoints that refer to it."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    let ids: Vec<(&Field<String>, Subject, &str)> = plan
        .goals
        .iter()
        .map(|g| (&g.id, Subject::Goal(g.id.value.clone()), "goal"))
        .chain(
            plan.personas
                .iter()
                .map(|p| (&p.id, Subject::Persona(p.id.value.clone()), "persona")),
        )
        .chain(
            plan.touchpoints
                .iter()
                .map(|t| (&t.id, Subject::Touchpoint(t.id.value.clone()), "touchpoint")),
        )
        .collect();
    let mut first: HashMap<&str, (&str, &Span)> = HashMap::new();
    let mut by_position = ids;
    by_position.sort_by_key(|(id, _, _)| id.span.start);
    for (id, subject, kind) in by_position {
        match first.get(id.value.as_str()) {
            Some((first_kind, first_span)) => {
                let message = format!(
                    "{kind} id \"{}\" is already the id of a {first_kind}",
                    id.value
                );
                let line = cx.line_of(first_span);
                cx.report(&RULE, subject, id.span.clone(), message).help = format!(
                    "rename this {kind} or the {first_kind} on line {line}; ids are unique across goals, personas and touchpoints"
                );
            }
            None => {
                first.insert(&id.value, (kind, &id.span));
            }
        }
    }
}
