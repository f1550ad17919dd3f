//! What a rule reports: a finding about one subject of one plan file.
//!
//! Floor `diagnostic`: imports `source` and `text` only. A finding names
//! its rule by code and name, plain data, so that this floor knows nothing
//! of the registry; `rules::Rule::finding` makes one from a rule.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::source::LineCol;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a finding is about. Its text form is the `subject` of the JSON output.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    Plan,
    Why,
    How,
    What,
    Goal(String),
    Persona(String),
    Touchpoint(String),
}

impl Subject {
    /// How a message names the subject: `goal "winter-riders"`, `the WHY`.
    pub fn describe(&self) -> String {
        match self {
            Subject::Plan => "the plan".to_owned(),
            Subject::Why => "the WHY".to_owned(),
            Subject::How => "the HOW".to_owned(),
            Subject::What => "the WHAT".to_owned(),
            Subject::Goal(id) => format!("goal \"{id}\""),
            Subject::Persona(id) => format!("persona \"{id}\""),
            Subject::Touchpoint(id) => format!("touchpoint \"{id}\""),
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Plan => f.write_str("plan"),
            Subject::Why => f.write_str("why"),
            Subject::How => f.write_str("how"),
            Subject::What => f.write_str("what"),
            Subject::Goal(id) => write!(f, "goal.{id}"),
            Subject::Persona(id) => write!(f, "persona.{id}"),
            Subject::Touchpoint(id) => write!(f, "touchpoint.{id}"),
        }
    }
}

/// The rule a finding is of: its code (`TX001`) and its kebab-case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RuleId {
    pub code: &'static str,
    pub name: &'static str,
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: RuleId,
    pub severity: Severity,
    pub subject: Subject,
    /// Byte range in the plan file of what the finding is about.
    pub span: Range<usize>,
    /// Filled in from `span` once the file's findings are complete.
    pub location: LineCol,
    pub message: String,
    pub help: String,
}

/// A finding's message and help are cut to this many characters. Rules
/// quote the plan (ids, owners, lists of touchpoints), and a plan built for
/// it could otherwise make every message a megabyte long.
pub const MAX_TEXT_CHARS: usize = 1000;

fn bounded(text: String) -> String {
    // No more bytes than the bound, no more characters: most messages.
    if text.len() <= MAX_TEXT_CHARS {
        return text;
    }
    match crate::text::sanitize::cut(&text, MAX_TEXT_CHARS) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(cut) => cut,
    }
}

impl Finding {
    /// A finding of `rule` at `severity`, without help yet; the message is
    /// cut to [`MAX_TEXT_CHARS`].
    pub fn new(
        rule: RuleId,
        severity: Severity,
        subject: Subject,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            rule,
            severity,
            subject,
            span,
            location: LineCol { line: 1, column: 1 },
            message: bounded(message.into()),
            help: String::new(),
        }
    }

    /// The help, cut to [`MAX_TEXT_CHARS`].
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = bounded(help.into());
        self
    }

    /// Cuts the message and the help to [`MAX_TEXT_CHARS`], whoever set
    /// them.
    pub fn bound(&mut self) {
        self.message = bounded(std::mem::take(&mut self.message));
        self.help = bounded(std::mem::take(&mut self.help));
    }
}
