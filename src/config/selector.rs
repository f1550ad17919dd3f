//! Rule selectors, as in ruff: `ALL`, a family prefix (`TX`), a code
//! (`TX005`) or a name (`message-fatigue`), in any case.

use std::fmt;

use crate::rules::{Family, Phase, RULES, Rule};
use crate::source::excerpt;
use crate::text::suggest;

/// What a selector matches.
#[derive(Debug, Clone, Copy)]
pub enum Matches {
    All,
    Family(Family),
    Rule(&'static Rule),
}

impl PartialEq for Matches {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Matches::All, Matches::All) => true,
            (Matches::Family(a), Matches::Family(b)) => a == b,
            (Matches::Rule(a), Matches::Rule(b)) => a.code == b.code,
            _ => false,
        }
    }
}

impl Eq for Matches {}

/// A selector as the user wrote it, and what it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector {
    pub text: String,
    pub matches: Matches,
}

impl Selector {
    /// Reads a selector; the error is a message and a help line.
    pub fn parse(text: &str) -> Result<Self, (String, String)> {
        let trimmed = text.trim();
        let matches = if trimmed.eq_ignore_ascii_case("ALL") {
            Matches::All
        } else if let Some(&family) = Family::ALL
            .iter()
            .find(|f| f.prefix().eq_ignore_ascii_case(trimmed))
        {
            Matches::Family(family)
        } else if let Some(rule) = crate::rules::find(trimmed) {
            Matches::Rule(rule)
        } else {
            let help = match suggest(trimmed, candidates()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => "give a rule code (TX005), a rule name (message-fatigue), a family \
                         (PLAN, WHY, GOAL, YOU, TX, HUM, FB) or ALL; `planlint rules` lists the rules"
                    .to_owned(),
            };
            return Err((
                format!("no rule, family or ALL is called \"{}\"", excerpt(trimmed)),
                help,
            ));
        };
        Ok(Self {
            text: trimmed.to_owned(),
            matches,
        })
    }

    /// How precisely it names rules: a rule beats a family, which beats ALL.
    pub fn specificity(&self) -> u8 {
        match self.matches {
            Matches::All => 0,
            Matches::Family(_) => 1,
            Matches::Rule(_) => 2,
        }
    }

    pub fn matches(&self, rule: &Rule) -> bool {
        match self.matches {
            Matches::All => true,
            Matches::Family(family) => rule.family == family,
            Matches::Rule(r) => r.code == rule.code,
        }
    }

    /// The rule it names, when that is a rule that is always on (PLAN001,
    /// PLAN002): naming one to ignore it or change its level is an error.
    pub fn names_always_on(&self) -> Option<&'static Rule> {
        match self.matches {
            Matches::Rule(rule) if always_on(rule) => Some(rule),
            _ => None,
        }
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The rules that report what stops a plan from being read (PLAN001,
/// PLAN002, PLAN008) cannot be deselected or changed in level: a plan that
/// cannot be read in full must never pass quietly.
pub fn always_on(rule: &Rule) -> bool {
    matches!(rule.phase, Phase::Load)
}

/// The most specific of `selectors` that matches `rule`; the last of equals.
pub fn most_specific<'a, T>(
    selectors: impl IntoIterator<Item = &'a T>,
    selector: impl Fn(&T) -> &Selector,
    rule: &Rule,
) -> Option<&'a T>
where
    T: 'a,
{
    selectors
        .into_iter()
        .filter(|s| selector(s).matches(rule))
        .max_by_key(|s| selector(s).specificity())
}

fn candidates() -> impl Iterator<Item = &'static str> {
    std::iter::once("ALL")
        .chain(Family::ALL.iter().map(|f| f.prefix()))
        .chain(RULES.iter().flat_map(|r| [r.code, r.name]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Selector {
        Selector::parse(text).unwrap()
    }

    #[test]
    fn selectors_are_all_families_codes_or_names_in_any_case() {
        assert_eq!(parse("all").matches, Matches::All);
        assert_eq!(parse("tx").matches, Matches::Family(Family::Tx));
        let by_code = parse("tx005");
        let by_name = parse("Message-Fatigue");
        assert_eq!(by_code.matches, by_name.matches);
        assert_eq!(by_code.text, "tx005", "kept as written");
        assert!(by_code.specificity() > parse("TX").specificity());
        assert!(parse("TX").specificity() > parse("ALL").specificity());
    }

    #[test]
    fn unknown_selectors_get_a_suggestion() {
        let (message, help) = Selector::parse("GOAL05").unwrap_err();
        assert!(message.contains("\"GOAL05\""), "{message}");
        assert_eq!(help, "did you mean `GOAL005`?");
        let (_, help) = Selector::parse("jorney-gap").unwrap_err();
        assert_eq!(help, "did you mean `journey-gap`?");
        let (_, help) = Selector::parse("budget").unwrap_err();
        assert!(help.contains("planlint rules"), "{help}");
    }

    #[test]
    fn the_most_specific_match_wins_and_the_last_of_equals() {
        let selectors = [
            parse("ALL"),
            parse("TX"),
            parse("TX005"),
            parse("message-fatigue"),
        ];
        let tx005 = crate::rules::find("TX005").unwrap();
        let tx001 = crate::rules::find("TX001").unwrap();
        let why001 = crate::rules::find("WHY001").unwrap();
        let pick = |rule| most_specific(&selectors, |s| s, rule).map(|s| s.text.as_str());
        assert_eq!(pick(tx005), Some("message-fatigue"));
        assert_eq!(pick(tx001), Some("TX"));
        assert_eq!(pick(why001), Some("ALL"));
    }

    #[test]
    fn only_the_reading_rules_are_always_on() {
        let on: Vec<_> = RULES
            .iter()
            .filter(|r| always_on(r))
            .map(|r| r.code)
            .collect();
        assert_eq!(on, ["PLAN001", "PLAN002", "PLAN008"]);
        assert!(parse("invalid-plan").names_always_on().is_some());
        assert!(parse("PLAN").names_always_on().is_none());
    }
}
