//! HUM004 journey-gap: a stage of the customer journey has no touchpoint. The
//! rule's metadata, its documentation (`planlint explain HUM004`) and its
//! check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::Stage;
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "HUM004",
    name: "journey-gap",
    family: Family::Hum,
    severity: Severity::Info,
    summary: "a stage of the customer journey has no touchpoint",
    help: "plan how you meet people at each stage named, or say in a comment why the plan leaves it out",
    docs: r#"## What it does
Reports the plan once, naming each stage of the journey (awareness,
consideration, purchase, onboarding, retention, advocacy) that no touchpoint
has as its `stage`. Plans without touchpoints are left to the other rules.
This rule is informational: not every plan has to cover every stage, but a
gap should be a choice.

Not reported here: when no touchpoint is at retention or advocacy, TX003
(a warning) reports that the journey ends at the sale and names the empty
stages after it (onboarding too, when it is empty), so this rule names only
the stages before them: one cause, said once.

## Why it matters
The customer journey is the last phase of an audience profile: the path a
person takes from first hearing of a business to recommending it. Gaps in it
are where people get lost: a great first impression with nothing to help them
decide, or a sale followed by silence.

## Example
Touchpoints at awareness, consideration, purchase, onboarding and retention,
but none at `advocacy`: nothing helps happy customers tell others.

## How to fix
```toml
[[touchpoint]]
id = "ride-with-a-friend"
name = "Bring a friend on the Sunday ride"
stage = "advocacy"
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let touchpoints = &cx.plan.touchpoints;
    let Some(first) = touchpoints.first() else {
        return;
    };
    let covered = |stage: Stage| {
        touchpoints
            .iter()
            .any(|t| t.stage.as_ref().is_some_and(|s| s.value == stage))
    };
    // TX003 reports a journey that ends at the sale, naming the stages
    // after it: they are not said again here.
    let ends_at_sale = !covered(Stage::Retention) && !covered(Stage::Advocacy);
    let said_by_tx003 = |stage: Stage| {
        ends_at_sale
            && matches!(
                stage,
                Stage::Onboarding | Stage::Retention | Stage::Advocacy
            )
    };
    let gaps: Vec<&str> = Stage::ALL
        .into_iter()
        .filter(|&stage| !(covered(stage) || said_by_tx003(stage)))
        .map(Stage::as_str)
        .collect();
    let Some((last, rest)) = gaps.split_last() else {
        return;
    };
    let stages = if rest.is_empty() {
        format!("the {last} stage")
    } else {
        format!("the {} or {last} stages", rest.join(", "))
    };
    cx.report(
        &RULE,
        Subject::Plan,
        first.header.clone(),
        format!("no touchpoint at {stages} of the journey"),
    );
}
