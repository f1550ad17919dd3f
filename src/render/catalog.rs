//! `planlint rules`: the catalog, read from the registry.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use serde::Serialize;

use crate::diagnostic::Severity;
use crate::rules::{Family, RULES};

#[derive(Serialize)]
struct Entry {
    code: &'static str,
    name: &'static str,
    family: Family,
    severity: Severity,
    summary: &'static str,
}

pub fn rules_json(out: &mut dyn Write) -> io::Result<()> {
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

pub fn rules_table(out: &mut dyn Write) -> io::Result<()> {
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
