//! PLAN002 unknown-field: a key is not part of the plan format. The rule's
//! metadata, its documentation (`planlint explain PLAN002`) and its check.

use crate::diagnostic::Severity;
use crate::rules::{Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "PLAN002",
    name: "unknown-field",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "a key is not part of the plan format",
    help: "rename the key to one the format knows, or start it with `x-` to keep your own data",
    docs: r#"## What it does
Reports a key that plan format v1 does not define, with the closest known key
when the key looks like a typo, or the table it belongs to when it is in the
wrong one. Keys that start with `x-` are the author's own and are never reported.
In an `allow` table, where keys are rule codes or names, it reports a key that
names no rule, with the closest rule.

## Why it matters
A misspelt key is silently ignored by most tools: `metrc = "NPS"` leaves the
goal without a metric while the author believes it has one. Reporting it keeps
the plan and its checks honest. Like invalid values, unknown keys stop the other
rules for that file, so a typo is not also reported as a missing value.

## Example
```toml
[[goal]]
id = "nps"
title = "Riders recommend us"
metrc = "Net Promoter Score"   # did you mean `metric`?
```

## How to fix
Rename the key as suggested. To keep notes or data of your own in the plan,
use a key that starts with `x-`, such as `x-budget = 12000`."#,
    phase: Phase::Load,
};
