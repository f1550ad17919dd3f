//! `--format markdown`: a report for a pull-request comment or a board pack:
//! the summary, the scorecard, then the findings by severity in tables.
//!
//! Text from plans and feedback is escaped so that it reads as it was written:
//! it cannot add markup, links, HTML or table cells.

use std::io::{self, Write};

use super::{Render, summary};
use crate::check::Report;
use crate::diagnostic::Severity;
use crate::feedback::summary::Summary as FeedbackSummary;
use crate::scorecard::Scorecard;
use crate::statistics::Statistics;
use crate::text::sanitize::clean;

pub struct Markdown {
    /// Adds counts by rule and by family (`--statistics`).
    pub statistics: bool,
}

impl Render for Markdown {
    fn feedback(&self, summary: FeedbackSummary, out: &mut dyn Write) -> io::Result<()> {
        super::feedback::write_markdown(&summary, out)
    }

    fn report(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "## planlint\n\n**{}**", summary(report))?;
        scorecard(report, out)?;
        for severity in Severity::ALL {
            findings(report, severity, out)?;
        }
        if self.statistics {
            statistics(&Statistics::of(report), out)?;
        }
        Ok(())
    }
}

/// One row per plan that could be read, and one for all of them when there
/// are several.
fn scorecard(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut rows: Vec<(String, Scorecard)> = report
        .files
        .iter()
        .filter_map(|f| Some((cell(&f.source.display_path()), Scorecard::of_file(f)?)))
        .collect();
    if rows.len() > 1
        && let Some(all) = Scorecard::of_report(report)
    {
        rows.push(("**all plans**".to_owned(), all));
    }
    // Every plan's card has the same families, but a plan checked with
    // feedback adds FB: the widest card gives the columns.
    let Some(families) = rows
        .iter()
        .map(|(_, card)| &card.families)
        .max_by_key(|f| f.len())
    else {
        return Ok(());
    };
    let families: Vec<_> = families.iter().map(|s| s.family).collect();
    writeln!(
        out,
        "\n### Scorecard\n\nChecks passed per family of rules.\n"
    )?;
    let header: Vec<&str> = families.iter().map(|f| f.prefix()).collect();
    writeln!(out, "| plan | {} |", header.join(" | "))?;
    writeln!(out, "|---|{}", "---:|".repeat(families.len()))?;
    for (plan, card) in &rows {
        let scores: Vec<String> = families
            .iter()
            .map(|&family| {
                card.families
                    .iter()
                    .find(|s| s.family == family)
                    .map_or("-".to_owned(), |s| format!("{}/{}", s.passed, s.total))
            })
            .collect();
        writeln!(out, "| {plan} | {} |", scores.join(" | "))?;
    }
    Ok(())
}

fn findings(report: &Report, severity: Severity, out: &mut dyn Write) -> io::Result<()> {
    let count = report.count(severity);
    if count == 0 {
        return Ok(());
    }
    let title = match severity {
        Severity::Error => "Errors",
        Severity::Warning => "Warnings",
        Severity::Info => "Info",
    };
    writeln!(out, "\n### {title} ({count})\n")?;
    writeln!(out, "| code | subject | location | message |")?;
    writeln!(out, "|---|---|---|---|")?;
    for (file, f) in report.findings().filter(|(_, f)| f.severity == severity) {
        writeln!(
            out,
            "| `{}` | {} | {}:{} | {}<br>*help:* {} |",
            f.rule.code,
            cell(&f.subject.to_string()),
            cell(&file.source.display_path()),
            f.location.line,
            cell(&f.message),
            cell(&f.help),
        )?;
    }
    Ok(())
}

fn statistics(stats: &Statistics, out: &mut dyn Write) -> io::Result<()> {
    if stats.rules.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n### Statistics\n")?;
    writeln!(out, "| count | code | name |\n|---:|---|---|")?;
    for r in &stats.rules {
        writeln!(out, "| {} | `{}` | {} |", r.count, r.rule.code, r.rule.name)?;
    }
    writeln!(out, "\n| count | family | about |\n|---:|---|---|")?;
    for f in &stats.families {
        writeln!(
            out,
            "| {} | {} | {} |",
            f.count,
            f.family.prefix(),
            f.family.title()
        )?;
    }
    Ok(())
}

/// Untrusted text for a table cell: cleaned, the characters that
/// start markup, HTML, an entity or (on GitHub) maths backslash-escaped, and
/// line breaks as `<br>`. Links need `[`, images `![`, so `(`, `)` and `!`
/// are harmless once `[` is escaped.
pub(super) fn cell(text: &str) -> String {
    let text = clean(text);
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        for c in line.chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$'
            ) {
                out.push('\\');
            }
            out.push(if c == '\t' { ' ' } else { c });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tests::nasty_report;

    #[test]
    fn cells_cannot_add_markup_or_cells() {
        assert_eq!(
            cell("a|b <b>x</b> [l](u) `c` *e* &amp;\r\nnext"),
            r"a\|b \<b\>x\</b\> \[l\](u) \`c\` \*e\* \&amp;<br>next"
        );
    }

    #[test]
    fn nasty_text_stays_in_its_cell() {
        let mut out = Vec::new();
        Markdown { statistics: true }
            .report(&nasty_report(), &mut out)
            .unwrap();
        let out = String::from_utf8(out).unwrap();
        let row = out
            .lines()
            .find(|l| l.starts_with("| `PLAN002`"))
            .expect("a row for the finding");
        // An unescaped `|` would start a new cell.
        let cells = row.split('|').count() - row.matches(r"\|").count();
        assert_eq!(cells, 6, "{row}");
        // Markup in the message cell is all escaped, but for our own.
        let message = row.split(" | ").nth(3).unwrap().replace("<br>", "");
        let message = message.replacen("*help:*", "", 1);
        let bare = message
            .match_indices(['<', '>', '[', '`', '*', '&'])
            .find(|&(i, _)| !message[..i].ends_with('\\'));
        assert_eq!(bare, None, "{message}");
        assert!(!out.contains(|c: char| c.is_control() && c != '\n'));
    }
}
