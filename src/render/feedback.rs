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
use crate::feedback::summary::{GroupSummary, Summary, ThemeSummary};
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
    groups(out, "persona", &s.personas)?;
    groups(out, "touchpoint", &s.touchpoints)?;
    themes(out, "wants", &s.wants)?;
    themes(out, "top themes", &s.themes)?;
    themes(out, "detractors talk about", &s.detractor_themes)?;
    themes(out, "promoters talk about", &s.promoter_themes)
}

fn nps_text(nps: &Nps) -> String {
    format!(
        "{} from {} scores ({} promoters, {} passives, {} detractors)",
        nps.nps, nps.scored, nps.promoters, nps.passives, nps.detractors
    )
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
        "NPS",
        "fatigue",
        "most negative comment",
    ]);
    for g in groups.iter().take(SHOWN) {
        t.add_row(vec![
            terminal_cell(&g.name),
            g.plan_id.as_deref().map_or("-".to_owned(), terminal_cell),
            g.rows.to_string(),
            format!("{:.0}%", g.negative_share * 100.0),
            g.nps
                .map_or("-".to_owned(), |n| format!("{} ({})", n.nps, n.scored)),
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
