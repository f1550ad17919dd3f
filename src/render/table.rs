//! `--format table`: for a person reading a terminal or a board pack.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Color, ContentArrangement};

use super::{Render, sanitize, summary};
use crate::check::{CheckedFile, Report};
use crate::diagnostic::{Finding, Severity};
use crate::rules::Check;
use crate::scorecard::Scorecard;
use crate::statistics::Statistics;

pub struct Table {
    /// ANSI colours: only for a terminal, and never with `NO_COLOR`.
    pub color: bool,
    /// Counts by rule and by family after the report (`--statistics`).
    pub statistics: bool,
}

impl Render for Table {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        if report.findings().next().is_some() {
            writeln!(out, "{}", self.table(report))?;
            self.excerpts(report, out)?;
        }
        writeln!(out, "{}", summary(report))?;
        scorecards(report, out)?;
        if self.statistics {
            statistics(&Statistics::of(report), out)?;
        }
        Ok(())
    }
}

impl Table {
    fn table(&self, report: &Report) -> comfy_table::Table {
        let mut table = comfy_table::Table::new();
        table
            .load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_header(["severity", "code", "subject", "location", "message"]);
        if self.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        for (file, f) in report.findings() {
            let location = format!(
                "{}:{}:{}",
                file.source.display_path(),
                f.location.line,
                f.location.column
            );
            let mut severity = Cell::new(f.severity);
            if self.color {
                severity = severity.fg(match f.severity {
                    Severity::Error => Color::Red,
                    Severity::Warning => Color::Yellow,
                    Severity::Info => Color::Blue,
                });
            }
            table.add_row(vec![
                severity,
                Cell::new(f.rule.code),
                Cell::new(f.subject.to_string()),
                Cell::new(location),
                Cell::new(format!(
                    "{}\nhelp: {}",
                    sanitize(&f.message),
                    sanitize(&f.help)
                )),
            ]);
        }
        table
    }

    /// Source excerpts for findings about the file's text (syntax, types,
    /// keys, hidden controls), where seeing the line matters most.
    fn excerpts(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        for (file, f) in report
            .findings()
            .filter(|(_, f)| matches!(f.rule.check, Check::Loader | Check::Text(_)))
        {
            writeln!(out, "{}", renderer.render(&[excerpt(file, f)]))?;
        }
        Ok(())
    }
}

fn excerpt<'a>(file: &'a CheckedFile, f: &'a Finding) -> annotate_snippets::Group<'a> {
    let level = match f.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let span = file.source.clamp(&f.span);
    level
        .primary_title(f.message.as_str())
        .id(f.rule.code)
        .element(
            Snippet::source(file.source.text.as_str())
                .path(file.source.display_path())
                .annotation(AnnotationKind::Primary.span(span)),
        )
        .element(Level::HELP.message(f.help.as_str()))
}

/// One line per plan that could be read: `scorecard  WHY 4/5  GOAL 5/5 ...`.
fn scorecards(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let scored: Vec<_> = report
        .files
        .iter()
        .filter_map(|f| Some((f, Scorecard::of_file(f)?)))
        .collect();
    let width = scored
        .iter()
        .map(|(f, _)| f.source.display_path().len())
        .max()
        .unwrap_or(0);
    for (file, card) in &scored {
        if scored.len() == 1 {
            writeln!(out, "scorecard  {card}")?;
        } else {
            writeln!(out, "{:width$}  {card}", file.source.display_path())?;
        }
    }
    Ok(())
}

/// Two tables, findings by rule and by family; nothing when there are none.
fn statistics(stats: &Statistics, out: &mut dyn Write) -> io::Result<()> {
    if stats.rules.is_empty() {
        return Ok(());
    }
    let mut rules = comfy_table::Table::new();
    rules
        .load_style(UTF8_FULL_CONDENSED)
        .force_no_tty()
        .set_header(["count", "code", "name"]);
    for r in &stats.rules {
        rules.add_row([r.count.to_string(), r.rule.code.into(), r.rule.name.into()]);
    }
    right_align_first_column(&mut rules);
    let mut families = comfy_table::Table::new();
    families
        .load_style(UTF8_FULL_CONDENSED)
        .force_no_tty()
        .set_header(["count", "family", "about"]);
    for f in &stats.families {
        families.add_row([
            f.count.to_string(),
            f.family.prefix().into(),
            f.family.title().into(),
        ]);
    }
    right_align_first_column(&mut families);
    writeln!(
        out,
        "\nfindings by rule\n{rules}\nfindings by family\n{families}"
    )
}

fn right_align_first_column(table: &mut comfy_table::Table) {
    if let Some(column) = table.column_mut(0) {
        column.set_cell_alignment(CellAlignment::Right);
    }
}
