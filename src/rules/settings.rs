//! The rules' thresholds: what `[settings]` in a configuration file sets,
//! and the table of its keys, which `config` reads the file by and
//! `planlint schema` describes.
//!
//! Floor `rules`: imports `plan`'s key kinds. The rules read [`Settings`]
//! through their `Context`; `config` reads the keys and fills it in.

use std::fmt;

use crate::plan::keys::Number;

/// Thresholds the rules judge by, read through `Context::settings`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// TX005: contacts a week per persona above which it is reported.
    pub max_contacts_per_week: f64,
    /// TX002: share of pushy touchpoints above which the plan is reported.
    pub transactional_share: f64,
    /// FB001, FB004: comments (scores) a touchpoint or persona needs before
    /// it is judged.
    pub feedback_min_comments: u64,
    /// FB001: share of negative comments from which a touchpoint is reported.
    pub feedback_negative_share: f64,
    /// FB002: comments that must ask for the same thing.
    pub feedback_min_wants: u64,
    /// FB006: comments about contact frequency that make a touchpoint tiring.
    pub feedback_min_fatigue: u64,
    /// FB001, FB004, FB008, FB009: the chance of a difference coming from
    /// noise below which it is reported (shared by the groups a rule tests).
    pub feedback_significance: f64,
    /// FB008: scores a period needs before a trend is judged from it.
    pub feedback_trend_min_scores: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            max_contacts_per_week: 3.0,
            transactional_share: 0.5,
            feedback_min_comments: 5,
            feedback_negative_share: 0.5,
            feedback_min_wants: 3,
            feedback_min_fatigue: 3,
            feedback_significance: 0.05,
            feedback_trend_min_scores: 30,
        }
    }
}

/// One key of `[settings]`.
pub struct Setting {
    /// The key, in kebab-case.
    pub name: &'static str,
    /// Codes of the rules that read it.
    pub rules: &'static [&'static str],
    pub kind: Number,
    /// What it sets, for errors in the file.
    pub about: &'static str,
    /// What it sets, for the editor's hover, which [`Setting::description`]
    /// opens with the rules and closes with the default.
    pub hover: &'static str,
    get: fn(&Settings) -> f64,
    set: fn(&mut Settings, f64),
}

impl fmt::Debug for Setting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

impl Setting {
    pub fn get(&self, settings: &Settings) -> f64 {
        (self.get)(settings)
    }

    /// Sets a value that [`Number::accepts`].
    pub fn set(&self, settings: &mut Settings, value: f64) {
        (self.set)(settings, value);
    }

    /// The sentence `planlint schema` gives the key: rules, what it sets, default.
    pub fn description(&self) -> String {
        format!(
            "{}: {} (default: {}).",
            self.rules.join(", "),
            self.hover,
            self.show(&Settings::default())
        )
    }

    /// The value as a person writes it: 3, 0.5.
    pub fn show(&self, settings: &Settings) -> String {
        format!("{}", self.get(settings))
    }
}

// Counts are validated as whole numbers of 1 or more before they are set, so
// the casts below are exact.
pub static SETTINGS: &[Setting] = &[
    Setting {
        name: "max-contacts-per-week",
        rules: &["TX005"],
        kind: Number::NonNegative,
        about: "contacts a week per persona above which TX005 reports it, and that one touchpoint alone may not reach",
        hover: "the contacts a week a persona may get from all the touchpoints that reach it; one touchpoint that reaches it this often on its own is reported too",
        get: |s| s.max_contacts_per_week,
        set: |s, v| s.max_contacts_per_week = v,
    },
    Setting {
        name: "transactional-share",
        rules: &["TX002"],
        kind: Number::Share,
        about: "share of pushy touchpoints above which TX002 reports the plan",
        hover: "the share of pure sales-pressure touchpoints above which the plan is transactional",
        get: |s| s.transactional_share,
        set: |s, v| s.transactional_share = v,
    },
    Setting {
        name: "feedback-min-comments",
        rules: &["FB001", "FB004"],
        kind: Number::Count,
        about: "comments (or scores) a touchpoint or persona needs before FB001 and FB004 judge it",
        hover: "the linked comments (scores for FB004) a touchpoint or persona needs before it is judged",
        get: |s| s.feedback_min_comments as f64,
        set: |s, v| s.feedback_min_comments = v as u64,
    },
    Setting {
        name: "feedback-negative-share",
        rules: &["FB001"],
        kind: Number::Share,
        about: "share of negative comments from which FB001 reports a touchpoint",
        hover: "the share of negative comments at which a touchpoint is complained about",
        get: |s| s.feedback_negative_share,
        set: |s, v| s.feedback_negative_share = v,
    },
    Setting {
        name: "feedback-min-wants",
        rules: &["FB002"],
        kind: Number::Count,
        about: "comments that must ask for the same thing before FB002 reports it",
        hover: "the comments that must ask for the same thing before it is an unmet want",
        get: |s| s.feedback_min_wants as f64,
        set: |s, v| s.feedback_min_wants = v as u64,
    },
    Setting {
        name: "feedback-min-fatigue",
        rules: &["FB006"],
        kind: Number::Count,
        about: "comments about contact frequency from which FB006 reports a touchpoint",
        hover: "the comments about contact frequency that make a touchpoint tiring",
        get: |s| s.feedback_min_fatigue as f64,
        set: |s, v| s.feedback_min_fatigue = v as u64,
    },
    Setting {
        name: "feedback-significance",
        rules: &["FB001", "FB004", "FB008", "FB009"],
        kind: Number::Share,
        about: "the chance that a difference is noise below which FB001, FB004, FB008 and FB009 report it",
        hover: "the significance level of the tests of differences, shared by the groups one rule tests",
        get: |s| s.feedback_significance,
        set: |s, v| s.feedback_significance = v,
    },
    Setting {
        name: "feedback-trend-min-scores",
        rules: &["FB008"],
        kind: Number::Count,
        about: "scores a period needs before FB008 judges a trend from it",
        hover: "the scores a period of a persona, touchpoint or channel needs before its trend is judged",
        get: |s| s.feedback_trend_min_scores as f64,
        set: |s, v| s.feedback_trend_min_scores = v as u64,
    },
];

/// A setting by its key.
pub fn find(name: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|s| s.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    #[test]
    fn every_setting_round_trips_and_its_default_is_in_range() {
        let defaults = Settings::default();
        for setting in SETTINGS {
            assert!(
                setting.kind.accepts(setting.get(&defaults)),
                "{}",
                setting.name
            );
            let mut changed = defaults;
            setting.set(&mut changed, 1.0);
            assert_eq!(setting.get(&changed), 1.0, "{}", setting.name);
        }
    }

    #[test]
    fn the_rules_that_read_a_setting_document_it() {
        for setting in SETTINGS {
            for code in setting.rules {
                let rule = rules::find(code).unwrap_or_else(|| panic!("no rule {code}"));
                let documented = format!(
                    "`{}` (default {})",
                    setting.name,
                    setting.show(&Settings::default())
                );
                assert!(
                    rule.docs.contains(&documented),
                    "{code}'s docs should mention {documented}"
                );
            }
        }
    }
}
