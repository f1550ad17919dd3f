//! `planlint rules` and `planlint explain`: the catalog and a rule's page,
//! read from the registry, for the table and JSON renderers.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use serde::Serialize;

use crate::diagnostic::Severity;
use crate::rules::{Family, RULES, Rule};

#[derive(Serialize)]
struct Entry {
    code: &'static str,
    name: &'static str,
    family: Family,
    severity: Severity,
    summary: &'static str,
}

pub(super) fn json(out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Catalog {
        rules: Vec<Entry>,
    }
    let rules = RULES
        .iter()
        .map(|r| Entry {
            code: r.code,
            name: r.name,
            family: r.family,
            severity: r.severity,
            summary: r.summary,
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &Catalog { rules })?;
    writeln!(out)
}

pub(super) fn table(out: &mut dyn Write) -> io::Result<()> {
    let mut table = comfy_table::Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_header(["code", "name", "family", "severity", "summary"]);
    for r in RULES {
        table.add_row([
            r.code,
            r.name,
            r.family.prefix(),
            r.severity.as_str(),
            r.summary,
        ]);
    }
    writeln!(out, "{table}")
}

/// A rule's page: its summary and documentation (Markdown, as written in
/// the rule's file), then its family and default severity.
pub(super) fn page(rule: &Rule, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "# {} {}\n\n{}\n\n{}",
        rule.code, rule.name, rule.summary, rule.docs
    )?;
    writeln!(
        out,
        "\nFamily: {} ({}). Default severity: {}.",
        rule.family,
        rule.family.title(),
        rule.severity
    )
}
