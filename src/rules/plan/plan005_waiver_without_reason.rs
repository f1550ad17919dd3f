//! PLAN005 waiver-without-reason: a waiver does not say why the finding is
//! accepted. The rule's metadata, its documentation (`planlint explain
//! PLAN005`) and its check.

use crate::diagnostic::Severity;
use crate::plan::text;
use crate::rules::WaiverContext;
use crate::rules::{Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "PLAN005",
    name: "waiver-without-reason",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "a waiver does not say why the finding is accepted",
    help: "say why the finding is accepted, and until when",
    docs: r#"## What it does
Reports a waiver in an `allow` table whose reason is empty, or which is
written as a table without a `reason`. The waiver still hides its finding: the
plan's authors meant to accept it, and this error asks them to say why.

## Why it matters
A waiver turns a finding off for everyone who reads the plan after its
author. Without a reason, nobody can tell whether the finding was judged and
accepted or only silenced, and nobody can tell when the waiver should go.

## Example
```toml
[[touchpoint]]
id = "flash-sale"
name = "Flash sale text"
message = "48 hours only: 30% off every bike"
allow = { TX001 = "" }
```

## How to fix
Write the reason down, and give it a date when the waiver should be looked at
again:
```toml
allow = { TX001 = { reason = "the spring sale is agreed with the board", until = 2027-04-30 } }
```"#,
    phase: Phase::Waivers(check),
};

fn check(cx: &mut WaiverContext<'_>) {
    for waiver in cx.uses.iter().filter(|u| text(&u.waiver.reason).is_none()) {
        let code = waiver.rule.code;
        cx.report(
            &RULE,
            waiver,
            format!("{} gives no reason", waiver.describe()),
        )
        .help = format!(
            "say why the finding is accepted: {code} = \"...\", or {code} = {{ reason = \"...\", until = 2027-01-31 }}"
        );
    }
}
