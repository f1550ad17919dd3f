//! Summaries from the command line: `feedback --summary-out`, `merge`,
//! `feedback --summary` and `check --feedback-summary`. On one CSV the
//! summary gives byte for byte what the CSV gives; bad summaries are
//! refused with a clear error, never a panic, and never echoed.

use std::path::Path;

use assert_cmd::Command;

const SURVEY: &str = "examples/harbor-bikes/survey-2026.csv";
const FEEDBACK: &str = "examples/harbor-bikes/feedback.csv";
const PLAN: &str = "examples/harbor-bikes/harbor-bikes.plan.toml";
const YEAR: &str = "tests/fixtures-feedback/year.csv";
const YEAR_PLAN: &str = "tests/fixtures-feedback/year.plan.toml";
/// A summary of [`SURVEY`] in format version 1, kept: a change of the
/// format that still reads it gives the same analysis, or the test fails
/// and the version must change.
const KEPT: &str = "tests/summaries/harbor-survey-2026.summary";

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

fn planlint(args: &[&str]) -> Run {
    let output = Command::cargo_bin("planlint")
        .unwrap()
        // The board report's date, the same for every run.
        .env("PLANLINT_TODAY", "2026-12-01")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: output.stdout,
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn ok(args: &[&str]) -> Vec<u8> {
    let run = planlint(args);
    assert!(
        run.code == 0 || run.code == 1,
        "{args:?}: exit {}\n{}",
        run.code,
        run.stderr
    );
    run.stdout
}

fn summary_of(csv: &str, dir: &Path, name: &str) -> String {
    let out = dir.join(name).display().to_string();
    ok(&["feedback", csv, "--format", "json", "--summary-out", &out]);
    out
}

#[test]
fn one_csv_and_its_summary_give_the_same_findings_and_json() {
    let dir = tempfile::tempdir().unwrap();
    for (csv, plan) in [(SURVEY, PLAN), (FEEDBACK, PLAN), (YEAR, YEAR_PLAN)] {
        let summary = summary_of(csv, dir.path(), "s.summary");
        for format in ["json", "sarif", "table", "markdown"] {
            let from_csv = ok(&["check", plan, "--feedback", csv, "--format", format]);
            let from_summary = ok(&[
                "check",
                plan,
                "--feedback-summary",
                &summary,
                "--format",
                format,
            ]);
            assert_eq!(
                String::from_utf8_lossy(&from_summary),
                String::from_utf8_lossy(&from_csv),
                "{csv}, check --format {format}"
            );
        }
        let report = |flag: &str, input: &str, name: &str| {
            let page = dir.path().join(name);
            let page_arg = page.display().to_string();
            ok(&["report", plan, flag, input, "-o", &page_arg]);
            std::fs::read_to_string(&page).unwrap()
        };
        assert!(
            report("--feedback-summary", &summary, "b.html") == report("--feedback", csv, "a.html"),
            "{csv}: the board report"
        );
        for format in ["json", "table", "markdown"] {
            let with_plan = ["--plan", plan, "--format", format];
            let from_csv = ok(&[&["feedback", csv][..], &with_plan].concat());
            let from_summary = ok(&[&["feedback", "--summary", &summary][..], &with_plan].concat());
            assert_eq!(
                String::from_utf8_lossy(&from_summary),
                String::from_utf8_lossy(&from_csv),
                "{csv}, feedback --format {format}"
            );
        }
    }
}

#[test]
fn the_kept_version_1_summary_still_reads_as_its_csv() {
    let from_csv = ok(&["feedback", SURVEY, "--plan", PLAN, "--format", "json"]);
    let from_kept = ok(&[
        "feedback",
        "--summary",
        KEPT,
        "--plan",
        PLAN,
        "--format",
        "json",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&from_kept),
        String::from_utf8_lossy(&from_csv)
    );
}

#[test]
fn merged_summaries_do_not_depend_on_their_order() {
    let dir = tempfile::tempdir().unwrap();
    // Two exports alike: the survey's rows in two files.
    let survey = std::fs::read_to_string(SURVEY).unwrap();
    let (header, rows) = survey.split_once('\n').unwrap();
    let rows: Vec<&str> = rows.lines().collect();
    let (first, second) = rows.split_at(rows.len() / 2);
    let mut csvs = Vec::new();
    for (name, half) in [("first.csv", first), ("second.csv", second)] {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("{header}\n{}\n", half.join("\n"))).unwrap();
        csvs.push(path.display().to_string());
    }
    let a = summary_of(&csvs[0], dir.path(), "a.summary");
    let b = summary_of(&csvs[1], dir.path(), "b.summary");
    // Under one name: summaries of two files are named by the merged one.
    let ab = dir.path().join("merged.summary").display().to_string();
    ok(&["merge", &b, &a, "-o", &ab]);
    let ba_bytes = std::fs::read(&ab).unwrap();
    ok(&["merge", &a, &b, "-o", &ab]);
    let ab_bytes = std::fs::read(&ab).unwrap();
    assert!(
        ab_bytes == ba_bytes,
        "merging in either order gives the same bytes"
    );
    let json = ok(&["feedback", "--summary", &ab, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let rows = |csv: &str| {
        let one: serde_json::Value =
            serde_json::from_slice(&ok(&["feedback", csv, "--format", "json"])).unwrap();
        one["rows"].as_u64().unwrap()
    };
    assert_eq!(
        json["rows"].as_u64().unwrap(),
        rows(&csvs[0]) + rows(&csvs[1])
    );
    assert_eq!(json["rows"].as_u64().unwrap(), rows(SURVEY));
    let refused = planlint(&[
        "merge",
        &a,
        KEPT,
        &summary_of(FEEDBACK, dir.path(), "f.summary"),
        "-o",
        &ab,
    ]);
    assert_eq!(refused.code, 2);
    assert!(
        refused
            .stderr
            .contains("date column that the other has not"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        json["file"], ab,
        "summaries of two files are named by the merged summary"
    );
}

/// Refused with exit 2 and a message naming the file and what to do.
fn refused(args: &[&str], says: &str) {
    let run = planlint(args);
    assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
    assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn bad_summaries_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(KEPT).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    };
    // A CSV is no summary, and none of its text is shown.
    refused(&["feedback", "--summary", SURVEY], "not a planlint summary");
    let mut other_version = good.clone();
    other_version[16] = 2;
    let path = write("v2.summary", &other_version);
    refused(
        &["feedback", "--summary", &path],
        "a summary of format version 2, and this planlint reads version 1",
    );
    let mut other_keys = good.clone();
    other_keys[20] ^= 1;
    let path = write("keys.summary", &other_keys);
    refused(&["feedback", "--summary", &path], "theme keys differ");
    for cut in [19, 28, 29, 100, good.len() / 2, good.len() - 1] {
        let path = write("cut.summary", &good[..cut]);
        refused(&["feedback", "--summary", &path], "a damaged summary");
        refused(
            &["check", PLAN, "--feedback-summary", &path],
            "a damaged summary",
        );
    }
    let mut longer = good.clone();
    longer.push(0);
    let path = write("long.summary", &longer);
    refused(&["feedback", "--summary", &path], "bytes follow its body");
    // A body whose first length claims far more than the file holds.
    let mut hostile = good[..28].to_vec();
    hostile.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
    let path = write("hostile.summary", &hostile);
    refused(&["feedback", "--summary", &path], "a damaged summary");
    // A list whose length claims more than the analysis keeps, followed by
    // as many one-byte items: refused at its length, before it is read.
    let mut bomb = good[..28].to_vec();
    bomb.push(0); // the feedback's name: empty
    bomb.extend([0x80, 0x80, 0x80, 0x01]); // 2,097,152 headers...
    bomb.extend(std::iter::repeat_n(0u8, 2_097_152)); // ...each empty
    let bomb = write("bomb.summary", &bomb);
    refused(
        &["feedback", "--summary", &bomb],
        "a list longer than the analysis keeps",
    );
    refused(
        &["merge", KEPT, &path, "-o", "-"],
        "-o: a summary is a binary file",
    );
    let out = dir.path().join("m.summary").display().to_string();
    refused(&["merge", KEPT, &path, "-o", &out], "a damaged summary");
    assert!(!Path::new(&out).exists(), "nothing is written");
}

#[test]
fn summaries_are_not_overwritten_and_have_no_rows_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.summary");
    std::fs::copy(KEPT, &copy).unwrap();
    let copy = copy.display().to_string();
    refused(&["merge", KEPT, &copy, "-o", &copy], "-o");
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(KEPT).unwrap());
    refused(
        &["feedback", SURVEY, "--summary-out", SURVEY],
        "--summary-out",
    );
    refused(
        &["feedback", "--summary", KEPT, "--format", "csv"],
        "a summary has no rows",
    );
    refused(
        &["feedback", "--summary", KEPT, "--since", "2026-01-01"],
        "other --since and --until",
    );
    // Its dates like 03/04/2026 were kept unread: the order is given when
    // the summary is made.
    refused(
        &["feedback", "--summary", KEPT, "--date-format", "DD/MM/YYYY"],
        "other --date-format",
    );
    let twice = dir.path().join("twice.summary").display().to_string();
    refused(&["merge", KEPT, KEPT, "-o", &twice], "given twice");
    refused(
        &["feedback", "--summary", KEPT, "--text-column", "x"],
        "cannot be used with",
    );
}

#[test]
fn a_summary_keeps_the_period_and_long_headers_it_was_made_with() {
    let dir = tempfile::tempdir().unwrap();
    for period in ["week", "quarter"] {
        let out = dir.path().join(format!("{period}.summary"));
        let out = out.display().to_string();
        let made = [
            "--period",
            period,
            "--format",
            "json",
            "--summary-out",
            &out,
        ];
        let from_csv = ok(&[&["feedback", YEAR][..], &made].concat());
        let from_summary = ok(&["feedback", "--summary", &out, "--format", "json"]);
        assert_eq!(
            String::from_utf8_lossy(&from_summary),
            String::from_utf8_lossy(&from_csv),
            "--period {period}"
        );
        refused(
            &["feedback", "--summary", &out, "--period", "month"],
            "other --period",
        );
    }
    let long = "c".repeat(1_200);
    let csv = dir.path().join("long.csv");
    std::fs::write(&csv, format!("comment,{long}\nGreat service,1\n")).unwrap();
    let csv = csv.display().to_string();
    let out = dir.path().join("long.summary").display().to_string();
    let from_csv = ok(&["feedback", &csv, "--format", "json", "--summary-out", &out]);
    assert_eq!(
        ok(&["feedback", "--summary", &out, "--format", "json"]),
        from_csv
    );
}
