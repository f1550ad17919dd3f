//! `--format json`: the report as data (a contract: see README). Text from
//! plans is cleaned, at full length; JSON escapes the rest.

use std::io::{self, Write};

use serde::Serialize;

use super::{Render, catalog, feedback};
use crate::check::Report;
use crate::diagnostic::Severity;
use crate::feedback::summary::Summary as FeedbackSummary;
use crate::scorecard::Scorecard;
use crate::statistics::Statistics;
use crate::text::sanitize::clean;

pub struct Json {
    /// Adds `statistics`: counts by rule and by family (`--statistics`).
    pub statistics: bool,
}

#[derive(Serialize)]
struct Output {
    version: u32,
    tool: Tool,
    files: Vec<File>,
    findings: Vec<Finding>,
    summary: Summary,
    /// Checks passed per family over the plans that could be read.
    scorecard: Option<Scorecard>,
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<Statistics>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct File {
    path: String,
    name: Option<String>,
    scorecard: Option<Scorecard>,
}

#[derive(Serialize)]
struct Finding {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    file: String,
    line: usize,
    column: usize,
    subject: String,
    message: String,
    help: String,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    error: usize,
    warning: usize,
    info: usize,
    /// Findings hidden by waivers in the plans.
    waived: usize,
    /// Findings hidden by `--baseline`.
    in_baseline: usize,
    /// Findings the baseline records for these files that no longer occur.
    stale_baseline: usize,
}

impl Render for Json {
    fn report(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let output = Output {
            version: 1,
            tool: Tool {
                name: env!("CARGO_PKG_NAME"),
                version: env!("CARGO_PKG_VERSION"),
            },
            files: report
                .files
                .iter()
                .map(|f| File {
                    path: clean(&f.source.display_path()).into_owned(),
                    name: f.name.as_deref().map(|n| clean(n).into_owned()),
                    scorecard: Scorecard::of_file(f),
                })
                .collect(),
            findings: report
                .findings()
                .map(|(file, f)| Finding {
                    code: f.rule.code,
                    name: f.rule.name,
                    severity: f.severity,
                    file: clean(&file.source.display_path()).into_owned(),
                    line: f.location.line,
                    column: f.location.column,
                    subject: clean(&f.subject.to_string()).into_owned(),
                    message: clean(&f.message).into_owned(),
                    help: clean(&f.help).into_owned(),
                })
                .collect(),
            summary: Summary {
                files: report.files.len(),
                error: report.count(Severity::Error),
                warning: report.count(Severity::Warning),
                info: report.count(Severity::Info),
                waived: report.waived(),
                in_baseline: report.in_baseline(),
                stale_baseline: report.stale_baseline,
            },
            scorecard: Scorecard::of_report(report),
            statistics: self.statistics.then(|| Statistics::of(report)),
        };
        serde_json::to_writer_pretty(&mut *out, &output)?;
        writeln!(out)
    }

    fn catalog(&self, out: &mut dyn Write) -> io::Result<()> {
        catalog::json(out)
    }

    fn feedback(&self, summary: FeedbackSummary, out: &mut dyn Write) -> io::Result<()> {
        feedback::write_json(summary, out)
    }
}
