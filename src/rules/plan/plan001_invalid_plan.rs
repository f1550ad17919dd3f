//! PLAN001 invalid-plan: the plan is not valid TOML, or a value has the wrong
//! type. The rule's metadata, its documentation (`planlint explain PLAN001`)
//! and its check.

use crate::diagnostic::Severity;
use crate::rules::{Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "PLAN001",
    name: "invalid-plan",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "the plan is not valid TOML, or a value has the wrong type",
    help: "fix the value at this position; `planlint explain PLAN001` shows the format",
    docs: r#"## What it does
Reports a plan file that cannot be read: broken TOML syntax, a file that is not
UTF-8, an empty file, a missing required key (`name`, and `id` plus `title` or
`name` on every item), an id that is not lower-case kebab-case, a value of the
wrong type (a quoted date, a number in quotes, a single string where a list is
expected), a value outside its set (`kind`, `stage`), a number outside its
range (`baseline` and `target` from -10^15 to 10^15, `per_week` from 0 to
1000; never `inf` or `nan`), or a waiver in an `allow` table that is neither
a reason nor a table, waives a rule twice, or waives a rule that cannot be
waived.

## Why it matters
Every other rule judges what the plan says. If planlint cannot read the plan,
or reads a value differently from what the author meant, any judgement would be
a guess. So when a plan has this error, the other rules do not run on that file
until it is fixed; other files are still checked.

## Example
```toml
[[goal]]
id = "winter-riders"
title = "Keep commuters riding through winter"
kind = "happiness"        # not one of satisfaction, cost, revenue
due = "2027-03-31"        # a string, not a TOML date
```

A plan shows at most 100 of these errors, and one more that counts the
rest. A slip that confuses the TOML parser is one error where it is: a table
header without its `]`, lines ending in a carriage return alone, a key given
twice.

## How to fix
Follow the position and the hint in the message. Dates are written without
quotes (`due = 2027-03-31`), lists in brackets (`wants = ["..."]`), and
`kind` and `stage` take one of the listed values."#,
    phase: Phase::Load,
};
