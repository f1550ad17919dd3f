//! PLAN009 bidi-control: a hidden bidirectional control makes the text show in
//! another order than it is read. The rule's metadata, its documentation
//! (`planlint explain PLAN009`) and its check.

use crate::diagnostic::{Finding, Severity, Subject};
use crate::rules::{Family, Phase, Rule};
use crate::source::SourceFile;
use crate::text::sanitize::{BidiControl, bidi_control};

/// Lines reported one by one; the lines after them are counted in one more
/// finding, so that a hostile file cannot make millions of findings.
const MAX_LINES: usize = 20;

pub static RULE: Rule = Rule {
    code: "PLAN009",
    name: "bidi-control",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "a hidden bidirectional control makes the text show in another order than it is read",
    help: "delete the control: the line shows in another order than planlint and other tools read it",
    docs: r#"## What it does
Reports the invisible Unicode controls that reorder the text after them:
embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069),
anywhere in a plan file, in values, keys and comments. One finding per line,
at the line's first control, naming it and counting the others; lines after
the 20th are counted in one more finding. The rule reads the file as it is,
so it also runs on plans that cannot be read (PLAN001, PLAN002).

## Why it matters
An editor or a pull-request diff shows text between these controls in
another order than the one it is stored in, and the controls themselves not
at all. A reviewer then approves one plan while planlint and every other tool
read another: a value that seems to be in a comment, a pressure cue that
shows as a harmless word, a waiver whose reason reads the opposite way. This
is the "Trojan Source" attack on code review, and plans take changes from
pull requests like code does.

Right-to-left writing does not need these controls: Arabic and Hebrew letters
carry their direction. The marks that settle the direction of a neutral
character (U+200E, U+200F, U+061C) reorder nothing and are not reported.
Every output of planlint shows all of them as `<U+202E>`, never as they are.

## Example
With `<U+202E>` standing for the invisible RIGHT-TO-LEFT OVERRIDE:
```toml
[[touchpoint]]
id = "spring-letter"
message = "Spring riding tips<U+202E>won yuB"   # shows as "Spring riding tipsBuy now"
```
A reviewer reads "Buy now"; planlint reads "won yuB" and sees no sales
pressure.

## How to fix
Delete the control, and write the text in the order it should be read. To
keep one on purpose, waive the rule in the plan's `[allow]` with the reason:
`PLAN009 = "the Hebrew tagline needs an isolate"`."#,
    phase: Phase::Text(check),
};

fn check(source: &SourceFile) -> Vec<Finding> {
    if !may_hold_control(source.text.as_bytes()) {
        return Vec::new();
    }
    let mut findings = Vec::new();
    let mut more_lines = 0;
    let mut more_at: Option<(usize, &BidiControl)> = None;
    let mut start = 0;
    for line in source.text.split_inclusive('\n') {
        let mut controls = line
            .char_indices()
            .filter_map(|(i, c)| Some((start + i, bidi_control(c).filter(|b| b.reorders)?)));
        if let Some((at, first)) = controls.next() {
            if findings.len() < MAX_LINES {
                findings.push(finding(at, first, controls.count()));
            } else {
                more_lines += 1;
                more_at.get_or_insert((at, first));
            }
        }
        start += line.len();
    }
    if let Some((at, first)) = more_at {
        findings.push(RULE.finding(
            Subject::Plan,
            at..at + first.char.len_utf8(),
            format!("hidden bidirectional controls on {more_lines} more lines"),
        ));
    }
    findings
}

fn finding(at: usize, control: &BidiControl, others: usize) -> Finding {
    let name = format!("U+{:04X} {}", u32::from(control.char), control.name);
    let message = match others {
        0 => format!("hidden bidirectional control {name}"),
        n => format!("hidden bidirectional control {name}, and {n} more on this line"),
    };
    RULE.finding(Subject::Plan, at..at + control.char.len_utf8(), message)
}

/// Whether a text may hold a control this rule reports. Each is written in
/// UTF-8 as 0xE2 0x80 0xAA to 0xAE (U+202A to U+202E) or 0xE2 0x81 0xA6 to
/// 0xA9 (U+2066 to U+2069). Plans have none, but many have dashes and
/// quotes that start with 0xE2 too; jumping from one 0xE2 to the next
/// (memchr looks at many bytes at once) and looking at the two bytes after
/// it costs far less than decoding every character.
fn may_hold_control(text: &[u8]) -> bool {
    memchr::memchr_iter(0xE2, text).any(|at| {
        matches!(
            (text.get(at + 1), text.get(at + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefilter_sees_every_control_reported_wherever_it_stands() {
        let reported = ('\0'..=char::MAX).filter(|&c| bidi_control(c).is_some_and(|b| b.reorders));
        let mut count = 0;
        for c in reported {
            for text in [
                format!("{c}"),
                format!("a \u{2014} b{c}"),
                format!("{c}\u{201c}x"),
            ] {
                assert!(may_hold_control(text.as_bytes()), "U+{:04X}", c as u32);
            }
            count += 1;
        }
        assert_eq!(count, 9);
        // Dashes, quotes and the direction marks start with 0xE2 too.
        assert!(!may_hold_control(
            "\u{2014}\u{201c}\u{2026}\u{200e}\u{200f}".as_bytes()
        ));
        assert!(!may_hold_control(&[0xE2]));
        assert!(!may_hold_control(&[0xE2, 0x80]));
    }
}
