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
    help: "plan how you meet people at this stage, or say in a comment why the plan leaves it out",
    docs: r#"## What it does
For each stage of the journey (awareness, consideration, purchase,
onboarding, retention, advocacy), reports the plan when no touchpoint has that
`stage`. Plans without touchpoints are left to the other rules. This rule is
informational: not every plan has to cover every stage, but a gap should be a
choice.

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
    for stage in Stage::ALL {
        let covered = touchpoints
            .iter()
            .any(|t| t.stage.as_ref().is_some_and(|s| s.value == stage));
        if !covered {
            cx.report(
                &RULE,
                Subject::Plan,
                first.header.clone(),
                format!(
                    "no touchpoint at the {} stage of the journey",
                    stage.as_str()
                ),
            );
        }
    }
}
