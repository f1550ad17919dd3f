//! PLAN006 expired-waiver: a waiver's `until` date has passed, so its finding
//! is reported again. The rule's metadata, its documentation (`planlint explain
//! PLAN006`) and its check.

use crate::diagnostic::Severity;
use crate::rules::WaiverContext;
use crate::rules::{Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "PLAN006",
    name: "expired-waiver",
    family: Family::Plan,
    severity: Severity::Warning,
    summary: "a waiver's `until` date has passed, so its finding is reported again",
    help: "fix what the finding is about and remove the waiver, or agree a new date and change `until`",
    docs: r#"## What it does
Reports a waiver whose `until` date is before today. An expired waiver hides
nothing: the finding it waived is reported again, next to this warning. The
waiver holds on its `until` date itself and expires the day after. Today is
the date of the system clock (UTC), or the `PLANLINT_TODAY` environment
variable (`PLANLINT_TODAY=2027-02-01`) when it is set.

## Why it matters
A waiver with a date is a promise: "we accept this until the spring sale is
over". When the date passes, the plan should be looked at again, not left
with a finding that everybody has stopped seeing.

## Example
```toml
[[touchpoint]]
id = "flash-sale"
name = "Flash sale text"
message = "48 hours only: 30% off every bike"
allow = { TX001 = { reason = "the spring sale is agreed with the board", until = 2027-04-30 } }
```
checked on 2027-05-01.

## How to fix
Fix what the finding is about and remove the waiver; or, when the reason
still holds, agree a new date and change `until`."#,
    phase: Phase::Waivers(check),
};

fn check(cx: &mut WaiverContext<'_>) {
    for waiver in cx.uses.iter().filter(|u| u.expired) {
        let Some(until) = &waiver.waiver.until else {
            continue;
        };
        let mut message = format!("{} expired on {}", waiver.describe(), until.value);
        let nothing_left = waiver.rule_ran && waiver.matched == 0;
        if nothing_left {
            message.push_str(&format!(", and {} no longer fires there", waiver.rule.code));
        }
        let reported = cx.report(&RULE, waiver, message);
        if nothing_left {
            reported.help = "remove the waiver: there is nothing left to waive".to_owned();
        }
    }
}
