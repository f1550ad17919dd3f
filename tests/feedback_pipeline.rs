//! Feedback analyses share one pool of threads, however many plans name
//! feedback files: checking a folder of plans, each with a file of its own
//! (and two plans with the same file), must find what checking each plan
//! alone finds.

use std::fs;

use tempfile::TempDir;

mod common;
use common::{planlint, stdout, write};

const WEAK: &str = "examples/blitz-bikes/blitz-bikes.plan.toml";
const WEAK_FEEDBACK: &str = "examples/blitz-bikes/feedback.csv";

/// The findings of `planlint check` on `paths`, as JSON, in one list.
fn findings(paths: &[String]) -> Vec<serde_json::Value> {
    let output = stdout(
        planlint()
            .arg("check")
            .args(paths)
            .args(["--format", "json", "--fail-on", "never"]),
        0,
    );
    let report: serde_json::Value = serde_json::from_slice(&output).expect("output is JSON");
    report["findings"].as_array().unwrap().clone()
}

#[test]
fn plans_checked_together_see_their_feedback_as_when_checked_alone() {
    let dir = TempDir::new().unwrap();
    let plan = fs::read_to_string(WEAK).unwrap();
    let example = fs::read_to_string(WEAK_FEEDBACK).unwrap();
    let mut lines = example.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.collect();
    let mut plans = Vec::new();
    for n in 0..4 {
        // Files of different lengths and mixes, of several batches each.
        let mut csv = format!("{header}\n");
        for i in 0..9_000 + n * 3_000 {
            csv.push_str(rows[(i * (n + 1) + i / 7) % rows.len()]);
            csv.push('\n');
        }
        write(dir.path(), &format!("p{n}/feedback.csv"), &csv);
        write(dir.path(), &format!("p{n}/a.plan.toml"), &plan);
        plans.push(format!("p{n}/a.plan.toml"));
    }
    write(dir.path(), "p0/b.plan.toml", &plan);
    plans.push("p0/b.plan.toml".to_owned());
    let path = |plan: &str| dir.path().join(plan).display().to_string();

    let together = findings(&[dir.path().display().to_string()]);
    let alone: Vec<_> = plans.iter().flat_map(|p| findings(&[path(p)])).collect();

    let fb = |all: &[serde_json::Value]| -> Vec<String> {
        let mut fb: Vec<String> = all
            .iter()
            .filter(|f| f["code"].as_str().unwrap().starts_with("FB"))
            .map(|f| f.to_string())
            .collect();
        fb.sort();
        fb
    };
    assert!(
        fb(&together).len() >= 5 * 5,
        "every plan has FB findings: {together:?}"
    );
    assert_eq!(fb(&together), fb(&alone));
}
