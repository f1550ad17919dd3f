//! End-to-end tests of `planlint report`, the board report: one HTML page
//! that needs nothing from outside, is the same for the same input, shows
//! the sections a board reads, and keeps untrusted text from becoming
//! markup.

use std::fs;
use std::path::Path;

use assert_cmd::prelude::*;
use tempfile::TempDir;

mod common;
use common::{planlint, stdout, write};

#[path = "../fuzz/harness.rs"]
mod harness;
use harness::assert_self_contained;

const WEAK: &str = "examples/blitz-bikes";
const CAREFUL: &str = "examples/harbor-bikes";

/// `planlint report ARGS -o -` with a fixed date: the page.
fn page(args: &[&str]) -> String {
    let out = stdout(
        planlint()
            .env("PLANLINT_TODAY", "2027-01-01")
            .arg("report")
            .args(args)
            .args(["-o", "-"]),
        0,
    );
    String::from_utf8(out).expect("the page is UTF-8")
}

#[test]
fn the_weak_example_gets_every_section_a_board_reads() {
    let page = page(&[WEAK]);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_self_contained(&page);
    for expected in [
        "<title>Blitz Bikes FY2027: board report</title>",
        "Not ready: 1 error, 37 warnings, 5 info. Fix the errors first.",
        "2027-01-01 by planlint",
        "Executive summary",
        "Fix these first",
        "The golden circle",
        "Goals",
        "The customer journey",
        "Contacts a week, by persona",
        "Personas",
        "Bargain hunter",
        "The customer's voice",
        "NPS by persona",
        "All findings",
        "WHY002",
        "FB007",
    ] {
        assert!(page.contains(expected), "no {expected:?} in the page");
    }
    // The error leads "fix these first".
    let fix = &page[page.find("Fix these first").unwrap()..];
    let first = &fix[fix.find("<li>").unwrap()..fix.find("</li>").unwrap()];
    assert!(first.contains("FB007"), "{first}");
    // Every chart is an image with a title and a description.
    let charts = page.matches("<svg").count();
    assert!(charts >= 4, "{charts} charts");
    assert_eq!(page.matches("role=\"img\"").count(), charts);
    assert_eq!(page.matches("<title id=").count(), charts);
    assert_eq!(page.matches("<desc id=").count(), charts);
    assert!(page.len() < 500_000, "{} bytes", page.len());
}

#[test]
fn a_careful_plan_holds_together() {
    let page = page(&[CAREFUL]);
    assert_self_contained(&page);
    assert!(page.contains("Holds together"), "{page}");
    assert!(!page.contains("Fix these first"));
    assert!(page.len() < 500_000);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    assert_eq!(page(&[WEAK, CAREFUL]), page(&[WEAK, CAREFUL]));
}

#[test]
fn several_plans_are_compared_first() {
    let page = page(&[WEAK, CAREFUL]);
    let compared = page.find("The plans compared").expect("a comparison table");
    let weak = page.find("<h1>Blitz Bikes FY2027</h1>").unwrap();
    assert!(compared < weak);
    assert!(page.contains("<title>2 plans: board report</title>"));
}

#[test]
fn the_page_is_written_to_planlint_report_html_and_never_over_an_input() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "plan.toml",
        "name = \"Small\"\n\n[why]\nstatement = \"We help people ride.\"\n",
    );
    let run = |args: &[&str], code| {
        planlint()
            .current_dir(dir.path())
            .arg("report")
            .args(args)
            .assert()
            .code(code)
            .get_output()
            .clone()
    };
    let out = run(&["plan.toml"], 0);
    assert!(out.stdout.is_empty());
    let written = fs::read_to_string(dir.path().join("planlint-report.html")).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>"));
    let before = fs::read(dir.path().join("plan.toml")).unwrap();
    let out = run(&["plan.toml", "-o", "plan.toml"], 2);
    assert!(!out.stderr.is_empty());
    assert_eq!(fs::read(dir.path().join("plan.toml")).unwrap(), before);
}

/// Names, statements and comments that carry markup, script, links,
/// terminal escapes and bidirectional overrides stay text.
#[test]
fn hostile_text_never_becomes_markup() {
    let dir = TempDir::new().unwrap();
    let hostile = "<script>alert(1)</script>\\\"><img src=x onerror=alert(1)> javascript:alert(1) \\u001b[31mred\\u001b[0m \\u202eevil";
    let plan = format!(
        r#"name = "{hostile}"
owner = "{hostile}"
feedback = "feedback.csv"

[why]
statement = "{hostile}"

[[goal]]
id = "g"
title = "{hostile}"
metric = "{hostile}"

[[persona]]
id = "p"
name = "{hostile}"
wants = ["{hostile}"]

[[touchpoint]]
id = "t"
name = "{hostile}"
stage = "awareness"
personas = ["p"]
message = "{hostile}"
"#
    );
    write(dir.path(), "plan.toml", &plan);
    let mut csv = String::from("persona,touchpoint,channel,score,comment\n");
    for i in 0..40 {
        csv.push_str(&format!(
            "p,t,\"<b>x</b>{i}\",{},\"<script>alert({i})</script> awful \u{1b}[31m \u{202e} javascript:x\"\n",
            i % 11
        ));
    }
    write(dir.path(), "feedback.csv", &csv);
    let out = stdout(
        planlint()
            .current_dir(dir.path())
            .args(["report", "plan.toml", "-o", "-"]),
        0,
    );
    let page = String::from_utf8(out).unwrap();
    assert_self_contained(&page);
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "escaped, shown"
    );
    assert!(!page.contains('\u{1b}'), "no terminal escape");
    assert!(!page.contains('\u{202e}'), "no bidirectional override");
    assert!(
        page.contains("&lt;U+202E&gt;"),
        "the override shown as such"
    );
    assert!(!page.contains("<b>x</b>"));
    // The page is still one well-formed document with one title.
    assert_eq!(page.matches("<title>").count(), 1);
    assert_eq!(page.matches("</html>").count(), 1);
}

/// The report is a view of `check`: the findings it lists are those of
/// `check --format json`, no more and no fewer.
#[test]
fn the_report_lists_the_findings_check_reports() {
    let json = stdout(planlint().args(["check", WEAK, "--format", "json"]), 1);
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let page = page(&[WEAK]);
    let all = &page[page.find("<h2>All findings</h2>").unwrap()..];
    let rows = all.matches("<td><code>").count();
    assert_eq!(rows, findings.len());
    for f in findings {
        let code = f["code"].as_str().unwrap();
        assert!(all.contains(&format!("<code>{code}</code>")), "{code}");
    }
    assert!(Path::new(WEAK).is_dir());
}

/// The weak example as the last plan, and today's plan with a HOW (fixing
/// WHY003) and a new goal without a metric (a new GOAL001), in a folder.
fn then_and_now() -> TempDir {
    let dir = TempDir::new().unwrap();
    let old = fs::read_to_string("examples/blitz-bikes/blitz-bikes.plan.toml").unwrap();
    fs::copy(
        "examples/blitz-bikes/feedback.csv",
        dir.path().join("feedback.csv"),
    )
    .unwrap();
    write(dir.path(), "old/blitz.plan.toml", &old);
    fs::copy(
        "examples/blitz-bikes/feedback.csv",
        dir.path().join("old/feedback.csv"),
    )
    .unwrap();
    let now = old.replacen(
        "[why]",
        "[how]\nstatement = \"Honest advice and a workshop that keeps every bike riding.\"\n\n[why]",
        1,
    ) + "\n[[goal]]\nid = \"new-goal\"\ntitle = \"Something new\"\nkind = \"revenue\"\n";
    write(dir.path(), "blitz.plan.toml", &now);
    dir
}

/// "Since the last plan" counts the findings fixed and new by rule and
/// subject, from the old plan or from a baseline recorded for it.
#[test]
fn since_the_last_plan_names_what_was_fixed_and_what_is_new() {
    let dir = then_and_now();
    let report = |args: &[&str]| {
        let out = stdout(
            planlint()
                .current_dir(dir.path())
                .env("PLANLINT_TODAY", "2027-01-01")
                .arg("report")
                .arg("blitz.plan.toml")
                .args(args)
                .args(["-o", "-"]),
            0,
        );
        String::from_utf8(out).unwrap()
    };
    let from_plan = report(&["--previous", "old/blitz.plan.toml"]);
    let since = |page: &str| {
        let at = page
            .find("<h2>Since the last plan</h2>")
            .expect("the section");
        page[at..at + page[at..].find("</section>").unwrap()].to_owned()
    };
    let section = since(&from_plan);
    assert!(
        section.contains("Compared with old/blitz.plan.toml"),
        "{section}"
    );
    let fixed = &section[section.find("<h3>Fixed</h3>").unwrap()..];
    assert!(fixed.contains("<code>WHY003</code>"), "{section}");
    let new = &section[section.find("<h3>New</h3>").unwrap()..];
    assert!(
        new.contains("<code>GOAL001</code>") && new.contains("new-goal"),
        "{section}"
    );
    assert!(
        !new.contains("WHY002"),
        "an old finding is not new: {section}"
    );

    stdout(
        planlint().current_dir(dir.path()).args([
            "check",
            "old/blitz.plan.toml",
            "--write-baseline",
            "last.json",
        ]),
        0,
    );
    // The baseline records paths relative to itself: the old plan's. Today's
    // plan is compared with the entries recorded for its own path.
    let recorded = fs::read_to_string(dir.path().join("last.json")).unwrap();
    fs::write(
        dir.path().join("last.json"),
        recorded.replace("old/blitz.plan.toml", "blitz.plan.toml"),
    )
    .unwrap();
    let from_baseline = since(&report(&["--previous-baseline", "last.json"]));
    let counts = |s: &str| s[s.find(": ").unwrap()..s.find(" new.").unwrap()].to_owned();
    assert_eq!(counts(&from_baseline), counts(&section));
    assert!(from_baseline.contains("Compared with the baseline"));
}

#[test]
fn previous_compares_one_plan() {
    let out = planlint()
        .args(["report", WEAK, CAREFUL, "--previous", WEAK, "-o", "-"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--previous compares one plan"), "{err}");
}

/// Found by review: the codes a baseline records reached the page as they
/// were, controls and all; and a feedback file that could not be read left
/// no trace on the page.
#[test]
fn a_hostile_baseline_and_an_unreadable_feedback_file_are_shown_safely() {
    let dir = then_and_now();
    let code = format!("WHY001\u{1b}[31m\u{202e}EVIL\u{7}{}", "X".repeat(100_000));
    let baseline = serde_json::json!({
        "version": 1,
        "findings": [{"file": "blitz.plan.toml", "code": code, "subject": "why\u{1b}]8;;x\u{7}", "count": 1}]
    });
    write(dir.path(), "last.json", &baseline.to_string());
    let out = stdout(
        planlint().current_dir(dir.path()).args([
            "report",
            "blitz.plan.toml",
            "--previous-baseline",
            "last.json",
            "--feedback",
            "missing.csv",
            "-o",
            "-",
        ]),
        2,
    );
    let page = String::from_utf8(out).unwrap();
    assert!(
        !page.contains(['\u{1b}', '\u{7}', '\u{202e}']),
        "no control reaches the page"
    );
    assert!(page.len() < 500_000, "cut: {} bytes", page.len());
    let unread = &page[page.find("<h2>Not in this report</h2>").expect("named")..];
    assert!(unread.contains("missing.csv"), "{unread}");
}

#[test]
fn previous_names_one_plan() {
    let out = planlint()
        .args(["report", WEAK, "--previous", "examples", "-o", "-"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("name the one plan to compare with"), "{err}");
}
