//! Every rule against its fixtures: `tests/fixtures/CODE/fires*.plan.toml` must
//! produce that rule's findings and nothing else (snapshotted), and
//! `passes*.plan.toml`, careful plans close to the defect, must produce none.
//! A defect that necessarily brings another finding says so on the fixture's
//! first line, e.g. `# implies: TX001` (a plan that is mostly pushy touchpoints
//! has pushy touchpoints).

use std::path::Path;

use planlint::{CheckOptions, CheckedFile, Silent, check_paths};

/// Checks one plan as the CLI does, with the feedback the plan names.
fn check(path: &Path) -> CheckedFile {
    // Relative, as a user would type it, so snapshots do not depend on where
    // the repository is.
    let path = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path);
    let mut report = check_paths(&[path.to_path_buf()], &CheckOptions::default(), &Silent);
    assert!(
        report.problems.is_empty(),
        "{}: {:?}",
        path.display(),
        report.problems
    );
    report.files.pop().unwrap()
}

fn code_of(path: &Path) -> String {
    let dir = path.parent().unwrap().file_name().unwrap();
    dir.to_string_lossy().into_owned()
}

/// The codes a fixture's `# implies:` first line allows besides its own.
fn implied_codes(path: &Path) -> Vec<&'static str> {
    let text = std::fs::read_to_string(path).unwrap();
    let Some(list) = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("# implies:"))
    else {
        return Vec::new();
    };
    list.split_whitespace()
        .map(|code| {
            planlint::rules::find(code)
                .unwrap_or_else(|| panic!("unknown implied code {code}"))
                .code
        })
        .collect()
}

/// One line per finding, as a reviewer reads them in a snapshot.
fn lines(file: &CheckedFile) -> String {
    file.findings
        .iter()
        .map(|f| {
            format!(
                "{}:{} {} {} {}: {}\n  help: {}\n",
                f.location.line,
                f.location.column,
                f.severity,
                f.rule.code,
                f.subject,
                f.message,
                f.help
            )
        })
        .collect()
}

#[test]
fn each_fires_fixture_gets_its_rule_and_nothing_else() {
    insta::glob!("fixtures/*/fires*.plan.toml", |path| {
        let code = code_of(path);
        let file = check(path);
        assert!(
            file.findings.iter().any(|f| f.rule.code == code),
            "{code} did not fire on its fixture:\n{}",
            lines(&file)
        );
        let implied = implied_codes(path);
        let others: Vec<_> = file
            .findings
            .iter()
            .filter(|f| f.rule.code != code && !implied.contains(&f.rule.code))
            .collect();
        assert!(
            others.is_empty(),
            "{code}'s fixture has other findings too:\n{}",
            lines(&file)
        );
        for f in &file.findings {
            assert!(
                !f.message.starts_with(|c: char| c.is_uppercase()),
                "{code}: message starts upper-case: {}",
                f.message
            );
            assert!(
                !f.message.ends_with('.'),
                "{code}: message ends with a full stop: {}",
                f.message
            );
        }
        insta::assert_snapshot!(lines(&file));
    });
}

#[test]
fn each_passes_fixture_is_clean() {
    insta::glob!("fixtures/*/passes*.plan.toml", |path| {
        let file = check(path);
        assert!(
            file.findings.is_empty(),
            "{} should be clean:\n{}",
            path.display(),
            lines(&file)
        );
    });
}

#[test]
fn the_careful_example_is_clean() {
    let file = check(Path::new("examples/harbor-bikes/harbor-bikes.plan.toml"));
    assert!(file.findings.is_empty(), "{}", lines(&file));
}

#[test]
fn the_weak_example_shows_its_defects() {
    let file = check(Path::new("examples/blitz-bikes/blitz-bikes.plan.toml"));
    insta::assert_snapshot!(lines(&file));
}

/// GOAL005 is a note on a goal reported as unmeasurable: one fault of a goal
/// fails a check once. Once that finding is waived, GOAL005 is a warning
/// again.
#[test]
fn an_orphan_goal_that_cannot_be_measured_fails_a_check_once() {
    let fixture = std::fs::read_to_string("tests/fixtures/GOAL005/fires.plan.toml").unwrap();
    let unmeasured = fixture.replace("metric = \"active veg box subscriptions\"\n", "");
    assert_ne!(unmeasured, fixture);
    let findings = |text: &str| -> Vec<String> {
        let file = planlint::check_source(planlint::source::SourceFile::new("p.plan.toml", text));
        file.findings
            .iter()
            .map(|f| format!("{} {} {}", f.severity, f.rule.code, f.subject))
            .collect()
    };
    assert_eq!(
        findings(&unmeasured),
        [
            "warning GOAL001 goal.veg-box-subscribers",
            "info GOAL005 goal.veg-box-subscribers"
        ]
    );
    let waived = unmeasured.replace(
        "due = 2027-09-30\n",
        "due = 2027-09-30\nallow = { GOAL001 = \"counted from the box rota, not a metric\" }\n",
    );
    assert_eq!(
        findings(&waived),
        ["warning GOAL005 goal.veg-box-subscribers"]
    );
}
