//! PLAN007 unused-waiver: a waiver hides nothing: its rule does not fire where
//! it is written. The rule's metadata, its documentation (`planlint explain
//! PLAN007`) and its check.

use crate::diagnostic::Severity;
use crate::rules::waivers::{Scope, WaiverContext};
use crate::rules::{Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "PLAN007",
    name: "unused-waiver",
    family: Family::Plan,
    severity: Severity::Warning,
    summary: "a waiver hides nothing: its rule does not fire where it is written",
    help: "remove the waiver: there is nothing to waive",
    docs: r#"## What it does
Reports a waiver whose rule has no finding where the waiver is written: on
its goal, persona or touchpoint, or, for the top-level `[allow]` table, about
the plan as a whole, its WHY, HOW or WHAT. When the rule fires somewhere else
in the plan, the help says where. Waivers of FB rules are not judged when the
plan is checked without feedback.

## Why it matters
A waiver that hides nothing is a leftover: the finding was fixed, the item
changed, or the waiver was written in the wrong place. Left in the plan, it
would silently hide the rule if the defect came back, so it should go.

## Example
```toml
[[touchpoint]]
id = "recipe-letter"
name = "Monthly recipe letter"
message = "Four twenty-minute dinners from next month's veg box."
allow = { TX001 = "the letter has a discount code" }   # TX001 does not fire here
```

## How to fix
Remove the waiver. If the rule fires on another item, or on the plan as a
whole, move the waiver there: findings about the plan, its WHY, HOW or WHAT
are waived in the top-level `[allow]` table, findings about an item in that
item's `allow`."#,
    phase: Phase::Waivers(check),
};

fn check(cx: &mut WaiverContext<'_>) {
    let unused = cx
        .uses
        .iter()
        .filter(|u| !u.expired && u.rule_ran && u.matched == 0);
    for waiver in unused {
        let code = waiver.rule.code;
        let help = waiver.elsewhere.as_ref().map(|subject| {
            if Scope::Plan.covers(subject) {
                format!(
                    "{code} reports {}, which only the top-level [allow] table waives: move the waiver there",
                    subject.describe()
                )
            } else {
                format!(
                    "{code} fires on {}: move the waiver to its `allow`",
                    subject.describe()
                )
            }
        });
        let message = format!(
            "{} hides nothing: {code} does not fire there",
            waiver.describe()
        );
        let reported = cx.report(&RULE, waiver, message);
        if let Some(help) = help {
            reported.help = help;
        }
    }
}
