//! The rule registry. One rule per file, grouped by family; `RULES` lists them
//! all, and `rules`, `explain`, the checker and the docs read it.
//!
//! Floor `rules`: imports `source`, `input`, `text`, `diagnostic`, `plan`
//! and `feedback`. A rule only reports: which rules run, at what severity, and
//! what waivers hide is decided above, in `check`. A check sees a
//! [`Context`] (the plan, its analysed feedback, the [`Settings`]) or a
//! [`WaiverContext`].

mod fb;
mod goal;
mod hum;
mod plan;
pub mod settings;
mod tx;
pub mod waivers;
mod why;
mod you;

use std::cell::OnceCell;
use std::fmt;
use std::rc::Rc;

use serde::Serialize;

use crate::diagnostic::{Finding, RuleId, Severity, Subject};
use crate::feedback::Analysis;
use crate::plan::{Plan, Span};
use crate::source::SourceFile;
pub use settings::Settings;
pub use tx::tx004_no_human_help::reaches_out_to_help;
pub use tx::tx005_message_fatigue::contacts as weekly_contacts;
pub use waivers::WaiverContext;

pub struct Rule {
    /// Stable code, e.g. `WHY002`: what users select, ignore and waive.
    pub code: &'static str,
    /// Kebab-case name, accepted wherever a code is.
    pub name: &'static str,
    pub family: Family,
    /// Default severity.
    pub severity: Severity,
    /// One line for the catalog.
    pub summary: &'static str,
    /// What to do about a finding, shown with each one unless the check gives
    /// a more specific hint.
    pub help: &'static str,
    /// Markdown with the sections What it does, Why it matters, Example, How to fix.
    pub docs: &'static str,
    /// When the rule runs, and its check.
    pub phase: Phase,
}

/// When a rule runs in the life of a checked plan, in order, with the check
/// it runs then.
pub enum Phase {
    /// Reported while the plan is read (syntax, types, unknown keys): the
    /// loader and the checker report these findings, the rule has no check.
    Load,
    /// Run on the plan's text as it is, whether or not the plan could be
    /// read: what a reviewer sees in the file.
    Text(fn(&SourceFile) -> Vec<Finding>),
    /// Run on a plan that was read without errors.
    Plan(fn(&mut Context<'_>)),
    /// Run on the plan's waivers once the other rules' findings are known.
    Waivers(fn(&mut WaiverContext<'_>)),
}

impl Rule {
    /// The code and name a finding of this rule carries.
    pub fn id(&self) -> RuleId {
        RuleId {
            code: self.code,
            name: self.name,
        }
    }

    /// A finding of this rule, at its default severity, with its help; the
    /// message is cut to [`diagnostic::MAX_TEXT_CHARS`](crate::diagnostic::MAX_TEXT_CHARS).
    pub fn finding(&self, subject: Subject, span: Span, message: impl Into<String>) -> Finding {
        let mut finding = Finding::new(self.id(), self.severity, subject, span, message);
        finding.help = self.help.to_owned();
        finding
    }

    /// The first paragraph of the docs' "What it does" section, on one line:
    /// a rule's description where a format has room for a sentence or two.
    pub fn description(&self) -> String {
        let section = self
            .docs
            .split_once("## What it does\n")
            .map_or("", |(_, rest)| rest);
        section
            .lines()
            .map(str::trim)
            .take_while(|line| {
                !line.is_empty()
                    && !line.starts_with('#')
                    && !line.starts_with("```")
                    && !line.starts_with("- ")
                    && !line.starts_with("* ")
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("code", &self.code)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Family {
    #[serde(rename = "PLAN")]
    Plan,
    #[serde(rename = "WHY")]
    Why,
    #[serde(rename = "GOAL")]
    Goal,
    #[serde(rename = "YOU")]
    You,
    #[serde(rename = "TX")]
    Tx,
    #[serde(rename = "HUM")]
    Hum,
    #[serde(rename = "FB")]
    Fb,
}

impl Family {
    pub const ALL: [Family; 7] = [
        Family::Plan,
        Family::Why,
        Family::Goal,
        Family::You,
        Family::Tx,
        Family::Hum,
        Family::Fb,
    ];

    /// The code prefix of the family's rules.
    pub fn prefix(self) -> &'static str {
        match self {
            Family::Plan => "PLAN",
            Family::Why => "WHY",
            Family::Goal => "GOAL",
            Family::You => "YOU",
            Family::Tx => "TX",
            Family::Hum => "HUM",
            Family::Fb => "FB",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Family::Plan => "the plan file itself",
            Family::Why => "WHY / HOW / WHAT alignment",
            Family::Goal => "goals",
            Family::You => "asking customers what they want",
            Family::Tx => "over-transactional touchpoints",
            Family::Hum => "human marketing",
            Family::Fb => "the customer's voice (feedback)",
        }
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.prefix())
    }
}

pub static RULES: &[&Rule] = &[
    &plan::plan001_invalid_plan::RULE,
    &plan::plan002_unknown_field::RULE,
    &plan::plan003_unknown_reference::RULE,
    &plan::plan004_duplicate_id::RULE,
    &plan::plan005_waiver_without_reason::RULE,
    &plan::plan006_expired_waiver::RULE,
    &plan::plan007_unused_waiver::RULE,
    &plan::plan008_refused_path::RULE,
    &plan::plan009_bidi_control::RULE,
    &why::why001_missing_why::RULE,
    &why::why002_why_is_a_what::RULE,
    &why::why003_missing_how::RULE,
    &why::why004_goal_off_why::RULE,
    &why::why005_touchpoint_off_why::RULE,
    &why::why006_against_why::RULE,
    &goal::goal001_unmeasurable_goal::RULE,
    &goal::goal002_undated_goal::RULE,
    &goal::goal003_unclassified_goal::RULE,
    &goal::goal004_sales_only_goals::RULE,
    &goal::goal005_orphan_goal::RULE,
    &goal::goal006_missing_business_goal::RULE,
    &goal::goal007_mislabelled_goal::RULE,
    &you::you001_assumed_persona::RULE,
    &you::you002_never_asks::RULE,
    &you::you003_ask_without_action::RULE,
    &you::you004_persona_never_asked::RULE,
    &you::you005_us_versus_them::RULE,
    &you::you006_wants_in_our_words::RULE,
    &you::you007_self_serving_ask::RULE,
    &you::you008_forced_ask::RULE,
    &you::you009_closed_door::RULE,
    &tx::tx001_transactional_touchpoint::RULE,
    &tx::tx002_transactional_plan::RULE,
    &tx::tx003_journey_ends_at_purchase::RULE,
    &tx::tx004_no_human_help::RULE,
    &tx::tx005_message_fatigue::RULE,
    &tx::tx006_persona_stops_at_purchase::RULE,
    &hum::hum001_persona_without_connection::RULE,
    &hum::hum002_no_human_metric::RULE,
    &hum::hum003_incomplete_profile::RULE,
    &hum::hum004_journey_gap::RULE,
    &hum::hum005_unserved_persona::RULE,
    &hum::hum006_ownerless_touchpoint::RULE,
    &fb::fb001_complained_touchpoint::RULE,
    &fb::fb002_unmet_want::RULE,
    &fb::fb003_unheard_persona::RULE,
    &fb::fb004_low_nps::RULE,
    &fb::fb005_unknown_feedback_reference::RULE,
    &fb::fb006_contact_fatigue::RULE,
    &fb::fb007_unreadable_rows::RULE,
    &fb::fb008_falling_nps::RULE,
    &fb::fb009_channel_complaints::RULE,
];

pub use plan::plan001_invalid_plan::RULE as INVALID_PLAN;
pub use plan::plan002_unknown_field::RULE as UNKNOWN_FIELD;
pub use plan::plan008_refused_path;

/// A number of a plan as people write it in a message: 9, 2.5, 0.25 (at
/// most two decimals). TX005's contacts a week and GOAL001's target.
pub(crate) fn number(n: f64) -> String {
    let rounded = (n * 100.0).round() / 100.0;
    format!("{rounded}")
}

/// Where a whole-plan finding points when nothing more precise exists: the
/// `name` key, or the start of the file.
pub fn plan_anchor(plan: &Plan) -> Span {
    plan.name.as_ref().map_or(0..0, |name| name.key.clone())
}

/// Findings that wait on another finding of the same subject: the rule
/// whose findings wait, and the rules they wait on. A goal reported as
/// unmeasurable, mislabelled or off-WHY is rewritten or dropped before
/// touchpoints are tied to it, so GOAL005's finding about it is a note
/// until then.
const FOLLOW_ONS: &[(&str, &[&str])] = &[("GOAL005", &["GOAL001", "GOAL007", "WHY004"])];

/// Lowers to info the findings that wait on another finding shown for the
/// same subject ([`FOLLOW_ONS`]) at their severity or above, and names it in
/// the message. `check` calls it once waivers have hidden what they hide,
/// so a waived finding holds nothing back; a lowered finding is still a
/// finding for the scorecard and the baseline, and a follow-on set above
/// the finding it waits on (GOAL005 as an error, GOAL001 a warning) is not
/// lowered.
pub fn lower_follow_ons(findings: &mut [Finding]) {
    let mut shown: std::collections::HashMap<(&'static str, Subject), Severity> =
        std::collections::HashMap::new();
    for f in findings.iter() {
        let severity = shown
            .entry((f.rule.code, f.subject.clone()))
            .or_insert(f.severity);
        *severity = (*severity).max(f.severity);
    }
    for f in findings.iter_mut() {
        let Some((_, firsts)) = FOLLOW_ONS.iter().find(|(code, _)| *code == f.rule.code) else {
            continue;
        };
        let first = firsts.iter().find(|first| {
            shown
                .get(&(**first, f.subject.clone()))
                .is_some_and(|s| *s >= f.severity)
        });
        if let Some(first) = first
            && f.severity > Severity::Info
        {
            f.severity = Severity::Info;
            f.message.push_str(&format!(
                " (a note while its {first} finding stands: fix that first)"
            ));
        }
    }
}

/// The rule with this code, as a finding carries it.
pub fn by_code(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code == code)
}

/// A rule by code or name, in any case.
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| {
        r.code.eq_ignore_ascii_case(code_or_name) || r.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// What a rule's check sees, and where it reports.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub source: &'a SourceFile,
    /// The plan's feedback, analysed, when it has any; FB rules need it.
    pub feedback: Option<&'a Analysis>,
    /// The thresholds of `[settings]`.
    pub settings: &'a Settings,
    findings: Vec<Finding>,
    /// How the plan's texts align, shared by WHY004 and WHY005
    /// ([`Context::alignment`]).
    alignment: OnceCell<Rc<why::align::Alignment<'a>>>,
}

impl<'a> Context<'a> {
    pub fn new(
        plan: &'a Plan,
        source: &'a SourceFile,
        feedback: Option<&'a Analysis>,
        settings: &'a Settings,
    ) -> Self {
        Self {
            plan,
            source,
            feedback,
            settings,
            findings: Vec::new(),
            alignment: OnceCell::new(),
        }
    }

    /// What the checks run with this context reported, in order.
    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }

    /// The 1-based line of a position, for messages that point at a second place.
    pub fn line_of(&self, span: &Span) -> usize {
        self.source.line_col(span.start).line
    }

    pub fn report(
        &mut self,
        rule: &'static Rule,
        subject: Subject,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Finding {
        self.findings.push(rule.finding(subject, span, message));
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }
}

#[cfg(test)]
mod follow_on_tests {
    use super::*;

    fn finding(code: &str, severity: Severity) -> Finding {
        let rule = by_code(code).unwrap();
        Finding::new(
            RuleId {
                code: rule.code,
                name: rule.name,
            },
            severity,
            Subject::Goal("g".to_owned()),
            0..0,
            "m",
        )
    }

    fn lowered(first: Severity, orphan: Severity) -> Severity {
        let mut findings = [finding("GOAL001", first), finding("GOAL005", orphan)];
        lower_follow_ons(&mut findings);
        findings[1].severity
    }

    #[test]
    fn a_follow_on_is_a_note_only_beside_a_finding_as_severe() {
        assert_eq!(
            lowered(Severity::Warning, Severity::Warning),
            Severity::Info
        );
        assert_eq!(lowered(Severity::Error, Severity::Warning), Severity::Info);
        // GOAL005 set above GOAL001, or GOAL001 lowered to info: it stays.
        assert_eq!(lowered(Severity::Warning, Severity::Error), Severity::Error);
        assert_eq!(
            lowered(Severity::Info, Severity::Warning),
            Severity::Warning
        );
        // Another goal's finding holds nothing back.
        let mut findings = [
            finding("GOAL001", Severity::Warning),
            finding("GOAL005", Severity::Warning),
        ];
        findings[0].subject = Subject::Goal("other".to_owned());
        lower_follow_ons(&mut findings);
        assert_eq!(findings[1].severity, Severity::Warning);
    }
}
