//! What the waiver rules (PLAN005 to PLAN007) see: each waiver of a plan,
//! where it applies, and what it did once the other rules' findings were
//! known. `waiver::apply`, on the `check` floor, fills it in.
//!
//! Floor `rules`: imports `diagnostic` and `plan`.

use super::Rule;
use crate::diagnostic::{Finding, Subject};
use crate::plan::Waiver;

/// Where a waiver applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The top-level `[allow]`: findings about the plan, its WHY, HOW or WHAT.
    Plan,
    /// An item's `allow`: findings about that goal, persona or touchpoint.
    Item(Subject),
}

impl Scope {
    pub fn covers(&self, subject: &Subject) -> bool {
        match self {
            Scope::Plan => matches!(
                subject,
                Subject::Plan | Subject::Why | Subject::How | Subject::What
            ),
            Scope::Item(item) => item == subject,
        }
    }

    /// The subject of findings about the waiver itself.
    pub fn subject(&self) -> Subject {
        match self {
            Scope::Plan => Subject::Plan,
            Scope::Item(item) => item.clone(),
        }
    }

    /// Where the waiver is written: `on touchpoint "x"`, `in the plan's [allow]`.
    pub fn place(&self) -> String {
        match self {
            Scope::Plan => "in the plan's [allow]".to_owned(),
            Scope::Item(item) => format!("on {}", item.describe()),
        }
    }
}

/// One waiver of the plan and what it did.
#[derive(Debug)]
pub struct Use<'a> {
    pub waiver: &'a Waiver,
    /// The rule it waives, as the registry has it.
    pub rule: &'static Rule,
    pub scope: Scope,
    /// Its `until` date has passed, so it hides nothing.
    pub expired: bool,
    /// Findings of its rule in its scope: hidden, unless it expired.
    pub matched: usize,
    /// False when its rule did not run on this plan (FB rules without feedback).
    pub rule_ran: bool,
    /// A finding of its rule outside its scope that stays shown: where the
    /// waiver may have been meant to go.
    pub elsewhere: Option<Subject>,
}

impl Use<'_> {
    /// `the waiver of TX001 on touchpoint "flash-sale"`: how messages name it.
    pub fn describe(&self) -> String {
        format!("the waiver of {} {}", self.rule.code, self.scope.place())
    }
}

/// What the waiver rules see, and where they report.
pub struct WaiverContext<'a> {
    pub uses: &'a [Use<'a>],
    findings: Vec<Finding>,
}

impl<'a> WaiverContext<'a> {
    pub fn new(uses: &'a [Use<'a>]) -> Self {
        Self {
            uses,
            findings: Vec::new(),
        }
    }

    /// What the checks run with this context reported, in order.
    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }

    /// Reports a finding about a waiver, at its key in the `allow` table.
    pub fn report(
        &mut self,
        rule: &'static Rule,
        waiver: &Use<'_>,
        message: impl Into<String>,
    ) -> &mut Finding {
        let finding = rule.finding(waiver.scope.subject(), waiver.waiver.key.clone(), message);
        self.findings.push(finding);
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }
}
