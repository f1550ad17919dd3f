//! The scorecard: for each family of judgement rules, how many of its checks
//! a plan passes, so a strategist sees at a glance where the plan stands.
//!
//! Floor `report`: adds up a checked [`Report`] by the registry's families.

use std::collections::BTreeSet;
use std::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::check::{CheckedFile, Report};
use crate::config::Config;
use crate::rules::{Family, RULES, Rule};

/// Families that judge the plan's content; PLAN is about reading the file.
/// FB counts only for plans checked with feedback.
const SCORED: [Family; 6] = [
    Family::Why,
    Family::Goal,
    Family::You,
    Family::Tx,
    Family::Hum,
    Family::Fb,
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scorecard {
    pub families: Vec<Score>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub family: Family,
    /// Rules of the family without a finding.
    pub passed: usize,
    pub total: usize,
}

impl Scorecard {
    /// The scorecard of the plans whose rules ran: a check passes when it has
    /// no finding in any of them. Only rules selected for at least one of the
    /// plans count, and families with none are left out. `None` when no plan
    /// could be read or no rule of a scored family was selected.
    pub fn of(files: &[&CheckedFile]) -> Option<Self> {
        let scored: Vec<_> = files.iter().filter(|f| f.rules_ran).collect();
        if scored.is_empty() {
            return None;
        }
        let failed: BTreeSet<&str> = scored
            .iter()
            .flat_map(|f| f.findings.iter().map(|x| x.rule.code))
            .collect();
        let with_feedback = scored.iter().any(|f| f.feedback.is_some());
        Self::scored(
            |r| scored.iter().any(|f| f.config.is_selected(r)),
            &failed,
            with_feedback,
        )
    }

    /// The scorecard of a plan checked with `config` whose findings were of
    /// the rules `failed` (as a baseline records them), with or without
    /// feedback.
    pub fn of_codes(config: &Config, failed: &BTreeSet<&str>, with_feedback: bool) -> Option<Self> {
        Self::scored(|r| config.is_selected(r), failed, with_feedback)
    }

    fn scored(
        selected: impl Fn(&Rule) -> bool,
        failed: &BTreeSet<&str>,
        with_feedback: bool,
    ) -> Option<Self> {
        let families = SCORED
            .iter()
            .filter(|&&family| family != Family::Fb || with_feedback)
            .map(|&family| {
                let codes: Vec<&str> = RULES
                    .iter()
                    .filter(|r| r.family == family)
                    .filter(|r| selected(r))
                    .map(|r| r.code)
                    .collect();
                Score {
                    family,
                    passed: codes.iter().filter(|c| !failed.contains(*c)).count(),
                    total: codes.len(),
                }
            })
            .filter(|score| score.total > 0)
            .collect::<Vec<_>>();
        (!families.is_empty()).then_some(Self { families })
    }

    pub fn of_file(file: &CheckedFile) -> Option<Self> {
        Self::of(&[file])
    }

    pub fn of_report(report: &Report) -> Option<Self> {
        Self::of(&report.files.iter().collect::<Vec<_>>())
    }
}

impl fmt::Display for Scorecard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .families
            .iter()
            .map(|s| format!("{} {}/{}", s.family, s.passed, s.total))
            .collect();
        f.write_str(&parts.join("  "))
    }
}

/// `{"WHY": {"passed": 4, "total": 5}, ...}`
impl Serialize for Scorecard {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Entry {
            passed: usize,
            total: usize,
        }
        let mut map = serializer.serialize_map(Some(self.families.len()))?;
        for s in &self.families {
            map.serialize_entry(
                s.family.prefix(),
                &Entry {
                    passed: s.passed,
                    total: s.total,
                },
            )?;
        }
        map.end()
    }
}
