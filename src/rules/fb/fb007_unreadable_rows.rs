//! FB007 unreadable-rows: rows of the feedback file could not be read. The
//! rule's metadata, its documentation (`planlint explain FB007`) and its check.

use super::feedback_anchor;
use crate::diagnostic::{Severity, Subject};
use crate::rules::{Context, Family, Phase, Rule};

/// Rejected rows described in the message.
const SHOWN: usize = 5;

pub static RULE: Rule = Rule {
    code: "FB007",
    name: "unreadable-rows",
    family: Family::Fb,
    severity: Severity::Error,
    summary: "rows of the feedback file could not be read",
    help: "fix or remove the listed rows (`planlint feedback FILE --format json` lists every one)",
    docs: r#"## What it does
Reports, once per plan, that rows of its feedback file were rejected: a wrong
number of fields, text that is not UTF-8, a score that is not a number from 0
to 10, a record longer than the limit (1 MB, or `--max-record-bytes`). The
message gives the count and the first line numbers with reasons;
every other row is analysed. `planlint feedback FILE --format json` lists
every rejected row.

## Why it matters
Silently dropped rows bias every figure: if the broken rows are the long,
angry comments with commas in them, the NPS looks better than it is. Counting
and showing them keeps the analysis honest.

## Example
`feedback.csv`: line 57 has 7 fields where the header has 5 (an unquoted comma
in a comment), line 230 has a score of "ten".

## How to fix
Quote fields that contain the delimiter, export the file as UTF-8, keep
scores numeric, and close the quote that a record over the limit runs on
from (or raise `--max-record-bytes` if such long rows are real). Then check
again: the count should be 0."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let Some(feedback) = cx.feedback.filter(|f| f.rejected_total > 0) else {
        return;
    };
    let shown: Vec<String> = feedback
        .rejected
        .iter()
        .take(SHOWN)
        .map(|r| format!("line {} ({})", r.line, r.reason))
        .collect();
    let more = if feedback.rejected_total as usize > shown.len() {
        ", ..."
    } else {
        ""
    };
    let rows = if feedback.rejected_total == 1 {
        "row"
    } else {
        "rows"
    };
    cx.report(
        &RULE,
        Subject::Plan,
        feedback_anchor(cx.plan),
        format!(
            "{} {rows} of {} could not be read: {}{more}",
            feedback.rejected_total,
            feedback.path,
            shown.join(", ")
        ),
    );
}
