//! Meta tests over the rule registry: the catalog stays consistent, documented
//! and tested as it grows.

use std::collections::HashSet;
use std::path::Path;

use planlint::rules::{Phase, RULES};

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for rule in RULES {
        assert!(codes.insert(rule.code), "duplicate code {}", rule.code);
        assert!(names.insert(rule.name), "duplicate name {}", rule.name);
        let prefix = rule.family.prefix();
        let number = rule
            .code
            .strip_prefix(prefix)
            .unwrap_or_else(|| panic!("{} is not in family {prefix}", rule.code));
        assert!(
            number.len() == 3 && number.chars().all(|c| c.is_ascii_digit()),
            "{}",
            rule.code
        );
        assert!(
            rule.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-')
                && !rule.name.starts_with('-'),
            "{} name {:?} is not kebab-case",
            rule.code,
            rule.name
        );
    }
}

#[test]
fn docs_have_the_four_sections_in_order() {
    let sections = [
        "## What it does",
        "## Why it matters",
        "## Example",
        "## How to fix",
    ];
    for rule in RULES {
        let positions: Vec<_> = sections.iter().map(|s| rule.docs.find(s)).collect();
        assert!(
            positions.iter().all(Option::is_some),
            "{} docs lack a section: {positions:?}",
            rule.code
        );
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "{} docs sections are out of order",
            rule.code
        );
    }
}

#[test]
fn summaries_and_help_read_like_messages() {
    for rule in RULES {
        for text in [rule.summary, rule.help] {
            assert!(
                !text.starts_with(|c: char| c.is_uppercase()),
                "{}: {text:?} starts upper-case",
                rule.code
            );
            assert!(
                !text.ends_with('.'),
                "{}: {text:?} ends with a full stop",
                rule.code
            );
        }
    }
}

#[test]
fn every_rule_has_both_fixtures() {
    for rule in RULES {
        for name in ["fires", "passes"] {
            let path = format!("tests/fixtures/{}/{name}.plan.toml", rule.code);
            assert!(Path::new(&path).is_file(), "{path} is missing");
        }
    }
    for entry in std::fs::read_dir("tests/fixtures").unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            RULES.iter().any(|r| r.code == name),
            "fixture folder {name} has no rule"
        );
    }
}

#[test]
fn plan_checks_are_exactly_the_rules_not_reported_by_the_loader() {
    let loader: Vec<_> = RULES
        .iter()
        .filter(|r| matches!(r.phase, Phase::Load))
        .map(|r| r.code)
        .collect();
    assert_eq!(loader, ["PLAN001", "PLAN002", "PLAN008"]);
}

#[test]
fn readme_lists_every_rule() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let listed: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
        .filter(|code| planlint::rules::find(code).is_some())
        .collect();
    let registry: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    assert_eq!(
        listed, registry,
        "README's rule table is out of step with the registry"
    );
    for rule in RULES {
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{}`", rule.code)))
            .unwrap();
        assert!(
            row.contains(rule.name) && row.contains(rule.severity.as_str()),
            "README row for {} is stale: {row}",
            rule.code
        );
    }
}

#[test]
fn every_rule_has_a_description_sentence() {
    for rule in RULES {
        let description = rule.description();
        assert!(
            description.len() > 20 && description.starts_with(|c: char| c.is_uppercase()),
            "{}: the first paragraph of \"What it does\" is {description:?}",
            rule.code
        );
    }
}
