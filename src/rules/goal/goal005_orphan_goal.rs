//! GOAL005 orphan-goal: no touchpoint serves the goal. The rule's metadata, its
//! documentation (`planlint explain GOAL005`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::{Goal, GoalKind, items, text};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::counts_own_money;
use crate::text::lexicons::customer_costs;

pub static RULE: Rule = Rule {
    code: "GOAL005",
    name: "orphan-goal",
    family: Family::Goal,
    severity: Severity::Warning,
    summary: "no touchpoint serves the goal",
    help: "list the goal's id in the `goals` of the touchpoints that work towards it, or add one",
    docs: r#"## What it does
Reports a goal whose id appears in no touchpoint's `goals` list. Goals
that are the result of how the business runs, or of everything it does,
are left alone: a goal of kind `cost` whose metric names nothing its
customers do (pool hire, hall hire per rehearsal, courier rates, "Vehicle
failure repair costs"), and a revenue goal whose metric counts the
business's own money, as a whole or of a line its WHAT statement names,
read as WHY004 reads it ("Average monthly mail-order sales" for "A shop
and mail-order service", "Monthly veg box sales" for "A grocery with a
weekly veg box"). A cost that customers' own doings drive is still served
by touchpoints: returns and refunds, missed or failed appointments and
deliveries, no-shows, cancelled bookings, complaints, and the cost of
winning a customer ("Cost of returned orders", "Marketing spend per new
subscriber", "Cost per sign-up"); so is revenue of one offering the
statement does not name, or counted by buyers or an audience ("Starter
bundles sold").

On a goal that is itself reported, as unmeasurable (GOAL001), mislabelled
(GOAL007) or tied to nothing in the WHY or the HOW (WHY004), its finding is
a note (info) that names that finding: such a goal is usually rewritten or
dropped before touchpoints are tied to it, so one fault of a goal fails a
check once, while the note still shows the missing path. Once that finding
is fixed or waived it is a warning again. It stays at its own severity when
it is set above the finding it waits on (`GOAL005 = "error"` beside a
GOAL001 warning), and the scorecard and baselines count such a note as a
finding.

## Why it matters
A goal is reached through what the business actually does with its customers.
A goal no touchpoint serves is a number with no path to it: either the work
that will move it is missing from the plan, or the goal is not really being
pursued.

## Example
```toml
[[goal]]
id = "winter-riders"
title = "Keep commuters riding through winter"

[[touchpoint]]
id = "spring-launch"
goals = ["spring-sales"]   # nothing serves winter-riders
```

## How to fix
Add the goal's id to the touchpoints that work towards it, or plan one:
```toml
[[touchpoint]]
id = "winter-check"
name = "Free winter safety check"
stage = "retention"
goals = ["winter-riders"]
```"#,
    phase: Phase::Plan(check),
};

/// Whether a goal is the result of everything the business does rather
/// than of anything one touchpoint does: a cost that names nothing its
/// customers do, often lowered in how the business runs (pool hire,
/// courier rates, stock thrown away; not "Cost of returned orders"), or revenue
/// that counts the business's own money as a whole ("Average monthly
/// mail-order sales" for a shop that sells by mail order).
fn the_result_of_everything(goal: &Goal, own: &str) -> bool {
    match goal.kind.as_ref().map(|k| k.value) {
        Some(GoalKind::Cost) => {
            text(&goal.metric).is_none_or(|m| customer_costs().matches_text(m).is_empty())
        }
        Some(GoalKind::Revenue) => text(&goal.metric).is_some_and(|m| counts_own_money(m, own)),
        _ => false,
    }
}

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    let own = format!(
        "{} {}",
        text(&plan.name).unwrap_or_default(),
        plan.what
            .as_ref()
            .and_then(|w| text(&w.statement))
            .unwrap_or_default()
    );
    for goal in plan
        .goals
        .iter()
        .filter(|g| !the_result_of_everything(g, &own))
    {
        let served = plan
            .touchpoints
            .iter()
            .any(|t| items(&t.goals).any(|g| g.text == goal.id.value));
        if !served {
            cx.report(
                &RULE,
                Subject::Goal(goal.id.value.clone()),
                goal.header.clone(),
                format!("goal \"{}\" is served by no touchpoint", goal.id.value),
            );
        }
    }
}
