//! `--format concise`: one line per finding, `path:line:col: CODE message`,
//! as ruff's concise output, for logs and for editors that jump to a line;
//! then the summary line of the table. Text from plans is cleaned and cut
//! to one line, as in the table.

use std::io::{self, Write};

use super::{Render, no_command, summary, terminal_cell, terminal_message};
use crate::check::Report;

pub struct Concise;

impl Render for Concise {
    fn report(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        for (file, f) in report.findings() {
            let line = format!(
                "{}:{}:{}: {} {}",
                terminal_cell(&file.source.display_path()),
                f.location.line,
                f.location.column,
                f.rule.code,
                terminal_message(&f.message),
            );
            // A path may start with `::`, as a workflow command does.
            writeln!(out, "{}", no_command(&line))?;
        }
        writeln!(out, "{}", summary(report))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tests::nasty_report;

    #[test]
    fn a_line_per_finding_and_the_summary() {
        let mut out = Vec::new();
        Concise.report(&nasty_report(), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{out}");
        assert!(!out.contains(|c: char| c.is_control() && c != '\n'));
        assert!(lines[1].contains(":1:8: PLAN002 key `a|b`"), "{}", lines[1]);
        assert_eq!(lines[2], "2 plans checked: 2 errors");
    }
}
