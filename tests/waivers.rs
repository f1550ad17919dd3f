//! End-to-end tests of waivers (`allow` in a plan) and baselines
//! (`--write-baseline`, `--baseline`).

use std::fs;
use std::path::Path;
use std::process::Command;

use assert_cmd::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

mod common;

/// A careful plan with one pushy touchpoint: TX001 on "box-sign-up".
const PUSHY: &str = "tests/fixtures/TX001/fires.plan.toml";
const PUSHY_MESSAGE: &str = "message = \"Sign up now: 20% off your first veg box, today only!\"\n";
/// A careful plan without a [how]: WHY003, about the plan as a whole.
const NO_HOW: &str = "tests/fixtures/WHY003/fires.plan.toml";

fn planlint(dir: &Path) -> Command {
    let mut cmd = common::planlint();
    cmd.current_dir(dir);
    cmd
}

/// Runs the command, checks its exit code and returns stdout and stderr.
fn run(cmd: &mut Command, code: i32) -> (String, String) {
    let output = cmd.assert().code(code).get_output().clone();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The pushy plan in `dir` as `p.plan.toml`, with `allow` after the pushy message.
fn pushy_with(dir: &Path, allow: &str) {
    let text = fs::read_to_string(PUSHY).unwrap();
    assert!(text.contains(PUSHY_MESSAGE));
    let text = text.replacen(PUSHY_MESSAGE, &format!("{PUSHY_MESSAGE}{allow}\n"), 1);
    fs::write(dir.join("p.plan.toml"), text).unwrap();
}

/// `check --format json p.plan.toml`, with `PLANLINT_TODAY` when given.
fn json(dir: &Path, today: Option<&str>, code: i32) -> Value {
    let mut cmd = planlint(dir);
    cmd.args(["check", "--format", "json", "p.plan.toml"]);
    if let Some(today) = today {
        cmd.env("PLANLINT_TODAY", today);
    }
    serde_json::from_str(&run(&mut cmd, code).0).unwrap()
}

/// `CODE subject line:column` of every finding.
fn findings(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {}:{}",
                f["code"].as_str().unwrap(),
                f["subject"].as_str().unwrap(),
                f["line"],
                f["column"]
            )
        })
        .collect()
}

#[test]
fn a_waiver_hides_its_finding_and_the_summary_counts_it() {
    let dir = TempDir::new().unwrap();
    pushy_with(
        dir.path(),
        "allow = { tx001 = \"the launch offer is agreed with the board\" }",
    );
    let report = json(dir.path(), None, 0);
    assert_eq!(findings(&report), Vec::<String>::new());
    assert_eq!(report["summary"]["waived"], 1);
    let (table, _) = run(planlint(dir.path()).args(["check", "p.plan.toml"]), 0);
    assert!(
        table.contains("1 plan checked: no findings (1 waived)"),
        "{table}"
    );
    let (markdown, _) = run(
        planlint(dir.path()).args(["check", "--format", "markdown", "p.plan.toml"]),
        0,
    );
    assert!(markdown.contains("no findings (1 waived)"), "{markdown}");
}

#[test]
fn a_waiver_without_a_reason_is_an_error_at_its_key() {
    let dir = TempDir::new().unwrap();
    pushy_with(dir.path(), "allow = { TX001 = \"  \" }");
    let report = json(dir.path(), None, 1);
    assert_eq!(findings(&report), ["PLAN005 touchpoint.box-sign-up 73:11"]);
    assert_eq!(report["summary"]["waived"], 1);
    pushy_with(dir.path(), "allow = { TX001 = { until = 2099-12-31 } }");
    assert_eq!(
        findings(&json(dir.path(), None, 1)),
        ["PLAN005 touchpoint.box-sign-up 73:11"]
    );
}

#[test]
fn an_expired_waiver_brings_its_finding_back() {
    let dir = TempDir::new().unwrap();
    pushy_with(
        dir.path(),
        "allow = { TX001 = { reason = \"the launch offer\", until = 2027-01-31 } }",
    );
    let on_the_day = json(dir.path(), Some("2027-01-31"), 0);
    assert_eq!(on_the_day["summary"]["waived"], 1);
    let after = json(dir.path(), Some("2027-02-01"), 1);
    assert_eq!(
        findings(&after),
        [
            "TX001 touchpoint.box-sign-up 72:1",
            "PLAN006 touchpoint.box-sign-up 73:11"
        ]
    );
    assert_eq!(after["summary"]["waived"], 0);
    assert!(
        after["findings"][1]["message"]
            .as_str()
            .unwrap()
            .contains("expired on 2027-01-31")
    );
    let (_, stderr) = run(
        planlint(dir.path())
            .args(["check", "p.plan.toml"])
            .env("PLANLINT_TODAY", "next week"),
        2,
    );
    assert!(stderr.contains("PLANLINT_TODAY"), "{stderr}");
}

#[test]
fn a_waiver_whose_rule_does_not_fire_there_is_unused() {
    let dir = TempDir::new().unwrap();
    pushy_with(
        dir.path(),
        "allow = { TX001 = \"agreed\", undated-goal = \"a goal rule, on a touchpoint\" }",
    );
    let report = json(dir.path(), None, 1);
    assert_eq!(findings(&report), ["PLAN007 touchpoint.box-sign-up 73:29"]);
    assert_eq!(report["findings"][0]["severity"], "warning");
    assert_eq!(report["summary"]["waived"], 1);
}

#[test]
fn the_top_level_allow_waives_findings_about_the_plan() {
    let dir = TempDir::new().unwrap();
    let text = fs::read_to_string(NO_HOW).unwrap();
    let waived =
        format!("{text}\n[allow]\nWHY003 = \"the HOW is written in the spring workshop\"\n");
    fs::write(dir.path().join("p.plan.toml"), waived).unwrap();
    let report = json(dir.path(), None, 0);
    assert_eq!(report["summary"]["waived"], 1);

    // On an item, the same waiver hides nothing, and the help says where it goes.
    let on_an_item = text.replacen(
        "\n[[touchpoint]]\n",
        "\n[[touchpoint]]\nallow = { WHY003 = \"misplaced\" }\n",
        1,
    );
    fs::write(dir.path().join("p.plan.toml"), on_an_item).unwrap();
    let report = json(dir.path(), None, 1);
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["WHY003", "PLAN007"]);
    let help = report["findings"][1]["help"].as_str().unwrap();
    assert!(help.contains("top-level [allow]"), "{help}");
}

#[test]
fn an_unknown_rule_in_allow_is_plan002_with_a_suggestion_at_its_key() {
    let dir = TempDir::new().unwrap();
    pushy_with(dir.path(), "allow = { TX01 = \"agreed\" }");
    let (out, _) = run(planlint(dir.path()).args(["check", "p.plan.toml"]), 1);
    assert!(out.contains("PLAN002"), "{out}");
    assert!(out.contains("did you mean `TX001`"), "{out}");
    assert!(out.contains(" --> p.plan.toml:73:11"), "{out}");
}

/// The weak example, with its feedback, in `dir/plans/`.
fn weak_plan(dir: &Path) -> String {
    fs::create_dir_all(dir.join("plans")).unwrap();
    fs::copy(
        "examples/blitz-bikes/feedback.csv",
        dir.join("plans/feedback.csv"),
    )
    .unwrap();
    fs::read_to_string("examples/blitz-bikes/blitz-bikes.plan.toml").unwrap()
}

fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

/// `check plans --baseline baseline.json --format json` in `root`.
fn against_baseline(root: &Path, code: i32) -> (String, String) {
    let args = [
        "check",
        "plans",
        "--baseline",
        "baseline.json",
        "--format",
        "json",
    ];
    run(planlint(root).args(args), code)
}

#[test]
fn a_baseline_keeps_known_findings_hidden_when_lines_move_and_fails_on_new_ones() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    let plan = root.join("plans/weak.plan.toml");
    let text = weak_plan(root);
    fs::write(&plan, &text).unwrap();

    let (out, err) = run(
        planlint(root).args(["check", "plans", "--write-baseline", "baseline.json"]),
        0,
    );
    let baseline: Value =
        serde_json::from_str(&fs::read_to_string(root.join("baseline.json")).unwrap()).unwrap();
    let entries = baseline["findings"].as_array().unwrap();
    let total: u64 = entries.iter().map(|e| e["count"].as_u64().unwrap()).sum();
    assert!(total > 30, "{baseline}");
    assert!(
        out.contains(&format!("no findings ({total} in baseline)")),
        "{out}"
    );
    assert_eq!(
        err,
        format!("planlint: recorded {total} findings in baseline.json\n")
    );
    assert_eq!(baseline["version"], 1);
    let keys: Vec<(String, String, String)> = entries
        .iter()
        .map(|e| {
            assert_eq!(e.as_object().unwrap().len(), 4, "{e}");
            let field = |k: &str| e[k].as_str().unwrap().to_owned();
            (field("file"), field("code"), field("subject"))
        })
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
    assert!(keys.iter().all(|k| k.0 == "plans/weak.plan.toml"));
    // FB005 names undefined personas and undefined touchpoints: two
    // findings of one code and subject.
    let fb005 = entries.iter().find(|e| e["code"] == "FB005").unwrap();
    assert_eq!(fb005["count"], 2, "identical findings are counted");

    // Lines move: known findings stay hidden, from any working directory.
    let moved = format!("# Reviewed with the board in March.\n\n\n{text}");
    fs::write(&plan, &moved).unwrap();
    let (out, err) = run(
        planlint(root).args(["check", "plans", "--baseline", "baseline.json"]),
        0,
    );
    assert!(
        out.contains(&format!("no findings ({total} in baseline)")),
        "{out}"
    );
    assert_eq!(err, "");
    let (out, _) = run(
        planlint(&root.join("plans")).args([
            "check",
            "weak.plan.toml",
            "--baseline",
            "../baseline.json",
            "--format",
            "json",
        ]),
        0,
    );
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["summary"]["in_baseline"], total);

    // A new defect fails, alone.
    let undated = edit(
        &moved,
        "baseline = 2400000\ntarget = 3000000\ndue = 2027-12-31\n",
        "baseline = 2400000\ntarget = 3000000\n",
    );
    fs::write(&plan, &undated).unwrap();
    let (out, _) = against_baseline(root, 1);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(findings(&report), ["GOAL002 goal.online-revenue 22:1"]);
    assert_eq!(report["summary"]["in_baseline"], total);

    // A fixed finding leaves a stale entry, reported so the file can be pruned.
    let fixed = edit(
        &moved,
        "kind = \"revenue\"\ntarget = 1000000\n",
        "kind = \"revenue\"\nmetric = \"Black Friday revenue (EUR)\"\nbaseline = 800000\ntarget = 1000000\n",
    );
    fs::write(&plan, &fixed).unwrap();
    let (out, err) = against_baseline(root, 0);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["summary"]["stale_baseline"], 1);
    assert_eq!(report["summary"]["in_baseline"], total - 1);
    assert_eq!(
        err,
        "planlint: 1 baseline entry of baseline.json no longer matches a finding; \
         rewrite it with --write-baseline\n"
    );
}

#[test]
fn baseline_misuse_is_exit_2() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    fs::write(root.join("p.plan.toml"), fs::read_to_string(PUSHY).unwrap()).unwrap();
    let check = |args: &[&str]| run(planlint(root).arg("check").arg("p.plan.toml").args(args), 2).1;
    let err = check(&["--baseline", "b.json", "--write-baseline", "b.json"]);
    assert!(err.contains("cannot be used with"), "{err}");
    let err = check(&["--baseline", "missing.json"]);
    assert_eq!(
        err,
        "planlint: error: cannot read the baseline missing.json: no such file\n"
    );
    fs::write(root.join("b.json"), "{\"version\": 9, \"findings\": []}").unwrap();
    let err = check(&["--baseline", "b.json"]);
    assert_eq!(
        err,
        "planlint: error: b.json: baseline version 9 is not one this planlint reads \
         (it reads version 1); rewrite it with --write-baseline\n"
    );
    let err = check(&["missing.plan.toml", "--write-baseline", "new.json"]);
    assert!(err.contains("new.json was not written"), "{err}");
    assert!(!root.join("new.json").exists());
}

#[test]
fn configuration_reaches_waivers() {
    let dir = TempDir::new().unwrap();
    pushy_with(dir.path(), "allow = { TX001 = \"launch week only\" }");
    // With TX001 turned off the waiver has nothing to hide, but it is not
    // unused: the rule did not run.
    let mut cmd = planlint(dir.path());
    cmd.args([
        "check",
        "--format",
        "json",
        "--ignore",
        "TX001",
        "p.plan.toml",
    ]);
    let report: Value = serde_json::from_str(&run(&mut cmd, 0).0).unwrap();
    assert_eq!(findings(&report), Vec::<String>::new());
    // A waiver finding takes the severity the configuration gives its rule.
    pushy_with(dir.path(), "allow = { TX001 = \"\" }");
    let mut cmd = planlint(dir.path());
    cmd.args([
        "check",
        "--format",
        "json",
        "--severity",
        "PLAN005=warning",
        "p.plan.toml",
    ]);
    let report: Value = serde_json::from_str(&run(&mut cmd, 1).0).unwrap();
    let plan005 = &report["findings"][0];
    assert_eq!(
        (plan005["code"].as_str(), plan005["severity"].as_str()),
        (Some("PLAN005"), Some("warning"))
    );
}

/// A baseline that cannot be used stops the run before any report is
/// written, in every format, as a broken configuration does.
#[test]
fn a_baseline_that_cannot_be_used_stops_the_run_before_any_report() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    fs::write(root.join("p.plan.toml"), fs::read_to_string(PUSHY).unwrap()).unwrap();
    let entry = |count: &str| {
        format!(
            "{{\"version\": 1, \"findings\": [{{\"file\": \"p.plan.toml\", \"code\": \"TX001\", \
             \"subject\": \"touchpoint.box-sign-up\", \"count\": {count}}}]}}"
        )
    };
    let absurd = |count: &str| {
        format!(
            "planlint: error: b.json: entry 1 of `findings` (p.plan.toml, TX001, \
             touchpoint.box-sign-up) has count {count}; a count is a whole number from 1 to \
             1000000; fix it or rewrite the baseline with --write-baseline\n"
        )
    };
    let big = format!(
        "{{\"version\": 1, \"findings\": []}}{}",
        " ".repeat(16 * 1024 * 1024)
    );
    let mut cases = vec![
        (entry("0"), absurd("0")),
        (entry("1000001"), absurd("1000001")),
        (
            big,
            "planlint: error: cannot read the baseline b.json: is larger than 16 MB; a baseline \
             of a plan repository is far smaller; check that this is the baseline\n"
                .to_owned(),
        ),
    ];
    if cfg!(target_os = "linux") {
        cases.push((
            String::new(),
            "planlint: error: cannot read the baseline /dev/zero: is a device, not a regular \
             file; planlint reads only regular files\n"
                .to_owned(),
        ));
    }
    for (text, expected) in cases {
        let path = if text.is_empty() {
            "/dev/zero"
        } else {
            fs::write(root.join("b.json"), &text).unwrap();
            "b.json"
        };
        for format in ["json", "table", "sarif"] {
            let args = [
                "check",
                "p.plan.toml",
                "--baseline",
                path,
                "--format",
                format,
            ];
            assert_eq!(
                run(planlint(root).args(args), 2),
                (String::new(), expected.clone())
            );
        }
    }
    fs::write(root.join("b.json"), entry("1")).unwrap();
    let args = [
        "check",
        "p.plan.toml",
        "--baseline",
        "b.json",
        "--format",
        "json",
    ];
    let report: Value = serde_json::from_str(&run(planlint(root).args(args), 0).0).unwrap();
    assert_eq!(report["summary"]["in_baseline"], 1);
}

#[cfg(unix)]
#[test]
fn a_fifo_as_baseline_ends_the_run_at_once() {
    use std::time::Duration;
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    fs::write(root.join("p.plan.toml"), fs::read_to_string(PUSHY).unwrap()).unwrap();
    let status = Command::new("mkfifo")
        .arg(root.join("b.json"))
        .status()
        .unwrap();
    assert!(status.success());
    let mut cmd = planlint(root);
    cmd.args(["check", "p.plan.toml", "--baseline", "b.json"]);
    assert_cmd::Command::from_std(cmd)
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "planlint: error: cannot read the baseline b.json: is a named pipe (FIFO), not a \
             regular file; planlint reads only regular files\n",
        );
}

#[test]
fn baseline_entries_match_however_their_path_is_written() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("plans")).unwrap();
    fs::write(
        root.join("plans/p.plan.toml"),
        fs::read_to_string(PUSHY).unwrap(),
    )
    .unwrap();
    // `./` and `x/..` are folded away; `../` stays, for plans beside the
    // baseline's folder.
    let baseline = r#"{"version": 1, "findings": [
        {"file": "../plans/./x/../p.plan.toml", "code": "TX001", "subject": "touchpoint.box-sign-up", "count": 1},
        {"file": "./../plans/p.plan.toml", "code": "WHY001", "subject": "why", "count": 1}]}"#;
    fs::create_dir_all(root.join("ci")).unwrap();
    fs::write(root.join("ci/baseline.json"), baseline).unwrap();
    let args = [
        "check",
        "plans",
        "--baseline",
        "ci/baseline.json",
        "--format",
        "json",
    ];
    let (out, err) = run(planlint(root).args(args), 0);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["summary"]["in_baseline"], 1);
    assert_eq!(report["summary"]["stale_baseline"], 1);
    assert_eq!(
        err,
        "planlint: 1 baseline entry of ci/baseline.json no longer matches a finding; \
         rewrite it with --write-baseline\n"
    );
}
