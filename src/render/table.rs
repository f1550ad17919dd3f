//! `--format table`: for a person reading a terminal or a board pack. Text
//! from plans is shown on one line per cell and cut to a bounded length, and
//! source excerpts show the sanitised text around a finding, never the file
//! as it is.

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use comfy_table::presets::{NOTHING, UTF8_FULL_CONDENSED};
use comfy_table::{Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Width};

use super::{
    Part, Render, catalog, feedback, no_command, severity_counts, summary, terminal_cell,
    terminal_message, terminal_text,
};
use crate::check::{CheckedFile, Report};
use crate::diagnostic::{Finding, Severity};
use crate::feedback::summary::Summary;
use crate::rules::{self, Family, Phase, Rule};
use crate::scorecard::Scorecard;
use crate::source::SourceFile;
use crate::statistics::Statistics;
use crate::text::sanitize::{ELLIPSIS, one_line};

pub struct Table {
    /// ANSI colours: only for a terminal, and never with `NO_COLOR`.
    pub color: bool,
    /// Counts by rule and by family after the report (`--statistics`).
    pub statistics: bool,
    /// The width the tables fit ([`super::Options::width`]); `None`: each
    /// row on one line.
    pub width: Option<u16>,
}

impl Render for Table {
    fn report(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        for file in report.files.iter().filter(|f| !f.findings.is_empty()) {
            self.file(file, out)?;
        }
        self.excerpts(report, out)?;
        writeln!(out, "{}", summary(report))?;
        scorecards(report, self.width, out)?;
        if self.statistics {
            statistics(&Statistics::of(report), out)?;
        }
        Ok(())
    }

    fn catalog(&self, out: &mut dyn Write) -> io::Result<()> {
        catalog::table(out)
    }

    fn explain(&self, rule: &Rule, out: &mut dyn Write) -> io::Result<()> {
        catalog::page(rule, out)
    }

    fn feedback(&self, summary: Summary, out: &mut dyn Write) -> io::Result<()> {
        feedback::write_table(&summary, self.width, out)
    }
}

/// Below this width the severity goes under the code, in one column, so
/// that the message keeps [`MESSAGE_MIN`] columns.
const NARROW: u16 = 80;
/// The fewest columns the message gets, where the width allows.
const MESSAGE_MIN: u16 = 40;
/// Errors named under a plan's path, before its parts.
const SHOWN_ERRORS: usize = 5;

impl Table {
    /// A plan's findings: its path once, then a heading and a table for
    /// each part of the plan with findings (errors first in each table),
    /// each row with the finding's line, severity, code, message and help.
    fn file(&self, file: &CheckedFile, out: &mut dyn Write) -> io::Result<()> {
        let mut sections: Vec<(Part, Vec<&Finding>)> = Vec::new();
        for f in &file.findings {
            let section = Part::of(f);
            match sections.iter_mut().find(|(s, _)| *s == section) {
                Some((_, findings)) => findings.push(f),
                None => sections.push((section, vec![f])),
            }
        }
        // Findings come sorted by line, so within a kind the sections keep
        // the order of their first finding.
        sections.sort_by_key(|(s, _)| s.rank());
        // The line starts with a word of ours: a path at the start of a
        // line of a CI log could read as a workflow command.
        let path = terminal_cell(&file.source.display_path());
        let counts = severity_counts(|s| file.findings.iter().filter(|f| f.severity == s).count());
        let counts = format!("({})", counts.join(", "));
        let heading = format!("plan {path}  {counts}");
        if self
            .width
            .is_some_and(|w| heading.chars().count() > usize::from(w))
        {
            writeln!(out, "{}", self.bold(&format!("plan {path}")))?;
            writeln!(out, "{}", self.bold(&format!("     {counts}")))?;
        } else {
            writeln!(out, "{}", self.bold(&heading))?;
        }
        // Errors are named up front, wherever their part of the plan is.
        let errors: Vec<(&Part, &Finding)> = sections
            .iter()
            .flat_map(|(s, findings)| findings.iter().map(move |f| (s, *f)))
            .filter(|(_, f)| f.severity == Severity::Error)
            .collect();
        for (section, f) in errors.iter().take(SHOWN_ERRORS) {
            let error = self.red("error");
            let (code, line) = (f.rule.code, f.location.line);
            writeln!(
                out,
                "  {error} {code} on line {line}, under {}",
                section.heading()
            )?;
        }
        if errors.len() > SHOWN_ERRORS {
            writeln!(out, "  ... and {} more errors", errors.len() - SHOWN_ERRORS)?;
        }
        for (section, mut findings) in sections {
            findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
            let counts = severity_counts(|s| findings.iter().filter(|f| f.severity == s).count());
            let counts = counts.join(", ");
            writeln!(out, "\n{}  ({counts})", self.bold(&section.heading()))?;
            for line in self.section(&findings).lines() {
                writeln!(out, "{}", no_command(line.trim_end()))?;
            }
        }
        writeln!(out)
    }

    fn section(&self, findings: &[&Finding]) -> comfy_table::Table {
        let narrow = self.width.is_some_and(|w| w < NARROW);
        let mut table = comfy_table::Table::new();
        table
            .load_style(NOTHING)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .force_no_tty();
        if self.color {
            table.enforce_styling();
        }
        if let Some(width) = self.width {
            table.set_width(width);
        }
        for f in findings {
            let mut severity = Cell::new(f.severity);
            if self.color {
                severity = severity.fg(match f.severity {
                    Severity::Error => Color::Red,
                    Severity::Warning => Color::Yellow,
                    Severity::Info => Color::Blue,
                });
            }
            let message = Cell::new(format!(
                "{}\nhelp: {}",
                terminal_message(&f.message),
                terminal_message(&f.help)
            ));
            let line = Cell::new(format!("line {}", f.location.line));
            let row = if narrow {
                let code = format!("{}\n{}", f.rule.code, f.severity);
                vec![line, Cell::new(code), message]
            } else {
                vec![line, severity, Cell::new(f.rule.code), message]
            };
            table.add_row(row);
        }
        let columns = table.column_count();
        for (i, column) in table.column_iter_mut().enumerate() {
            // The same widths in every section, so that they line up.
            // Widths count the padding: "line 1234", "warning", "GOAL004".
            let width = match (i, narrow) {
                (0, _) => 11,
                (1, _) | (2, false) => 9,
                _ => continue,
            };
            if i + 1 < columns {
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(width)));
            }
        }
        if let Some(message) = table.column_mut(columns - 1) {
            message.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(MESSAGE_MIN)));
        }
        table
    }

    fn red(&self, text: &str) -> String {
        if self.color {
            format!("\u{1b}[31m{text}\u{1b}[0m")
        } else {
            text.to_owned()
        }
    }

    fn bold(&self, text: &str) -> String {
        if self.color {
            format!("\u{1b}[1m{text}\u{1b}[0m")
        } else {
            text.to_owned()
        }
    }

    /// Source excerpts for findings about the file's text (syntax, types,
    /// keys, hidden controls), where seeing the line matters most.
    fn excerpts(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        for (file, f) in report.findings().filter(|(_, f)| {
            rules::by_code(f.rule.code)
                .is_some_and(|r| matches!(r.phase, Phase::Load | Phase::Text(_)))
        }) {
            let excerpt = Excerpt::of(&file.source, &f.span);
            let path = terminal_cell(&file.source.display_path());
            writeln!(out, "{}", renderer.render(&[excerpt.group(f, path)]))?;
        }
        Ok(())
    }
}

/// Lines of a span shown in an excerpt; a longer span is shown to the end
/// of its last shown line.
const EXCERPT_LINES: usize = 4;
/// Characters shown before and after a span on its line.
const EXCERPT_CONTEXT: usize = 60;
/// Characters of a span shown on each line.
const EXCERPT_SPAN: usize = 120;

/// The lines of a finding's span, sanitised and cut around the span, so that
/// a hostile file reaches annotate-snippets neither raw nor at length.
struct Excerpt {
    text: String,
    /// The span, in `text`.
    span: Range<usize>,
    /// The first line's number.
    line: usize,
    /// The span's column in the file when the excerpt does not show its line
    /// from the start as it is (cut, or hidden characters made visible), so
    /// that annotate-snippets would count another.
    moved: Option<usize>,
}

impl Excerpt {
    fn of(source: &SourceFile, span: &Range<usize>) -> Excerpt {
        let raw = source.text.as_str();
        let span = source.clamp(span);
        let start = source.line_col(span.start);
        let mut text = String::new();
        let mut shown = 0..0;
        let mut moved = None;
        let mut at = raw[..span.start].rfind('\n').map_or(0, |i| i + 1);
        for n in 0..EXCERPT_LINES {
            let end = raw[at..].find('\n').map_or(raw.len(), |i| at + i);
            let line = &raw[at..end];
            let from = span.start.clamp(at, end) - at;
            let to = span.end.clamp(at, end) - at;
            let before = tail(&line[..from], EXCERPT_CONTEXT);
            if n == 0 {
                if before != line[..from] {
                    moved = Some(start.column);
                }
                text.push_str(&before);
                shown.start = text.len();
            } else {
                text.push('\n');
                text.push_str(&before);
            }
            text.push_str(&terminal_text(&line[from..to], EXCERPT_SPAN));
            shown.end = text.len();
            text.push_str(&terminal_text(&line[to..], EXCERPT_CONTEXT));
            if span.end <= end || end == raw.len() {
                break;
            }
            at = end + 1;
        }
        Excerpt {
            text,
            span: shown,
            line: start.line,
            moved,
        }
    }

    fn group(&self, f: &Finding, path: String) -> annotate_snippets::Group<'_> {
        let level = match f.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let title = level
            .primary_title(terminal_message(&f.message))
            .id(f.rule.code);
        let snippet = Snippet::source(self.text.as_str())
            .line_start(self.line)
            .annotation(AnnotationKind::Primary.span(self.span.clone()));
        let group = match self.moved {
            None => title.element(snippet.path(path)),
            // annotate-snippets would give the column in the excerpt.
            Some(column) => title
                .element(Level::NOTE.message(format!(
                    "at {path}:{}:{column} (the line is shown cut or cleaned)",
                    self.line
                )))
                .element(snippet),
        };
        group.element(Level::HELP.message(terminal_message(&f.help)))
    }
}

/// The last `max_chars` characters of the text before a span, on one line,
/// starting with [`ELLIPSIS`] when cut. Reads no further back than that.
fn tail(text: &str, max_chars: usize) -> String {
    match text.char_indices().rev().nth(max_chars) {
        Some((i, c)) => {
            let kept = one_line(&text[i + c.len_utf8()..]);
            let skip = kept.chars().count().saturating_sub(max_chars - 1);
            std::iter::once(ELLIPSIS)
                .chain(kept.chars().skip(skip))
                .collect()
        }
        None => one_line(text).into_owned(),
    }
}

/// One line per plan that could be read: `scorecard  WHY 4/5  GOAL 5/5 ...`,
/// with the plan's path between the two when there are several. Every line
/// starts with `scorecard`, never with a path, which could make it a CI
/// command.
fn scorecards(report: &Report, width_limit: Option<u16>, out: &mut dyn Write) -> io::Result<()> {
    let scored: Vec<_> = report
        .files
        .iter()
        .filter_map(|f| {
            Some((
                terminal_cell(&f.source.display_path()),
                Scorecard::of_file(f)?,
            ))
        })
        .collect();
    let width = scored
        .iter()
        .map(|(path, _)| path.chars().count())
        .max()
        .unwrap_or(0);
    for (path, card) in &scored {
        let start = if scored.len() == 1 {
            "scorecard".to_owned()
        } else {
            format!("scorecard  {path:width$}")
        };
        let parts: Vec<String> = card
            .families
            .iter()
            .map(|s| format!("{} {}/{}", s.family, s.passed, s.total))
            .collect();
        for line in wrapped(&start, &parts, "  ", width_limit) {
            writeln!(out, "{line}")?;
        }
    }
    let mut families: Vec<Family> = scored
        .iter()
        .flat_map(|(_, card)| card.families.iter().map(|s| s.family))
        .collect();
    families.sort_unstable();
    families.dedup();
    if families.is_empty() {
        return Ok(());
    }
    // The legend, under the cards.
    let mut parts = vec!["rules passed of rules run, by family:".to_owned()];
    parts.extend(
        families
            .iter()
            .map(|f| format!("{} = {};", f.prefix(), f.title())),
    );
    if let Some(last) = parts.last_mut() {
        last.pop();
    }
    for line in wrapped("", &parts, " ", width_limit) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// `start`, then `parts` joined by `gap`, wrapped between parts to `width`:
/// the lines after the first (and the first, when `start` is empty) are
/// indented as far as the scorecard's families.
fn wrapped(start: &str, parts: &[String], gap: &str, width: Option<u16>) -> Vec<String> {
    let width = usize::from(width.unwrap_or(u16::MAX));
    let indent = " ".repeat("scorecard  ".len());
    let mut lines = Vec::new();
    let mut line = if start.is_empty() {
        indent.clone()
    } else {
        format!("{start}  ")
    };
    let mut empty = true;
    for part in parts {
        let len = line.chars().count();
        if !empty && len + gap.len() + part.chars().count() > width {
            lines.push(std::mem::replace(&mut line, indent.clone()));
            empty = true;
        }
        if !empty {
            line.push_str(gap);
        }
        line.push_str(part);
        empty = false;
    }
    lines.push(line);
    lines
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
