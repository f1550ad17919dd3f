//! The keys and values that format v1 allows, in one place: the loader checks
//! against these, and error messages and suggestions are built from them.

pub const TOP_KEYS: &[&str] = &[
    "name",
    "owner",
    "period",
    "feedback",
    "why",
    "how",
    "what",
    "goal",
    "persona",
    "touchpoint",
    "allow",
];
pub const WHY_KEYS: &[&str] = &["statement"];
pub const HOW_KEYS: &[&str] = &["statement", "differentiators"];
pub const WHAT_KEYS: &[&str] = &["statement", "offerings"];
pub const GOAL_KEYS: &[&str] = &[
    "id", "title", "kind", "metric", "baseline", "target", "due", "why", "allow",
];
pub const PERSONA_KEYS: &[&str] = &[
    "id",
    "name",
    "summary",
    "wants",
    "evidence",
    "interests",
    "purchase_insight",
    "value_proposition",
    "allow",
];
pub const TOUCHPOINT_KEYS: &[&str] = &[
    "id", "name", "stage", "channel", "owner", "personas", "goals", "message", "ask", "act",
    "per_week", "allow",
];
/// The keys of a waiver written as a table: `TX001 = { reason = "...", until = 2027-01-31 }`.
/// The keys of an `allow` table itself are rule codes or names.
pub const WAIVER_KEYS: &[&str] = &["reason", "until"];

/// Every table of the format, with the name it is shown as and its keys.
pub const TABLES: &[(&str, &[&str])] = &[
    ("the top level", TOP_KEYS),
    ("[why]", WHY_KEYS),
    ("[how]", HOW_KEYS),
    ("[what]", WHAT_KEYS),
    ("[[goal]]", GOAL_KEYS),
    ("[[persona]]", PERSONA_KEYS),
    ("[[touchpoint]]", TOUCHPOINT_KEYS),
];

pub const GOAL_KINDS: &[&str] = &["satisfaction", "cost", "revenue"];
pub const STAGES: &[&str] = &[
    "awareness",
    "consideration",
    "purchase",
    "onboarding",
    "retention",
    "advocacy",
];

/// The values a number of the format may take: the loader refuses the rest
/// with `described` as the help, and the JSON Schema gives the same bounds.
#[derive(Debug, PartialEq)]
pub struct NumberRange {
    pub min: f64,
    pub max: f64,
    /// The bounds as a message shows them.
    pub min_shown: &'static str,
    pub max_shown: &'static str,
    /// What to give the key, after "give `KEY` ".
    pub described: &'static str,
}

/// `baseline` and `target`: whatever a goal measures, in either direction,
/// up to a million billion. That is more than any revenue in any currency's
/// main unit, and the range in which every whole number is exact in the
/// 64-bit float the rules compare.
pub const AMOUNT: NumberRange = NumberRange {
    min: -1e15,
    max: 1e15,
    min_shown: "-10^15",
    max_shown: "10^15",
    described: "a number from -10^15 to 10^15; for larger figures, count in thousands or \
                millions and say so in `metric`",
};

/// `per_week`: contacts a week per customer. A thousand is six an hour, day
/// and night; anything above is a typo or not a plan.
pub const PER_WEEK: NumberRange = NumberRange {
    min: 0.0,
    max: 1000.0,
    min_shown: "0",
    max_shown: "1000",
    described: "the contacts a week per customer, from 0 to 1000 (0.25 is monthly)",
};

/// Keys that start with this prefix hold the user's own data and are never checked.
pub const EXTENSION_PREFIX: &str = "x-";

/// Ids are `[a-z0-9][a-z0-9-]*`: safe in subjects, URLs and file names.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lower_case_kebab() {
        assert!(is_valid_id("winter-riders"));
        assert!(is_valid_id("2027-launch"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id("Winter"));
        assert!(!is_valid_id("a_b"));
        assert!(!is_valid_id(""));
    }

    #[test]
    fn typos_get_a_suggestion_and_strangers_do_not() {
        assert_eq!(suggest("metrc", GOAL_KEYS.iter().copied()), Some("metric"));
        assert_eq!(suggest("goals", TOP_KEYS.iter().copied()), Some("goal"));
        assert_eq!(
            suggest("perweek", TOUCHPOINT_KEYS.iter().copied()),
            Some("per_week")
        );
        assert_eq!(suggest("budget", GOAL_KEYS.iter().copied()), None);
    }
}
