//! Every output of planlint, one file per format, behind one trait: the
//! check report in every format, the rule catalog, a rule's page and the
//! feedback summary go through [`Render`], chosen by [`renderer`] from the
//! [`Format`]; the scored feedback rows, written while the file is read,
//! through [`CsvSink`], a [`crate::feedback::RowSink`]. Adding a format is
//! adding a file here, a [`Format`] and an arm of [`renderer`].
//!
//! Every renderer passes text from plans and feedback files through
//! [`crate::text::sanitize`] on its way out: `clean` for every format,
//! `one_line` and a cut for terminal output.
//!
//! Floor: above `check` (it renders a [`Report`]) and the registry; nothing
//! but the binary imports it.

pub mod board;
mod catalog;
mod concise;
mod csv;
mod feedback;
mod github;
mod json;
mod junit;
mod markdown;
mod sarif;
mod table;

use std::borrow::Cow;
use std::io::{self, Write};

pub use self::csv::CsvSink;
pub use concise::Concise;
pub use github::Github;
pub use json::Json;
pub use junit::Junit;
pub use markdown::Markdown;
pub use sarif::Sarif;
pub use table::Table;

use crate::check::Report;
use crate::diagnostic::{Finding, Severity, Subject};
use crate::feedback::summary::Summary;
use crate::rules::{Family, Rule};
use crate::text::sanitize::{cut, one_line};

/// The formats planlint writes. Each command offers those that show its
/// output: `check` all but CSV, `rules` and `feedback` table and JSON
/// (`feedback` also CSV, through [`CsvSink`]); `explain` writes a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Findings, summary and scorecard for a person
    Table,
    /// The report as data (a stable contract)
    Json,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// GitHub Actions annotations
    Github,
    /// JUnit XML, for CI test reports
    Junit,
    /// A Markdown report, for a pull-request comment or a board pack
    Markdown,
    /// One line per finding, `path:line:col: CODE message`, for logs and editors
    Concise,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub fn all() -> &'static [Format] {
        <Format as clap::ValueEnum>::value_variants()
    }
}

/// Choices that change how a format writes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// ANSI colours in the table: only for a terminal, and never with
    /// `NO_COLOR`.
    pub color: bool,
    /// Counts by rule and by family after the report (`--statistics`):
    /// table, JSON and Markdown.
    pub statistics: bool,
    /// The width tables fit (`--width`, `COLUMNS`, the terminal's); `None`
    /// for a pipe or a file, where each row is one line.
    pub width: Option<u16>,
}

/// One output format. A format writes the check report; the other
/// documents only where it has a way to show them, and otherwise says so
/// with an [`io::ErrorKind::Unsupported`] error (the command line does not
/// offer those pairs).
pub trait Render {
    /// The report of `planlint check`.
    fn report(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;

    /// The rule catalog of `planlint rules`.
    fn catalog(&self, _out: &mut dyn Write) -> io::Result<()> {
        Err(unsupported("the rule catalog"))
    }

    /// A rule's page, for `planlint explain`.
    fn explain(&self, _rule: &Rule, _out: &mut dyn Write) -> io::Result<()> {
        Err(unsupported("a rule's page"))
    }

    /// The summary of `planlint feedback`.
    fn feedback(&self, _summary: Summary, _out: &mut dyn Write) -> io::Result<()> {
        Err(unsupported("the feedback summary"))
    }
}

/// The renderer of a format.
pub fn renderer(format: Format, options: Options) -> Box<dyn Render> {
    match format {
        Format::Table => Box::new(Table {
            color: options.color,
            statistics: options.statistics,
            width: options.width,
        }),
        Format::Json => Box::new(Json {
            statistics: options.statistics,
        }),
        Format::Sarif => Box::new(Sarif),
        Format::Github => Box::new(Github),
        Format::Junit => Box::new(Junit),
        Format::Markdown => Box::new(Markdown {
            statistics: options.statistics,
        }),
        Format::Concise => Box::new(Concise),
    }
}

fn unsupported(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::Unsupported,
        format!("this format does not show {what}"),
    )
}

/// `2 plans checked: 1 error, 3 warnings`, or `1 plan checked: no findings`,
/// followed by the findings hidden, if any: `(3 waived, 5 in baseline)`.
/// Where a finding is shown: under the part of the plan it is about, in
/// the order a plan is read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    /// The WHY, the HOW and the WHAT.
    Circle,
    /// The plan as a whole (and the file itself).
    Plan,
    Goal(String),
    Persona(String),
    Touchpoint(String),
    /// Findings of the FB rules about the plan as a whole; those about a
    /// persona or a touchpoint are shown under it.
    Feedback,
}

impl Part {
    fn of(f: &Finding) -> Part {
        match &f.subject {
            Subject::Why | Subject::How | Subject::What => Part::Circle,
            Subject::Plan if f.rule.code.starts_with(Family::Fb.prefix()) => Part::Feedback,
            Subject::Plan => Part::Plan,
            Subject::Goal(id) => Part::Goal(id.clone()),
            Subject::Persona(id) => Part::Persona(id.clone()),
            Subject::Touchpoint(id) => Part::Touchpoint(id.clone()),
        }
    }

    /// Its kind's rank: goals, personas and touchpoints come in the order
    /// of their first finding's line within their kind.
    fn rank(&self) -> u8 {
        match self {
            Part::Circle => 0,
            Part::Plan => 1,
            Part::Goal(_) => 2,
            Part::Persona(_) => 3,
            Part::Touchpoint(_) => 4,
            Part::Feedback => 5,
        }
    }

    fn heading(&self) -> String {
        match self {
            Part::Circle => "the WHY, the HOW and the WHAT".to_owned(),
            Part::Plan => "the plan as a whole".to_owned(),
            Part::Goal(id) => Subject::Goal(terminal_cell(id)).describe(),
            Part::Persona(id) => Subject::Persona(terminal_cell(id)).describe(),
            Part::Touchpoint(id) => Subject::Touchpoint(terminal_cell(id)).describe(),
            Part::Feedback => "customer feedback".to_owned(),
        }
    }
}

/// `1 error, 3 warnings, 2 info`: the severities with findings, most
/// severe first.
fn severity_counts(count: impl Fn(Severity) -> usize) -> Vec<String> {
    Severity::ALL
        .iter()
        .map(|&s| (s, count(s)))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| match (s, n) {
            (Severity::Info, _) => format!("{n} info"),
            (_, 1) => format!("1 {s}"),
            _ => format!("{n} {s}s"),
        })
        .collect()
}

pub fn summary(report: &Report) -> String {
    let files = report.files.len();
    let checked = format!(
        "{files} {} checked",
        if files == 1 { "plan" } else { "plans" }
    );
    let counts = severity_counts(|s| report.count(s));
    let mut line = if counts.is_empty() {
        format!("{checked}: no findings")
    } else {
        format!("{checked}: {}", counts.join(", "))
    };
    let hidden: Vec<String> = [
        (report.waived(), "waived"),
        (report.in_baseline(), "in baseline"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    if !hidden.is_empty() {
        line.push_str(&format!(" ({})", hidden.join(", ")));
    }
    line
}

/// Characters of a cell in terminal output (table, feedback table): laying
/// out a table costs more than linear time in the length of its cells, so
/// untrusted text is cut; the JSON keeps all of it.
pub const CELL_CHARS: usize = 200;

/// A line of line-oriented output (the table, the concise format) that
/// cannot start a CI workflow command: GitHub's runner reads a line whose
/// first characters, past white space, are `::` as one, and text from a
/// plan or a comment can land at the start of a line when a cell wraps, or
/// be a path. The second colon of such a line gets a backslash before it.
fn no_command(line: &str) -> Cow<'_, str> {
    let indent = line.len() - line.trim_start().len();
    if line[indent..].starts_with("::") {
        Cow::Owned(format!("{}:\\{}", &line[..indent], &line[indent + 1..]))
    } else {
        Cow::Borrowed(line)
    }
}

/// Characters of a finding's message or help in terminal output: they quote
/// the plan and comments, and are cut later than other cells so that what
/// the rule says is seen whole (GOAL004 lists goals, FB001 comments).
pub const MESSAGE_CHARS: usize = 600;

/// A finding's message or help for terminal output: as [`terminal_cell`],
/// cut to [`MESSAGE_CHARS`].
fn terminal_message(text: &str) -> String {
    terminal_text(text, MESSAGE_CHARS)
}

/// Untrusted text for a cell or a line of terminal output: on one line, and
/// cut to [`CELL_CHARS`].
fn terminal_cell(text: &str) -> String {
    terminal_text(text, CELL_CHARS)
}

/// Untrusted text on one line, at most `max_chars` characters of it. Only
/// the start of a long text is shown, so only its start is cleaned, with
/// room for escape sequences that cleaning removes: the work is bounded
/// whatever the length of the text.
fn terminal_text(text: &str, max_chars: usize) -> String {
    let start = cut(text, 4 * max_chars);
    cut(&one_line(&start), max_chars).into_owned()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::check::CheckedFile;
    use crate::diagnostic::Subject;
    use crate::rules::{INVALID_PLAN, Rule, UNKNOWN_FIELD};
    use crate::source::SourceFile;

    /// Text a plan or a feedback comment could put into a message: markup of
    /// every format, workflow commands after a line break and in the middle
    /// of a line, controls, terminal escapes of 7 and 8 bits, a hyperlink
    /// and a right-to-left override.
    pub const NASTY: &str = "key `a|b` <script>alert(1)</script> & \"quoted\" 'single' \
        100% ::error::pwned, a:b ]]> *bold* [link](http://x) @team #1\r\n\
        ::error file=x,line=1::second line\u{1b}[31m\u{0}\u{7}\u{fffe} \u{9b}31mc1 \
        \u{1b}]8;;http://evil\u{7}link\u{1b}]8;;\u{7} \u{202e}desrever\u{202c} ##[error]legacy end";

    /// A file name with an escape, a bell, a line break that starts a
    /// workflow command and an override.
    pub const NASTY_PATH: &str =
        "./we,ird:dir/a b%\u{1b}[31m\u{7}\n::error file=x,line=1::\u{202e}.plan.toml";

    /// Two files: a clean one with a nasty name, and one with nasty findings
    /// (about a nasty subject, on a nasty line) in a nasty path.
    pub fn nasty_report() -> Report {
        let text = format!("name = \"{NASTY}\"\n");
        let source = SourceFile::new(NASTY_PATH, text.as_str());
        let finding = |rule: &Rule, subject, message: &str| {
            let mut f = rule
                .finding(subject, 7..text.len() - 1, message)
                .with_help(NASTY);
            f.location = source.line_col(f.span.start);
            f
        };
        let nasty = CheckedFile {
            source: source.clone(),
            name: None,
            rules_ran: false,
            feedback: None,
            plan: None,
            config: Default::default(),
            findings: vec![
                finding(&INVALID_PLAN, Subject::Plan, "plain"),
                finding(&UNKNOWN_FIELD, Subject::Touchpoint(NASTY.to_owned()), NASTY),
            ],
            waived: 0,
            in_baseline: 0,
        };
        let clean = CheckedFile {
            source: SourceFile::new("clean.plan.toml", "name = \"y\"\n"),
            name: Some(NASTY.to_owned()),
            rules_ran: true,
            feedback: None,
            plan: None,
            config: Default::default(),
            findings: Vec::new(),
            waived: 0,
            in_baseline: 0,
        };
        Report {
            files: vec![clean, nasty],
            ..Report::default()
        }
    }

    fn rendered(renderer: &dyn Render, report: &Report) -> String {
        let mut out = Vec::new();
        renderer.report(report, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn every_format() -> Vec<(Format, Box<dyn Render>)> {
        let options = Options {
            color: false,
            statistics: true,
            width: None,
        };
        Format::all()
            .iter()
            .map(|&format| (format, renderer(format, options)))
            .collect()
    }

    #[test]
    fn no_format_lets_a_control_an_escape_or_an_override_through() {
        let report = nasty_report();
        for (format, renderer) in every_format() {
            let out = rendered(renderer.as_ref(), &report);
            let bad = out.chars().find(|&c| {
                (c.is_control() && c != '\n') || crate::text::sanitize::bidi_control(c).is_some()
            });
            assert_eq!(bad, None, "{format:?}: {out}");
            // Shown, with `<` and `>` escaped as each format needs.
            assert!(
                out.contains("<U+202E>desrever<U+202C>")
                    || out.contains(r"\<U+202E\>desrever\<U+202C\>")
                    || out.contains("&lt;U+202E&gt;desrever&lt;U+202C&gt;"),
                "{format:?}: the override is not shown: {out}"
            );
        }
    }

    /// JUnit XML is left out: its elements keep the line breaks of messages
    /// and help, and it is a file for a test viewer, not a log.
    #[test]
    fn no_line_of_output_starts_a_workflow_command_from_user_text() {
        let report = nasty_report();
        for (format, renderer) in every_format()
            .into_iter()
            .filter(|(f, _)| *f != Format::Junit)
        {
            let out = rendered(renderer.as_ref(), &report);
            for line in out.lines() {
                let line = line.trim_start();
                let ours = format == Format::Github
                    && ["::error file=", "::warning file=", "::notice file="]
                        .iter()
                        .any(|c| line.starts_with(c));
                assert!(ours || !line.starts_with("::"), "{format:?}: {line}");
            }
            if format == Format::Github {
                assert_eq!(out.lines().count(), 2, "one line per finding: {out}");
            }
        }
        // Terminal output is read in CI logs, where `##[` anywhere starts a
        // command.
        let table = rendered(
            &Table {
                color: false,
                statistics: false,
                width: None,
            },
            &report,
        );
        assert!(!table.contains("##["), "{table}");
    }

    /// A finding as large as a plan can make one: the table stays a table
    /// of short lines, laid out in linear time.
    #[test]
    fn huge_text_makes_a_table_of_short_lines() {
        let huge = "é".repeat(1_000_000);
        let text = format!("name = \"{huge}\"\n");
        let source = SourceFile::new("huge.plan.toml", text.as_str());
        let middle = "name = \"".len() + "é".len() * 500_000;
        let mut finding = INVALID_PLAN
            .finding(
                Subject::Touchpoint(huge.clone()),
                middle..middle + 2,
                huge.as_str(),
            )
            .with_help(huge.as_str());
        finding.location = source.line_col(finding.span.start);
        let file = CheckedFile {
            source,
            name: Some(huge.clone()),
            rules_ran: false,
            feedback: None,
            plan: None,
            config: Default::default(),
            findings: vec![finding],
            waived: 0,
            in_baseline: 0,
        };
        let report = Report {
            files: vec![file],
            ..Report::default()
        };
        let table = rendered(
            &Table {
                color: false,
                statistics: false,
                width: None,
            },
            &report,
        );
        let longest = table.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(
            longest < MESSAGE_CHARS + 2 * CELL_CHARS,
            "a line of {longest} characters"
        );
        assert!(table.contains(&format!("{}…", "é".repeat(CELL_CHARS - 1))));
    }

    #[test]
    fn terminal_cells_are_one_cut_line() {
        assert_eq!(terminal_cell("a\nb\u{1b}[1m"), "a\\nb");
        assert_eq!(terminal_cell(&"x".repeat(500)).chars().count(), CELL_CHARS);
    }
}
