//! `planlint feedback`: the summary as tables for a person, or as JSON, for
//! the table and JSON renderers.
//! Text from the file is cleaned in both, and in the tables put on one line
//! and cut.

use std::borrow::Cow;
use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use super::markdown::cell as markdown_cell;
use super::{no_command, terminal_cell};
use crate::feedback::ScoreScale;
use crate::feedback::aggregate::Nps;
use crate::feedback::stats::Interval;
use crate::feedback::summary::{
    DatesSummary, GroupSummary, PeriodSummary, Summary, ThemeImpact, ThemeSummary,
};
use crate::text::sanitize::clean;

/// Rows of each table in the readable summary.
const SHOWN: usize = 10;

/// The summary as JSON, its texts cleaned and at full length.
pub(super) fn write_json(mut summary: Summary, out: &mut dyn Write) -> io::Result<()> {
    for text in summary.texts_mut() {
        if let Cow::Owned(cleaned) = clean(text) {
            *text = cleaned;
        }
    }
    serde_json::to_writer_pretty(&mut *out, &summary)?;
    writeln!(out)
}

/// The summary as a person reads it: lines that give the whole, then
/// tables; the terminal and Markdown differ only in how they draw them.
struct Readable {
    lines: Vec<Line>,
    tables: Vec<Section>,
}

/// A line of the overview; `indent` lines detail the one before.
struct Line {
    text: String,
    indent: bool,
}

struct Section {
    /// The Markdown heading; the terminal shows the header's first cell.
    title: &'static str,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Said under the table: "... and 3 more persona values".
    more: Option<String>,
}

/// How text from the file is made safe for one output.
type Cell = fn(&str) -> String;

/// The summary as tables for a person; with a `width` they fit it, long
/// cells wrapped, and without (a file, a log) each row is one line.
pub(super) fn write_table(
    summary: &Summary,
    width: Option<u16>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let readable = readable(summary, terminal_cell);
    for line in &readable.lines {
        let indent = if line.indent { "  " } else { "" };
        writeln!(out, "{indent}{}", line.text)?;
    }
    for section in &readable.tables {
        let mut t = Table::new();
        t.load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_header(section.header.clone());
        t.force_no_tty();
        if let Some(width) = width {
            t.set_width(width);
        }
        for row in &section.rows {
            t.add_row(row.clone());
        }
        writeln!(out)?;
        for line in t.lines() {
            writeln!(out, "{}", no_command(&line))?;
        }
        if let Some(more) = &section.more {
            writeln!(out, "{more}")?;
        }
    }
    Ok(())
}

/// The summary in Markdown, for a pull-request comment or a board pack:
/// the overview as a list, each table under its heading. Text from the file
/// is escaped as in every Markdown report.
pub(super) fn write_markdown(summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let readable = readable(summary, markdown_cell);
    writeln!(out, "## planlint feedback\n")?;
    for line in &readable.lines {
        let indent = if line.indent { "  " } else { "" };
        writeln!(out, "{indent}- {}", line.text)?;
    }
    for section in &readable.tables {
        writeln!(out, "\n### {}\n", section.title)?;
        writeln!(out, "| {} |", section.header.join(" | "))?;
        writeln!(out, "|{}", "---|".repeat(section.header.len()))?;
        for row in &section.rows {
            writeln!(out, "| {} |", row.join(" | "))?;
        }
        if let Some(more) = &section.more {
            writeln!(out, "\n{more}")?;
        }
    }
    Ok(())
}

fn readable(s: &Summary, cell: Cell) -> Readable {
    let mut lines = Vec::new();
    let mut line = |text: String, indent: bool| lines.push(Line { text, indent });
    // The line starts with a word of ours: a file name at the start of a
    // line of a CI log could read as a workflow command.
    line(
        format!(
            "feedback {}: {} analysed, {} rejected",
            cell(&s.file),
            counted(s.rows, "row", "rows"),
            s.rejected_total
        ),
        false,
    );
    for r in s.rejected.iter().take(SHOWN) {
        line(
            format!("rejected line {}: {}", r.line, cell(&r.reason)),
            true,
        );
    }
    if s.rejected_total as usize > SHOWN {
        line(
            format!(
                "... and {} more (--format json lists them)",
                s.rejected_total as usize - SHOWN
            ),
            true,
        );
    }
    line(
        format!(
            "comments: {} ({} negative, {} neutral, {} positive)",
            s.comments, s.polarity.negative, s.polarity.neutral, s.polarity.positive
        ),
        false,
    );
    match (&s.scale, &s.nps) {
        (Some(scale), Some(nps)) => {
            let how = match scale.scale {
                ScoreScale::Nps => "0-10 scores".to_owned(),
                ScoreScale::Stars => {
                    "1-5 stars mapped: 5 promoter, 4 passive, 1-3 detractor".to_owned()
                }
            };
            line(
                format!(
                    "NPS: {} ({how}; {})",
                    nps_text(nps),
                    format!("{:?}", scale.source).to_lowercase()
                ),
                false,
            );
        }
        _ => line("NPS: no scores".to_owned(), false),
    }
    line(
        format!(
            "contact fatigue: {}; sales pressure: {}",
            counted(s.fatigue, "comment", "comments"),
            counted(s.pushy, "comment", "comments")
        ),
        false,
    );
    if let Some(dates) = &s.dates {
        dates_lines(dates, &mut line);
    }
    let mut tables = Vec::new();
    tables.extend(periods(&s.periods));
    for (title, kind, list) in [
        ("Personas", "persona", &s.personas),
        ("Touchpoints", "touchpoint", &s.touchpoints),
        ("Channels", "channel", &s.channels),
    ] {
        tables.extend(groups(title, kind, list, cell));
    }
    tables.extend(trends(s, cell));
    tables.extend(impact(&s.theme_impact, cell));
    for (title, head, list) in [
        ("Wants", "wants", &s.wants),
        ("Top themes", "top themes", &s.themes),
        (
            "Detractors talk about",
            "detractors talk about",
            &s.detractor_themes,
        ),
        (
            "Promoters talk about",
            "promoters talk about",
            &s.promoter_themes,
        ),
    ] {
        tables.extend(themes(title, head, list, cell));
    }
    Readable { lines, tables }
}

fn nps_text(nps: &Nps) -> String {
    format!(
        "{} (95% CI {}..{}) from {} ({}, {}, {})",
        nps.nps,
        whole(nps.interval.low),
        whole(nps.interval.high),
        counted(nps.scored, "score", "scores"),
        counted(nps.promoters, "promoter", "promoters"),
        counted(nps.passives, "passive", "passives"),
        counted(nps.detractors, "detractor", "detractors")
    )
}

/// `1 comment`, `2 comments`, `0 comments`.
fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A figure to the nearest whole number, without a sign on zero.
fn whole(x: f64) -> String {
    format!("{:.0}", x.round() + 0.0)
}

/// An NPS with its interval, short enough for a table: `-27 (-70..16)`.
fn nps_cell(nps: Option<&Nps>) -> String {
    nps.map_or("-".to_owned(), |n| {
        format!(
            "{} ({}..{})",
            whole(n.nps),
            whole(n.interval.low),
            whole(n.interval.high)
        )
    })
}

/// A share with its interval, in percent: `42% (30..55)`.
fn share_cell(share: f64, interval: Option<Interval>) -> String {
    match interval {
        Some(i) => format!(
            "{}% ({}..{})",
            whole(share * 100.0),
            whole(i.low * 100.0),
            whole(i.high * 100.0)
        ),
        None => "-".to_owned(),
    }
}

/// How the dates were read, and the rows that are in no period. Every text
/// here is planlint's own: reasons are fixed phrases, never the file's.
fn dates_lines(d: &DatesSummary, line: &mut impl FnMut(String, bool)) {
    match (&d.first, &d.last, d.period) {
        (Some(first), Some(last), Some(period)) => {
            let chosen = match d.period_source {
                Some("option") => "--period",
                _ => "chosen from the span",
            };
            let mut text = format!("dates: {first} to {last}, by {period} ({chosen})");
            if let (Some(order), Some(source)) = (d.order, d.order_source) {
                let why = match source {
                    "option" => "--date-format",
                    "evidence" => "a day above 12 shows it",
                    "mixed" => "both orders seen: the commoner; the others undated",
                    _ => "assumed: no day above 12; say --date-format MM/DD/YYYY if wrong",
                };
                text.push_str(&format!("; read as {order} ({why})"));
            }
            line(text, false);
        }
        _ => line("dates: none readable".to_owned(), false),
    }
    if d.undated_total > 0 {
        line(
            format!(
                "undated: {}, analysed for all but time",
                counted(d.undated_total, "row", "rows")
            ),
            false,
        );
        for u in &d.undated {
            let first = u
                .first_line
                .map(|l| format!(" (first on line {l})"))
                .unwrap_or_default();
            let rows = counted(u.rows, "row", "rows");
            line(format!("{rows}: {}{first}", u.reason), true);
        }
    }
    if d.outside_window > 0 {
        line(
            format!(
                "left out: {} outside --since/--until or without a readable date",
                counted(d.outside_window, "row", "rows")
            ),
            false,
        );
    }
    if d.not_placed > 0 {
        line(
            format!(
                "not placed in time: {} (too many dates and groups to count them all)",
                d.not_placed
            ),
            false,
        );
    }
}

fn header(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|&c| c.to_owned()).collect()
}

fn periods(periods: &[PeriodSummary]) -> Option<Section> {
    if periods.is_empty() {
        return None;
    }
    let rows = periods
        .iter()
        .map(|p| {
            vec![
                p.period.clone(),
                p.rows.to_string(),
                share_cell(p.negative_share, p.negative_interval),
                nps_cell(p.nps.as_ref()),
                p.nps.map_or(0, |n| n.scored).to_string(),
            ]
        })
        .collect();
    Some(Section {
        title: "By period",
        header: header(&[
            "period",
            "rows",
            "negative (95% CI)",
            "NPS (95% CI)",
            "scores",
        ]),
        rows,
        more: None,
    })
}

/// The groups whose NPS can be compared between a first and a last period.
fn trends(s: &Summary, cell: Cell) -> Option<Section> {
    let rows: Vec<Vec<String>> = [
        ("persona", &s.personas),
        ("touchpoint", &s.touchpoints),
        ("channel", &s.channels),
    ]
    .into_iter()
    .flat_map(|(kind, groups)| groups.iter().map(move |g| (kind, g)))
    .filter_map(|(kind, g)| {
        let t = g.trend.as_ref()?;
        Some(vec![
            format!("{kind} {}", cell(&g.name)),
            t.first_period.clone(),
            nps_cell(Some(&t.first)),
            t.last_period.clone(),
            nps_cell(Some(&t.last)),
            format!("{:+.0}", t.change.round() + 0.0),
            if t.beyond_noise { "yes" } else { "no" }.to_owned(),
        ])
    })
    .collect();
    (!rows.is_empty()).then(|| Section {
        title: "Trends",
        header: header(&[
            "trend",
            "from",
            "NPS (95% CI)",
            "to",
            "NPS (95% CI)",
            "change",
            "beyond noise",
        ]),
        rows,
        more: None,
    })
}

fn impact(impacts: &[ThemeImpact], cell: Cell) -> Option<Section> {
    if impacts.is_empty() {
        return None;
    }
    let rows = impacts
        .iter()
        .map(|i| {
            let scored = if i.exact {
                i.scored.to_string()
            } else {
                format!("at least {}", i.scored)
            };
            vec![
                cell(&i.theme),
                scored,
                format!("{:+.1}", i.impact + 0.0),
                if i.significant { "yes" } else { "no" }.to_owned(),
                i.example.as_deref().map(cell).unwrap_or_default(),
            ]
        })
        .collect();
    Some(Section {
        title: "Theme impact on NPS",
        header: header(&["theme", "scores", "NPS impact", "beyond noise", "example"]),
        rows,
        more: None,
    })
}

fn groups(title: &'static str, kind: &str, groups: &[GroupSummary], cell: Cell) -> Option<Section> {
    if groups.is_empty() {
        return None;
    }
    let rows = groups
        .iter()
        .take(SHOWN)
        .map(|g| {
            vec![
                cell(&g.name),
                // A linked value is shown by the item's id already.
                if g.plan_id.is_some() { "yes" } else { "-" }.to_owned(),
                g.rows.to_string(),
                format!("{:.0}%", g.negative_share * 100.0),
                nps_cell(g.nps.as_ref()),
                g.nps.map_or(0, |n| n.scored).to_string(),
                g.fatigue.to_string(),
                g.negative_examples
                    .first()
                    .map(|e| cell(e))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    Some(Section {
        title,
        header: header(&[
            kind,
            "in plan",
            "rows",
            "negative",
            "NPS (95% CI)",
            "scores",
            "fatigue",
            "most negative comment",
        ]),
        rows,
        more: (groups.len() > SHOWN)
            .then(|| format!("... and {} more {kind} values", groups.len() - SHOWN)),
    })
}

fn themes(title: &'static str, head: &str, themes: &[ThemeSummary], cell: Cell) -> Option<Section> {
    if themes.is_empty() {
        return None;
    }
    let rows = themes
        .iter()
        .take(SHOWN)
        .map(|theme| {
            let count = if theme.exact {
                theme.count.to_string()
            } else {
                format!("at least {}", theme.count)
            };
            vec![
                cell(&theme.theme),
                count,
                theme.examples.first().map(|e| cell(e)).unwrap_or_default(),
            ]
        })
        .collect();
    Some(Section {
        title,
        header: header(&[head, "comments", "example"]),
        rows,
        more: None,
    })
}
