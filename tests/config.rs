//! End-to-end tests of configuration: planlint.toml found by plans, the
//! command-line overrides, and `planlint config`.

use std::fs;
use std::path::Path;

use assert_cmd::prelude::*;
use predicates::prelude::*;
use predicates::str::contains;
use tempfile::TempDir;

mod common;
use common::{planlint, write};

/// Fires TX005 only: 3.5 contacts a week for one persona.
const FATIGUE: &str = "tests/fixtures/TX005/fires.plan.toml";
/// Three contacts a week: just within TX005's default.
const FATIGUE_NEAR_MISS: &str = "tests/fixtures/TX005/passes.plan.toml";
/// Four of six touchpoints pushy: TX002 and four TX001.
const PUSHY: &str = "tests/fixtures/TX002/fires.plan.toml";
const WEAK: &str = "examples/blitz-bikes/blitz-bikes.plan.toml";

fn copy(dir: &Path, name: &str, plan: &str) {
    write(dir, name, &fs::read_to_string(plan).unwrap());
}

/// Runs `planlint check --format json ARGS` in `dir`, checks the exit code
/// and returns the codes and severities found.
fn findings(dir: &Path, args: &[&str], code: i32) -> Vec<(String, String)> {
    let output = planlint()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&output).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn codes(findings: &[(String, String)]) -> Vec<&str> {
    let mut codes: Vec<&str> = findings.iter().map(|(c, _)| c.as_str()).collect();
    codes.sort();
    codes.dedup();
    codes
}

#[test]
fn a_file_in_an_ancestor_folder_is_found() {
    let dir = TempDir::new().unwrap();
    copy(dir.path(), "plans/team/a.plan.toml", FATIGUE);
    assert_eq!(
        codes(&findings(dir.path(), &["plans"], 1)),
        ["TX005"],
        "no file yet"
    );
    write(dir.path(), "planlint.toml", "ignore = [\"TX005\"]\n");
    assert!(findings(dir.path(), &["plans"], 0).is_empty());
    // The plan's own folder comes first.
    write(
        dir.path(),
        "plans/team/.planlint.toml",
        "select = [\"ALL\"]\n",
    );
    assert_eq!(codes(&findings(dir.path(), &["plans"], 1)), ["TX005"]);
}

#[test]
fn config_names_the_file_and_no_config_reads_none() {
    let dir = TempDir::new().unwrap();
    copy(dir.path(), "a.plan.toml", FATIGUE_NEAR_MISS);
    write(dir.path(), "planlint.toml", "ignore = [\"TX\"]\n");
    write(
        dir.path(),
        "strict.toml",
        "[settings]\nmax-contacts-per-week = 1.5\n",
    );
    assert!(findings(dir.path(), &["."], 0).is_empty());
    assert_eq!(
        codes(&findings(dir.path(), &["--config", "strict.toml", "."], 1)),
        ["TX005"]
    );
    write(
        dir.path(),
        "planlint.toml",
        "select = [\"TX005\"]\n[settings]\nmax-contacts-per-week = 1.5\n",
    );
    assert_eq!(codes(&findings(dir.path(), &["."], 1)), ["TX005"]);
    assert!(findings(dir.path(), &["--no-config", "."], 0).is_empty());
    planlint()
        .current_dir(dir.path())
        .args(["check", "--config", "missing.toml", "."])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "planlint: error: missing.toml: no such configuration file\n  \
             help: check the path; `planlint init` writes a starter planlint.toml\n",
        );
    planlint()
        .args(["check", "--config", "x.toml", "--no-config", "."])
        .assert()
        .code(2);
}

#[test]
fn an_unknown_key_is_exit_2_with_its_position_and_a_suggestion() {
    let dir = TempDir::new().unwrap();
    copy(dir.path(), "plans/a.plan.toml", FATIGUE);
    write(
        dir.path(),
        "plans/planlint.toml",
        "select = [\"ALL\"]\n\n[settings]\nmax-contacts-per-wek = 4\n",
    );
    planlint()
        .current_dir(dir.path())
        .args(["check", "plans"])
        .assert()
        .code(2)
        .stderr(
            "planlint: error: plans/planlint.toml:4:1: unknown setting `max-contacts-per-wek` in [settings]\n  \
             help: did you mean `max-contacts-per-week`?\n",
        );
    // The same file given with --config stops before any plan is checked.
    planlint()
        .current_dir(dir.path())
        .args(["check", "--config", "plans/planlint.toml", "plans"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("plans/planlint.toml:4:1:"));
}

/// A configuration error stops the run before any report is written, in
/// every format, so that no report reads as if the plans under the broken
/// file had been checked.
#[test]
fn a_broken_file_stops_the_run_before_any_report() {
    let dir = TempDir::new().unwrap();
    copy(dir.path(), "good/a.plan.toml", FATIGUE);
    copy(dir.path(), "bad/b.plan.toml", FATIGUE);
    copy(dir.path(), "bad/c.plan.toml", FATIGUE);
    write(dir.path(), "bad/planlint.toml", "fail-on = \"sometimes\"\n");
    let error = "planlint: error: bad/planlint.toml:1:11: \"sometimes\" is not a level to fail on\n  \
                 help: use error, warning, info or never\n";
    for format in ["json", "table", "sarif"] {
        planlint()
            .current_dir(dir.path())
            .args(["check", "--format", format, "."])
            .assert()
            .code(2)
            .stdout("")
            .stderr(error);
    }
    planlint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "-o", "report.json", "."])
        .assert()
        .code(2)
        .stderr(error);
    assert!(!dir.path().join("report.json").exists());
    // The plans elsewhere are checked as before.
    assert_eq!(codes(&findings(dir.path(), &["good"], 1)), ["TX005"]);
}

#[cfg(target_os = "linux")]
#[test]
fn a_device_or_a_fifo_as_configuration_ends_the_run_at_once() {
    use std::time::Duration;
    let dir = TempDir::new().unwrap();
    copy(dir.path(), "a.plan.toml", FATIGUE);
    copy(dir.path(), "sub/b.plan.toml", FATIGUE);
    for fifo in ["pipe.toml", "sub/planlint.toml"] {
        let status = std::process::Command::new("mkfifo")
            .arg(dir.path().join(fifo))
            .status()
            .unwrap();
        assert!(status.success());
    }
    let not_regular = |what: &str| {
        format!(
            "the configuration file is {what}, not a regular file; planlint reads only regular files\n"
        )
    };
    for (args, place, what) in [
        (
            &["--config", "/dev/zero", "a.plan.toml"][..],
            "/dev/zero",
            "a device",
        ),
        (
            &["--config", "pipe.toml", "a.plan.toml"],
            "pipe.toml",
            "a named pipe (FIFO)",
        ),
        (&["sub"], "sub/planlint.toml", "a named pipe (FIFO)"),
    ] {
        let mut cmd = planlint();
        cmd.current_dir(dir.path())
            .args(["check", "--format", "json"])
            .args(args);
        assert_cmd::Command::from_std(cmd)
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!("planlint: error: {place}: {}", not_regular(what)));
    }
}

#[test]
fn a_configuration_file_over_1_mb_is_refused() {
    let dir = TempDir::new().unwrap();
    copy(dir.path(), "a.plan.toml", FATIGUE);
    let comment = format!("#{}\n", "x".repeat(1024 * 1024));
    write(dir.path(), "planlint.toml", &comment);
    planlint()
        .current_dir(dir.path())
        .args(["check", "a.plan.toml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "planlint: error: planlint.toml: the configuration file is larger than 1 MB; \
             a planlint.toml fits on a page, so this is probably not one\n",
        );
}

#[test]
fn two_configuration_files_in_one_folder_name_the_folder() {
    let dir = TempDir::new().unwrap();
    copy(dir.path(), "plans/a.plan.toml", FATIGUE);
    write(dir.path(), "plans/planlint.toml", "");
    write(dir.path(), "plans/.planlint.toml", "");
    let help = "  help: keep one of them; planlint will not guess which you meant\n";
    planlint()
        .current_dir(dir.path())
        .args(["check", "plans"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "planlint: error: plans/: the folder has both planlint.toml and .planlint.toml\n{help}"
        ));
    planlint()
        .current_dir(dir.path().join("plans"))
        .args(["config", "."])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "planlint: error: ./: the folder has both planlint.toml and .planlint.toml\n{help}"
        ));
}

#[test]
fn an_empty_select_warns_that_no_rule_runs() {
    let dir = TempDir::new().unwrap();
    copy(dir.path(), "a.plan.toml", FATIGUE);
    copy(dir.path(), "b.plan.toml", FATIGUE);
    write(dir.path(), "planlint.toml", "select = []\n");
    let warning = "planlint: warning: planlint.toml:1:10: `select` is empty, so no rule runs but \
                   PLAN001, PLAN002, PLAN008, which report plans that cannot be read in full\n  \
                   help: list the rules to run, such as select = [\"ALL\"], or remove `select` \
                   to run them all\n";
    planlint()
        .current_dir(dir.path())
        .args(["check", "."])
        .assert()
        .code(0)
        .stdout(contains("2 plans checked: no findings"))
        .stderr(warning);
    planlint()
        .current_dir(dir.path())
        .args(["config"])
        .assert()
        .code(0)
        .stderr(warning);
    planlint()
        .current_dir(dir.path())
        .args(["check", "--select", "TX", "."])
        .assert()
        .code(1)
        .stderr("");
}

#[test]
fn select_and_ignore_by_code_name_and_family() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    copy(root, "p.plan.toml", PUSHY);
    let all = findings(root, &["p.plan.toml"], 1);
    assert_eq!(codes(&all), ["TX001", "TX002"]);
    assert_eq!(
        codes(&findings(
            root,
            &["--select", "transactional-plan", "p.plan.toml"],
            1
        )),
        ["TX002"]
    );
    assert_eq!(
        codes(&findings(
            root,
            &["--select", "why,goal", "--select", "tx001", "p.plan.toml"],
            1
        )),
        ["TX001"]
    );
    assert!(findings(root, &["--ignore", "TX", "p.plan.toml"], 0).is_empty());
    write(
        root,
        "planlint.toml",
        "select = [\"TX\"]\nignore = [\"TX001\"]\n",
    );
    assert_eq!(codes(&findings(root, &["p.plan.toml"], 1)), ["TX002"]);
    assert!(
        findings(root, &["--ignore", "transactional-plan", "p.plan.toml"], 0).is_empty(),
        "--ignore removes more from the file's selection"
    );
    assert_eq!(
        codes(&findings(root, &["--select", "ALL", "p.plan.toml"], 1)),
        ["TX001", "TX002"],
        "--select replaces the file's select and ignore"
    );
}

#[test]
fn unknown_selectors_and_the_reading_rules_are_errors_on_the_command_line() {
    planlint()
        .args(["check", "--select", "TX,GOAL05", WEAK])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "planlint: error: --select: no rule, family or ALL is called \"GOAL05\"\n  \
             help: did you mean `GOAL005`?\n",
        );
    planlint()
        .args(["check", "--ignore", "invalid-plan", WEAK])
        .assert()
        .code(2)
        .stderr(contains(
            "PLAN001 (invalid-plan) reports plans that cannot be read in full and cannot be ignored",
        ));
}

#[test]
fn the_reading_rules_stay_on_whatever_is_selected() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "broken.plan.toml",
        "name = \"x\"\nownr = \"y\"\n",
    );
    assert_eq!(
        codes(&findings(
            dir.path(),
            &["--select", "TX", "--ignore", "PLAN", "."],
            1
        )),
        ["PLAN002"]
    );
}

#[test]
fn feedback_is_not_read_when_no_fb_rule_is_selected() {
    let dir = TempDir::new().unwrap();
    copy(dir.path(), "a.plan.toml", WEAK);
    planlint()
        .current_dir(dir.path())
        .args(["check", "."])
        .assert()
        .code(2)
        .stderr(contains("feedback.csv"));
    planlint()
        .current_dir(dir.path())
        .args(["check", "--ignore", "FB", "."])
        .assert()
        .code(1)
        .stderr("");
}

#[test]
fn the_scorecard_counts_only_selected_rules() {
    let output = planlint()
        .args([
            "check", "--format", "json", "--select", "TX,HUM", "--ignore", "TX005",
        ])
        .arg(WEAK)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&output).unwrap();
    let card = v["scorecard"].as_object().unwrap();
    let mut families: Vec<_> = card.keys().collect();
    families.sort();
    assert_eq!(families, ["HUM", "TX"]);
    assert_eq!(card["TX"]["total"], 5);
    assert_eq!(card["HUM"]["total"], 6);
    planlint()
        .args(["check", "--select", "TX", "--ignore", "TX005"])
        .arg(FATIGUE)
        .assert()
        .code(0)
        .stdout(contains("scorecard  TX 5/5\n"));
}

#[test]
fn a_severity_override_changes_the_exit_code() {
    let dir = TempDir::new().unwrap();
    copy(dir.path(), "a.plan.toml", FATIGUE);
    assert_eq!(
        findings(dir.path(), &["--fail-on", "error", "."], 0),
        [("TX005".to_owned(), "warning".to_owned())]
    );
    assert_eq!(
        findings(
            dir.path(),
            &["--fail-on", "error", "--severity", "TX005=error", "."],
            1
        ),
        [("TX005".to_owned(), "error".to_owned())]
    );
    assert_eq!(
        findings(dir.path(), &["--severity", "message-fatigue=info", "."], 0),
        [("TX005".to_owned(), "info".to_owned())]
    );
    write(
        dir.path(),
        "planlint.toml",
        "fail-on = \"error\"\n[severity]\nTX = \"error\"\n",
    );
    findings(dir.path(), &["."], 1);
    assert_eq!(
        findings(dir.path(), &["--severity", "TX005=warning", "."], 0),
        [("TX005".to_owned(), "warning".to_owned())],
        "the command line wins over the file"
    );
}

#[test]
fn settings_change_what_tx005_and_tx002_report() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    copy(root, "fatigue/a.plan.toml", FATIGUE);
    copy(root, "near-miss/a.plan.toml", FATIGUE_NEAR_MISS);
    copy(root, "pushy/a.plan.toml", PUSHY);
    write(
        root,
        "fatigue/planlint.toml",
        "[settings]\nmax-contacts-per-week = 4\n",
    );
    write(
        root,
        "near-miss/planlint.toml",
        "[settings]\nmax-contacts-per-week = 1.5\n",
    );
    write(
        root,
        "pushy/planlint.toml",
        "[settings]\ntransactional-share = 0.7\n",
    );
    let output = planlint()
        .current_dir(root)
        .args(["check", "--format", "json", "."])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&output).unwrap();
    let found: Vec<(&str, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["file"].as_str().unwrap(), f["code"].as_str().unwrap()))
        .filter(|(_, code)| *code != "TX001")
        .collect();
    assert_eq!(found, [("near-miss/a.plan.toml", "TX005")]);
    let message = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "TX005")
        .unwrap()["message"]
        .clone();
    assert_eq!(
        message,
        "persona \"busy-parent\" gets 2 contacts a week (recipe-letter 2), more than 1.5"
    );

    write(
        root,
        "pushy/planlint.toml",
        "[settings]\ntransactional-share = 0.6\n",
    );
    planlint()
        .current_dir(root)
        .args(["check", "pushy"])
        .assert()
        .code(1)
        .stdout(contains("more than 60%"));
}

#[test]
fn each_plan_is_held_to_its_own_fail_on_unless_the_command_line_sets_it() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    copy(root, "legacy/a.plan.toml", FATIGUE);
    copy(root, "new/a.plan.toml", FATIGUE);
    write(root, "legacy/planlint.toml", "fail-on = \"never\"\n");
    write(root, "new/planlint.toml", "fail-on = \"error\"\n");
    assert_eq!(
        findings(root, &["."], 0).len(),
        2,
        "both report, neither fails"
    );
    write(root, "new/planlint.toml", "fail-on = \"warning\"\n");
    findings(root, &["."], 1);
    findings(root, &["legacy"], 0);
    findings(root, &["--fail-on", "never", "."], 0);
    findings(root, &["--fail-on", "info", "legacy"], 1);
}

#[test]
fn config_shows_each_value_and_its_source() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(
        root,
        "planlint.toml",
        "ignore = [\"YOU005\"]\n[severity]\norphan-goal = \"error\"\n[settings]\nfeedback-min-wants = 4\n",
    );
    copy(root, "plans/team/a.plan.toml", FATIGUE);
    let output = planlint()
        .current_dir(root)
        .args([
            "config",
            "plans/team/a.plan.toml",
            "--severity",
            "TX=info",
            "--ignore",
            "FB",
        ])
        .assert()
        .code(0)
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(output).unwrap();
    for expected in [
        "config file  planlint.toml\n",
        "fail-on      warning  (default)\n",
        "ignore       YOU005   (planlint.toml)\n",
        "ignore       FB       (command line)\n",
        "  feedback-min-wants         4     (planlint.toml)  FB002\n",
        "  max-contacts-per-week      3     (default)        TX005\n",
        "GOAL005  orphan-goal                 error    select ALL (default); severity orphan-goal (planlint.toml)\n",
        "TX005    message-fatigue             info     select ALL (default); severity TX (command line)\n",
        "FB001    complained-touchpoint       off      ignore FB (command line)\n",
        "YOU005   us-versus-them              off      ignore YOU005 (planlint.toml)\n",
    ] {
        assert!(out.contains(expected), "{expected:?} not in\n{out}");
    }
    planlint()
        .current_dir(root)
        .args(["config", "--no-config"])
        .assert()
        .code(0)
        .stdout(contains(
            "config file  none (configuration files are not read)\n",
        ));
    planlint()
        .current_dir(root)
        .args(["config", "no/such/folder"])
        .assert()
        .code(2)
        .stderr(contains("no/such/folder: no such file or folder"));
}

/// The README's Configuration section: its example file, the error it shows,
/// the `planlint config` output and the command lines are what planlint does.
#[test]
fn the_readme_configuration_examples_are_true() {
    let readme = fs::read_to_string("README.md").unwrap();
    let section = readme
        .split("\n## Configuration\n")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    let blocks = |kind: &str| -> Vec<String> {
        section
            .split(&format!("```{kind}\n"))
            .skip(1)
            .map(|b| b.split("```").next().unwrap().to_owned())
            .collect()
    };
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    copy(root, "plans/a.plan.toml", FATIGUE);

    let toml = &blocks("toml")[0];
    write(root, "planlint.toml", toml);
    planlint()
        .current_dir(root)
        .args(["config"])
        .assert()
        .code(0);

    let texts = blocks("text");
    let error = texts
        .iter()
        .find(|t| t.starts_with("planlint: error:"))
        .unwrap();
    write(root, "broken/planlint.toml", "fail_on = \"error\"\n");
    copy(root, "broken/a.plan.toml", FATIGUE);
    planlint()
        .current_dir(root.join("broken"))
        .args(["check", "."])
        .assert()
        .code(2)
        .stderr(error.clone());

    let shown = texts
        .iter()
        .find(|t| t.starts_with("$ planlint config"))
        .unwrap();
    let (command, expected) = shown.split_once('\n').unwrap();
    let args: Vec<&str> = command.split_whitespace().skip(2).collect();
    let output = planlint()
        .current_dir(root)
        .args(&args)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_lines_match(expected, &String::from_utf8(output).unwrap());

    for line in blocks("sh")[0].lines() {
        let args: Vec<&str> = line.split_whitespace().skip(1).collect();
        planlint()
            .current_dir(root)
            .args(&args)
            .assert()
            .code(predicate::in_iter([0, 1]));
    }
}

/// `expected` line by line, where a line `  ...` stands for any lines.
fn assert_lines_match(expected: &str, actual: &str) {
    let mut actual_lines = actual.lines();
    let mut skipping = false;
    for want in expected.lines() {
        if want.trim() == "..." {
            skipping = true;
            continue;
        }
        loop {
            let got = actual_lines
                .next()
                .unwrap_or_else(|| panic!("{want:?} not found in\n{actual}"));
            if got == want {
                break;
            }
            assert!(skipping, "expected {want:?}, got {got:?} in\n{actual}");
        }
        skipping = false;
    }
    assert!(
        skipping || actual_lines.next().is_none(),
        "more output than the README shows:\n{actual}"
    );
}
