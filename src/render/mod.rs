//! Output formats, one file each, behind one trait.

mod catalog;
mod csv;
mod feedback;
mod github;
mod json;
mod junit;
mod markdown;
mod sarif;
mod table;

use std::io::{self, Write};

pub use self::csv::CsvSink;
pub use catalog::{rules_json, rules_table};
pub use feedback::{feedback_json, feedback_table};
pub use github::Github;
pub use json::Json;
pub use junit::Junit;
pub use markdown::Markdown;
pub use sarif::Sarif;
pub use table::Table;

use crate::check::Report;
use crate::diagnostic::Severity;

pub trait Render {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}

/// `2 plans checked: 1 error, 3 warnings`, or `1 plan checked: no findings`,
/// followed by the findings hidden, if any: `(3 waived, 5 in baseline)`.
pub fn summary(report: &Report) -> String {
    let files = report.files.len();
    let checked = format!(
        "{files} {} checked",
        if files == 1 { "plan" } else { "plans" }
    );
    let counts: Vec<String> = Severity::ALL
        .iter()
        .map(|&s| (s, report.count(s)))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| match (s, n) {
            (Severity::Info, _) => format!("{n} info"),
            (_, 1) => format!("1 {s}"),
            _ => format!("{n} {s}s"),
        })
        .collect();
    let mut line = if counts.is_empty() {
        format!("{checked}: no findings")
    } else {
        format!("{checked}: {}", counts.join(", "))
    };
    let hidden: Vec<String> = [
        (report.waived(), "waived"),
        (report.in_baseline(), "in baseline"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    if !hidden.is_empty() {
        line.push_str(&format!(" ({})", hidden.join(", ")));
    }
    line
}

/// Removes control characters and terminal escape sequences from text that
/// comes from a user's file, so printing it cannot move the cursor, change
/// colours or hide other output.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => {
                // CSI (`ESC [ ... final`) and OSC (`ESC ] ... BEL|ST`) sequences.
                match chars.peek() {
                    Some('[') => {
                        chars.next();
                        for c in chars.by_ref() {
                            if ('\u{40}'..='\u{7e}').contains(&c) {
                                break;
                            }
                        }
                    }
                    Some(']') => {
                        chars.next();
                        while let Some(c) = chars.next() {
                            if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some())
                            {
                                break;
                            }
                        }
                    }
                    _ => {
                        chars.next();
                    }
                }
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::sanitize;
    use crate::check::{CheckedFile, Report};
    use crate::diagnostic::{Finding, Subject};
    use crate::rules::{INVALID_PLAN, UNKNOWN_FIELD};
    use crate::source::SourceFile;

    /// Text a plan or a feedback comment could put into a message: markup of
    /// every format, workflow-command syntax, controls and a terminal escape.
    pub const NASTY: &str = "key `a|b` <script>alert(1)</script> & \"quoted\" 'single' \
        100% ::error::pwned, a:b ]]> *bold* [link](http://x) @team #1\r\nsecond line\u{1b}[31m\u{0}\u{7}\u{fffe} end";

    /// Two files: a clean one, and one with a nasty finding in a nasty path.
    pub fn nasty_report() -> Report {
        let source = SourceFile::new("./we,ird:dir/a b%.plan.toml", "name = \"x\"\n");
        let finding = |rule, message: &str| {
            let mut f = Finding::new(rule, Subject::Plan, 0..4, message).with_help(NASTY);
            f.location = source.line_col(0);
            f
        };
        let nasty = CheckedFile {
            source: source.clone(),
            name: None,
            rules_ran: false,
            feedback: None,
            config: Default::default(),
            findings: vec![
                finding(&INVALID_PLAN, "plain"),
                finding(&UNKNOWN_FIELD, NASTY),
            ],
            waived: 0,
            in_baseline: 0,
        };
        let clean = CheckedFile {
            source: SourceFile::new("clean.plan.toml", "name = \"y\"\n"),
            name: Some("y".to_owned()),
            rules_ran: true,
            feedback: None,
            config: Default::default(),
            findings: Vec::new(),
            waived: 0,
            in_baseline: 0,
        };
        Report {
            files: vec![clean, nasty],
            ..Report::default()
        }
    }

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(
            sanitize("x\u{1b}]8;;http://e\u{7}link\u{1b}]8;;\u{7}"),
            "xlink"
        );
        assert_eq!(sanitize("bell\u{7}\rcr\u{0}"), "bellcr");
        assert_eq!(sanitize("line\nnext\ttab é"), "line\nnext\ttab é");
    }
}
