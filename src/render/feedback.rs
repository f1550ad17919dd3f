//! `planlint feedback`: the summary as tables for a person, or as JSON, for
//! the table and JSON renderers.
//! Text from the file is cleaned in both, and in the tables put on one line
//! and cut.

use std::borrow::Cow;
use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use super::terminal_cell;
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

pub(super) fn write_table(summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let s = summary;
    // The line starts with a word of ours: a file name at the start of a
    // line of a CI log could read as a workflow command.
    writeln!(
        out,
        "feedback {}: {} rows analysed, {} rejected",
        terminal_cell(&s.file),
        s.rows,
        s.rejected_total
    )?;
    for r in s.rejected.iter().take(SHOWN) {
        writeln!(
            out,
            "  rejected line {}: {}",
            r.line,
            terminal_cell(&r.reason)
        )?;
    }
    if s.rejected_total as usize > SHOWN {
        writeln!(
            out,
            "  ... and {} more (--format json lists them)",
            s.rejected_total as usize - SHOWN
        )?;
    }
    writeln!(
        out,
        "comments: {} ({} negative, {} neutral, {} positive)",
        s.comments, s.polarity.negative, s.polarity.neutral, s.polarity.positive
    )?;
    match (&s.scale, &s.nps) {
        (Some(scale), Some(nps)) => {
            let how = match scale.scale {
                ScoreScale::Nps => "0-10 scores".to_owned(),
                ScoreScale::Stars => {
                    "1-5 stars mapped: 5 promoter, 4 passive, 1-3 detractor".to_owned()
                }
            };
            writeln!(
                out,
                "NPS: {} ({how}; {})",
                nps_text(nps),
                format!("{:?}", scale.source).to_lowercase()
            )?;
        }
        _ => writeln!(out, "NPS: no scores")?,
    }
    writeln!(
        out,
        "contact fatigue: {} comments; sales pressure: {} comments",
        s.fatigue, s.pushy
    )?;
    if let Some(dates) = &s.dates {
        dates_lines(out, dates)?;
    }
    periods(out, &s.periods)?;
    groups(out, "persona", &s.personas)?;
    groups(out, "touchpoint", &s.touchpoints)?;
    groups(out, "channel", &s.channels)?;
    impact(out, &s.theme_impact)?;
    themes(out, "wants", &s.wants)?;
    themes(out, "top themes", &s.themes)?;
    themes(out, "detractors talk about", &s.detractor_themes)?;
    themes(out, "promoters talk about", &s.promoter_themes)
}

fn nps_text(nps: &Nps) -> String {
    format!(
        "{} (95% CI {}..{}) from {} scores ({} promoters, {} passives, {} detractors)",
        nps.nps,
        whole(nps.interval.low),
        whole(nps.interval.high),
        nps.scored,
        nps.promoters,
        nps.passives,
        nps.detractors
    )
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

fn dates_lines(out: &mut dyn Write, d: &DatesSummary) -> io::Result<()> {
    match (&d.first, &d.last, d.period) {
        (Some(first), Some(last), Some(period)) => {
            let chosen = match d.period_source {
                Some("option") => "--period",
                _ => "chosen from the span",
            };
            write!(out, "dates: {first} to {last}, by {period} ({chosen})")?;
            if let (Some(order), Some(source)) = (d.order, d.order_source) {
                let why = match source {
                    "option" => "--date-format",
                    "evidence" => "a day above 12 shows it",
                    "mixed" => "both orders seen: the commoner; the others undated",
                    _ => "assumed: no day above 12; say --date-format MM/DD/YYYY if wrong",
                };
                write!(out, "; read as {order} ({why})")?;
            }
            writeln!(out)?;
        }
        _ => writeln!(out, "dates: none readable")?,
    }
    if d.undated_total > 0 {
        writeln!(
            out,
            "undated: {} rows, analysed for all but time",
            d.undated_total
        )?;
        for u in &d.undated {
            let rows = if u.rows == 1 { "row" } else { "rows" };
            match u.first_line {
                Some(line) => writeln!(
                    out,
                    "  {} {rows}: {} (first on line {line})",
                    u.rows, u.reason
                )?,
                None => writeln!(out, "  {} {rows}: {}", u.rows, u.reason)?,
            }
        }
    }
    if d.outside_window > 0 {
        writeln!(
            out,
            "left out: {} rows outside --since/--until or without a readable date",
            d.outside_window
        )?;
    }
    if d.not_placed > 0 {
        writeln!(
            out,
            "not placed in time: {} (too many dates and groups to count them all)",
            d.not_placed
        )?;
    }
    Ok(())
}

fn periods(out: &mut dyn Write, periods: &[PeriodSummary]) -> io::Result<()> {
    if periods.is_empty() {
        return Ok(());
    }
    let mut t = table(&[
        "period",
        "rows",
        "negative (95% CI)",
        "NPS (95% CI)",
        "scores",
    ]);
    for p in periods {
        t.add_row(vec![
            p.period.clone(),
            p.rows.to_string(),
            share_cell(p.negative_share, p.negative_interval),
            nps_cell(p.nps.as_ref()),
            p.nps.map_or(0, |n| n.scored).to_string(),
        ]);
    }
    writeln!(out, "\n{t}")
}

fn impact(out: &mut dyn Write, impacts: &[ThemeImpact]) -> io::Result<()> {
    if impacts.is_empty() {
        return Ok(());
    }
    let mut t = table(&["theme", "scores", "NPS impact", "beyond noise", "example"]);
    for i in impacts {
        let scored = if i.exact {
            i.scored.to_string()
        } else {
            format!("at least {}", i.scored)
        };
        t.add_row(vec![
            terminal_cell(&i.theme),
            scored,
            format!("{:+.1}", i.impact + 0.0),
            if i.significant { "yes" } else { "no" }.to_owned(),
            i.example.as_deref().map(terminal_cell).unwrap_or_default(),
        ]);
    }
    writeln!(out, "\n{t}")
}

fn table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .force_no_tty()
        .set_header(header.to_vec());
    table
}

fn groups(out: &mut dyn Write, kind: &str, groups: &[GroupSummary]) -> io::Result<()> {
    if groups.is_empty() {
        return Ok(());
    }
    let mut t = table(&[
        kind,
        "in plan",
        "rows",
        "negative",
        "NPS (95% CI)",
        "scores",
        "fatigue",
        "most negative comment",
    ]);
    for g in groups.iter().take(SHOWN) {
        t.add_row(vec![
            terminal_cell(&g.name),
            g.plan_id.as_deref().map_or("-".to_owned(), terminal_cell),
            g.rows.to_string(),
            format!("{:.0}%", g.negative_share * 100.0),
            nps_cell(g.nps.as_ref()),
            g.nps.map_or(0, |n| n.scored).to_string(),
            g.fatigue.to_string(),
            g.negative_examples
                .first()
                .map(|e| terminal_cell(e))
                .unwrap_or_default(),
        ]);
    }
    writeln!(out, "\n{t}")?;
    if groups.len() > SHOWN {
        writeln!(out, "... and {} more {kind} values", groups.len() - SHOWN)?;
    }
    Ok(())
}

fn themes(out: &mut dyn Write, title: &str, themes: &[ThemeSummary]) -> io::Result<()> {
    if themes.is_empty() {
        return Ok(());
    }
    let mut t = table(&[title, "comments", "example"]);
    for theme in themes.iter().take(SHOWN) {
        let count = if theme.exact {
            theme.count.to_string()
        } else {
            format!("at least {}", theme.count)
        };
        t.add_row(vec![
            terminal_cell(&theme.theme),
            count,
            theme
                .examples
                .first()
                .map(|e| terminal_cell(e))
                .unwrap_or_default(),
        ]);
    }
    writeln!(out, "\n{t}")
}
