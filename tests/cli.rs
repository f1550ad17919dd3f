//! End-to-end tests of the `planlint` binary that a snapshot cannot say.
//!
//! A case whose whole output (stdout, stderr, exit code) is the contract is a
//! file under `tests/cmd/`, run by `tests/cmd.rs`: the examples checked, bad
//! plans and CSVs, missing paths and feedback, usage errors, `rules` and
//! `explain`. What stays here is what a snapshot cannot hold: properties of
//! JSON reports (sums, counts, equal parts), tables of exit codes over options,
//! inputs made in code (thousands of rows, plans copied from the examples),
//! which plans a folder search finds (only the JSON report lists them), what a
//! run writes to a file, and standard inputs that are no file (a FIFO, a
//! device, an endless line).

use std::fs;
use std::path::Path;

use assert_cmd::prelude::*;
use predicates::str::contains;
use tempfile::TempDir;

mod common;
use common::{planlint, stdout, write};

const CLEAN: &str = "examples/harbor-bikes/harbor-bikes.plan.toml";
const WEAK: &str = "examples/blitz-bikes/blitz-bikes.plan.toml";

/// Copies the careful example (plan and feedback) into `dir` as `name`.
fn copy_clean(dir: &Path, name: &str) {
    write(dir, name, &fs::read_to_string(CLEAN).unwrap());
    let feedback = Path::new(name).with_file_name("feedback.csv");
    write(
        dir,
        feedback.to_str().unwrap(),
        &fs::read_to_string("examples/harbor-bikes/feedback.csv").unwrap(),
    );
}

fn json(output: &[u8]) -> serde_json::Value {
    serde_json::from_slice(output).expect("output is JSON")
}

#[test]
fn json_output_follows_the_contract() {
    let output = stdout(planlint().args(["check", "--format", "json", WEAK]), 1);
    let v = json(&output);
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "planlint");
    assert_eq!(v["files"][0]["path"], WEAK);
    assert_eq!(v["files"][0]["name"], "Blitz Bikes FY2027");
    let first = &v["findings"][0];
    for key in [
        "code", "name", "severity", "file", "line", "column", "subject", "message", "help",
    ] {
        assert!(!first[key].is_null(), "finding lacks {key}: {first}");
    }
    let findings = v["findings"].as_array().unwrap();
    let warnings = findings
        .iter()
        .filter(|f| f["severity"] == "warning")
        .count();
    assert_eq!(v["summary"]["warning"], warnings);
    assert_eq!(v["summary"]["files"], 1);
}

#[test]
fn fail_on_sets_the_threshold() {
    // The weak example's only errors are its unreadable feedback rows (FB007).
    planlint()
        .args(["check", "--fail-on", "error", WEAK])
        .assert()
        .code(1);
    let dir = TempDir::new().unwrap();
    let without_feedback = fs::read_to_string(WEAK)
        .unwrap()
        .replace("feedback = \"feedback.csv\"", "");
    write(dir.path(), "weak.plan.toml", &without_feedback);
    let weak = dir.path().join("weak.plan.toml");
    let check = |fail_on: &str| {
        planlint()
            .arg("check")
            .arg(&weak)
            .args(["--fail-on", fail_on])
            .assert()
    };
    check("error").code(0);
    check("warning").code(1);
    planlint()
        .args(["check", "--fail-on", "never", WEAK])
        .assert()
        .code(0);
    planlint()
        .args(["check", "--fail-on", "info", CLEAN])
        .assert()
        .code(0);
}

#[test]
fn folders_are_searched_for_plans_skipping_hidden_and_target() {
    let dir = TempDir::new().unwrap();
    copy_clean(dir.path(), "a/one.plan.toml");
    copy_clean(dir.path(), "b/plan.toml");
    write(dir.path(), "b/notes.toml", "not = a plan");
    write(dir.path(), ".hidden/x.plan.toml", "broken = ");
    write(dir.path(), "target/x.plan.toml", "broken = ");
    let output = stdout(
        planlint()
            .current_dir(dir.path())
            .args(["check", "--format", "json"]),
        0,
    );
    let paths: Vec<_> = json(&output)["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(paths, ["a/one.plan.toml", "b/plan.toml"]);
}

#[test]
fn output_goes_to_a_file_with_o() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("report.json");
    planlint()
        .args(["check", "--format", "json", "-o"])
        .arg(&out)
        .arg(WEAK)
        .assert()
        .code(1)
        .stdout("");
    assert_eq!(json(&fs::read(out).unwrap())["version"], 1);
}

#[test]
fn rules_lists_the_whole_catalog_as_json() {
    let output = stdout(planlint().args(["rules", "--format", "json"]), 0);
    let rules = json(&output)["rules"].as_array().unwrap().clone();
    assert_eq!(rules.len(), planlint::rules::RULES.len());
    assert_eq!(rules[0]["code"], "PLAN001");
    assert_eq!(rules[0]["family"], "PLAN");
}

#[test]
fn the_json_scorecard_counts_the_plans_that_were_read() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "broken.plan.toml", "name = ");
    let output = stdout(
        planlint()
            .args(["check", "--format", "json", WEAK])
            .arg(dir.path().join("broken.plan.toml")),
        1,
    );
    let v = json(&output);
    let files = v["files"].as_array().unwrap();
    let file = |suffix: &str| {
        files
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(suffix))
            .unwrap()
    };
    let weak = &file("blitz-bikes.plan.toml")["scorecard"];
    assert_eq!(weak["TX"]["total"], 6);
    assert_eq!(weak["TX"]["passed"], 1);
    assert!(weak.get("PLAN").is_none(), "PLAN is not scored: {weak}");
    assert!(
        file("broken.plan.toml")["scorecard"].is_null(),
        "an unreadable plan is not scored"
    );
    assert_eq!(
        v["scorecard"], *weak,
        "the report's scorecard covers the plans that were read"
    );
}

const BLITZ_FEEDBACK: &str = "examples/blitz-bikes/feedback.csv";

#[test]
fn feedback_json_counts_every_record_as_analysed_or_rejected() {
    let output = stdout(
        planlint().args(["feedback", BLITZ_FEEDBACK, "--format", "json"]),
        0,
    );
    let v = json(&output);
    let records = csv::Reader::from_path(BLITZ_FEEDBACK)
        .unwrap()
        .into_byte_records()
        .count() as u64;
    let rejected = v["rejected"].as_array().unwrap();
    assert_eq!(v["rows"].as_u64().unwrap() + rejected.len() as u64, records);
    assert_eq!(v["rejected_total"].as_u64().unwrap(), rejected.len() as u64);
    assert_eq!(rejected[0]["line"], 23);
    assert!(
        rejected[0]["reason"]
            .as_str()
            .unwrap()
            .contains("not a number")
    );
    assert_eq!(v["scale"]["scale"], "nps");
}

#[test]
fn feedback_csv_keeps_rows_in_order_and_strips_escape_sequences() {
    let dir = TempDir::new().unwrap();
    let mut text = String::from("id,comment\n");
    for i in 0..3000 {
        text.push_str(&format!(
            "{i},\"Too many emails \u{1b}[31mnumber {i}\u{7}\"\n"
        ));
    }
    write(dir.path(), "f.csv", &text);
    let output = stdout(
        planlint()
            .arg("feedback")
            .arg(dir.path().join("f.csv"))
            .args(["--format", "csv"]),
        0,
    );
    let out = String::from_utf8(output).unwrap();
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{7}'),
        "escape sequences reached the output"
    );
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["id", "comment", "sentiment", "polarity", "themes"]
    );
    let ids: Vec<usize> = reader
        .records()
        .map(|r| r.unwrap()[0].parse().unwrap())
        .collect();
    assert_eq!(ids, (0..3000).collect::<Vec<_>>());
    let first = csv::Reader::from_reader(out.as_bytes())
        .records()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(&first[3], "negative");
    assert!(first[4].contains("contact fatigue"), "{first:?}");
}

#[test]
fn feedback_output_does_not_depend_on_thread_scheduling() {
    // Many batches, so that worker threads interleave differently run to run.
    let words = [
        "cargo bike",
        "cargo bikes",
        "too many emails",
        "late delivery",
        "great advice",
        "Stop texting",
    ];
    let mut text = String::from("segment,campaign,nps,comment\n");
    for i in 0..30_000 {
        let (a, b) = (words[i % 6], words[(i / 6) % 6]);
        text.push_str(&format!(
            "p{},t{},{},\"{a} and {b}, I wish you had {b}\"\n",
            i % 7,
            i % 5,
            i % 11
        ));
    }
    let dir = TempDir::new().unwrap();
    write(dir.path(), "f.csv", &text);
    let run = || {
        stdout(
            planlint()
                .arg("feedback")
                .arg(dir.path().join("f.csv"))
                .args(["--format", "json"]),
            0,
        )
    };
    let first = run();
    for _ in 0..4 {
        assert!(run() == first, "two runs gave different summaries");
    }
}

/// The binary with what a test gives it on standard input, and a timeout
/// that turns a hang into a failure.
fn planlint_with_stdin(input: impl Into<Vec<u8>>) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::from_std(planlint());
    cmd.write_stdin(input)
        .timeout(std::time::Duration::from_secs(60));
    cmd
}

#[test]
fn feedback_reads_standard_input_as_dash() {
    let csv = fs::read_to_string(BLITZ_FEEDBACK).unwrap();
    let output = planlint_with_stdin(csv)
        .args(["feedback", "-", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let from_stdin = json(&output);
    assert_eq!(from_stdin["file"], "<stdin>");
    let from_file = json(&stdout(
        planlint().args(["feedback", BLITZ_FEEDBACK, "--format", "json"]),
        0,
    ));
    assert_eq!(from_stdin["rows"], from_file["rows"]);
    assert_eq!(from_stdin["rejected"], from_file["rejected"]);
}

#[test]
fn check_reads_feedback_from_standard_input_once_for_every_plan() {
    let dir = TempDir::new().unwrap();
    let plan = fs::read_to_string(WEAK)
        .unwrap()
        .replace("feedback = \"feedback.csv\"", "");
    write(dir.path(), "a.plan.toml", &plan);
    write(dir.path(), "b.plan.toml", &plan);
    let mut csv = String::from("campaign,nps,comment\n");
    for _ in 0..6 {
        csv.push_str("daily-deal-sms,1,\"Stop texting me, too many texts\"\n");
    }
    let output = planlint_with_stdin(csv)
        .arg("check")
        .arg(dir.path())
        .args(["--feedback", "-", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report = json(&output);
    let fb001: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "FB001")
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(fb001.len(), 2, "both plans see the feedback: {fb001:?}");
}

#[cfg(unix)]
#[test]
fn feedback_refuses_a_fifo_or_a_device_without_waiting() {
    let dir = TempDir::new().unwrap();
    let fifo = dir.path().join("f.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for path in [fifo.as_path(), Path::new("/dev/zero")] {
        planlint_with_stdin("")
            .arg("feedback")
            .arg(path)
            .assert()
            .code(2)
            .stderr(contains("not a regular file"));
    }
}

#[cfg(unix)]
#[test]
fn an_endless_line_on_standard_input_stops_at_the_header_limit() {
    // assert_cmd gives a command a pipe for standard input, and its
    // timeout with it.
    let assert = std::process::Command::new("timeout")
        .arg("60")
        .arg(env!("CARGO_BIN_EXE_planlint"))
        .args(["feedback", "-"])
        .stdin(fs::File::open("/dev/zero").unwrap())
        .assert()
        .code(2);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(
        err,
        "planlint: error: <stdin>: the header line is longer than 64 KB; is this a CSV file?\n"
    );
}

#[test]
fn max_record_bytes_sets_the_longest_record_read() {
    let long = "x".repeat(2000);
    let csv = format!("comment,nps\nshort,9\n{long},8\nafter,7\n");
    let read = |limit: &str| {
        let output = planlint_with_stdin(csv.clone())
            .args([
                "feedback",
                "-",
                "--format",
                "json",
                "--max-record-bytes",
                limit,
            ])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        json(&output)
    };
    let limited = read("1K");
    assert_eq!(limited["rows"], 2);
    assert_eq!(limited["rejected"][0]["line"], 3);
    assert_eq!(
        limited["rejected"][0]["reason"],
        "record is longer than 1 KB; raise the limit with --max-record-bytes to read it"
    );
    for raised in ["2003", "2kb", "1MiB"] {
        assert_eq!(read(raised)["rows"], 3, "{raised}");
    }
    for bad in ["0", "1X", "K", "-5", "99999999999G"] {
        planlint()
            .args(["feedback", BLITZ_FEEDBACK])
            .arg(format!("--max-record-bytes={bad}"))
            .assert()
            .code(2)
            .stderr(contains("is not a size"));
    }
}
