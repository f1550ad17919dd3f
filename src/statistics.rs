//! `--statistics`: how many findings each rule and each family has, so a
//! repository sees which kinds of gap are most common across its plans.

use std::cmp::Reverse;

use serde::{Serialize, Serializer};

use crate::check::Report;
use crate::rules::{Family, RULES, Rule};

#[derive(Debug, Clone, Serialize)]
pub struct Statistics {
    /// Rules with findings, most findings first, then in registry order.
    pub rules: Vec<RuleCount>,
    /// Families with findings, most findings first, then in family order.
    pub families: Vec<FamilyCount>,
}

#[derive(Debug, Clone, Copy)]
pub struct RuleCount {
    pub rule: &'static Rule,
    pub count: usize,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct FamilyCount {
    pub family: Family,
    pub count: usize,
}

/// `{"code": "TX001", "name": "transactional-touchpoint", "family": "TX", "count": 3}`
impl Serialize for RuleCount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Entry {
            code: &'static str,
            name: &'static str,
            family: Family,
            count: usize,
        }
        Entry {
            code: self.rule.code,
            name: self.rule.name,
            family: self.rule.family,
            count: self.count,
        }
        .serialize(serializer)
    }
}

impl Statistics {
    pub fn of(report: &Report) -> Self {
        let count = |rule: &Rule| {
            report
                .findings()
                .filter(|(_, f)| f.rule.code == rule.code)
                .count()
        };
        let mut rules: Vec<RuleCount> = RULES
            .iter()
            .map(|&rule| RuleCount {
                rule,
                count: count(rule),
            })
            .filter(|r| r.count > 0)
            .collect();
        rules.sort_by_key(|r| Reverse(r.count));
        let mut families: Vec<FamilyCount> = Family::ALL
            .iter()
            .map(|&family| FamilyCount {
                family,
                count: rules
                    .iter()
                    .filter(|r| r.rule.family == family)
                    .map(|r| r.count)
                    .sum(),
            })
            .filter(|f| f.count > 0)
            .collect();
        families.sort_by_key(|f| Reverse(f.count));
        Self { rules, families }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tests::nasty_report;

    #[test]
    fn ties_keep_registry_order_and_families_add_up() {
        let stats = Statistics::of(&nasty_report());
        let rules: Vec<_> = stats.rules.iter().map(|r| (r.rule.code, r.count)).collect();
        assert_eq!(rules, [("PLAN001", 1), ("PLAN002", 1)]);
        let families: Vec<_> = stats.families.iter().map(|f| (f.family, f.count)).collect();
        assert_eq!(families, [(Family::Plan, 2)]);
        assert_eq!(
            serde_json::to_value(&stats).unwrap()["rules"][1],
            serde_json::json!({"code": "PLAN002", "name": "unknown-field", "family": "PLAN", "count": 1})
        );
    }
}
