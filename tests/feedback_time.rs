//! The customer's voice over time: a generated year of feedback
//! (`gen_feedback --scenario year`, see examples/gen_feedback.rs) in which
//! one touchpoint's NPS falls in the last quarter, one channel draws
//! complaints, one theme drags the NPS down, and one persona has a low NPS
//! from 8 scores that is noise. Each effect must be found, and the noise
//! must not be.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const PLAN: &str = "tests/fixtures-feedback/year.plan.toml";
const FEEDBACK: &str = "tests/fixtures-feedback/year.csv";

fn planlint(args: &[&str]) -> Value {
    let output = Command::cargo_bin("planlint")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn findings() -> Vec<(String, String, String)> {
    let report = planlint(&["check", PLAN, "--format", "json"]);
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["subject"].as_str().unwrap().to_owned(),
                f["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn each_planted_effect_is_found_and_the_noise_is_not() {
    assert!(Path::new(FEEDBACK).exists());
    let found = findings();
    let codes: Vec<(&str, &str)> = found
        .iter()
        .map(|(c, s, _)| (c.as_str(), s.as_str()))
        .collect();
    assert!(
        codes.contains(&("FB008", "touchpoint.delivery-update")),
        "{found:#?}"
    );
    let fall = &found.iter().find(|(c, ..)| c == "FB008").unwrap().2;
    assert!(
        fall.contains("in 2026-01") && fall.contains("in 2026-12"),
        "{fall}"
    );
    assert!(fall.contains("95% CI"), "{fall}");
    let channel = found.iter().find(|(c, ..)| c == "FB009");
    assert!(
        channel.is_some_and(|(_, _, m)| m.starts_with("channel \"sms\"")),
        "{found:#?}"
    );
    assert!(
        !found.iter().any(|(_, s, _)| s == "persona.night-shift"),
        "8 scores with an NPS of -25 are noise: {found:#?}"
    );
    // Only delivery-update's own low year besides: nothing else.
    assert_eq!(found.len(), 3, "{found:#?}");
}

#[test]
fn the_summary_has_periods_channels_and_theme_impact() {
    let s = planlint(&["feedback", FEEDBACK, "--plan", PLAN, "--format", "json"]);
    assert_eq!(s["dates"]["period"], "month");
    assert_eq!(s["dates"]["period_source"], "span");
    assert_eq!(s["dates"]["first"], "2026-01-01");
    assert_eq!(s["dates"]["undated_total"], 0);
    let periods = s["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 12);
    let rows: u64 = periods.iter().map(|p| p["rows"].as_u64().unwrap()).sum();
    assert_eq!(
        rows,
        s["rows"].as_u64().unwrap(),
        "every dated row is in a period"
    );
    let nps = &periods[0]["nps"];
    assert!(nps["interval"]["low"].as_f64() < nps["nps"].as_f64());
    let sms = s["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "sms")
        .unwrap();
    assert_eq!(sms["plan_id"], "sms");
    assert!(sms["negative_share"].as_f64().unwrap() > 0.5);
    let impact = s["theme_impact"].as_array().unwrap();
    let late = impact
        .iter()
        .find(|t| t["theme"] == "late delivery")
        .unwrap();
    assert!(late["impact"].as_f64().unwrap() < -10.0, "{late}");
    assert_eq!(late["significant"], true);
    let top = impact[0]["impact"].as_f64().unwrap().abs();
    assert!(
        impact
            .iter()
            .all(|t| t["impact"].as_f64().unwrap().abs() <= top)
    );
    let touchpoint = s["touchpoints"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "delivery-update")
        .unwrap();
    assert_eq!(touchpoint["periods"].as_array().unwrap().len(), 12);
    assert_eq!(touchpoint["trend"]["beyond_noise"], true, "{touchpoint}");
    assert!(touchpoint["trend"]["change"].as_f64().unwrap() < -30.0);
    let noise: Vec<&Value> = ["personas", "touchpoints", "channels"]
        .iter()
        .flat_map(|kind| s[kind].as_array().unwrap())
        .filter(|g| g["trend"]["beyond_noise"] == true)
        .collect();
    assert_eq!(
        noise.len(),
        1,
        "only the planted fall is beyond noise: {noise:#?}"
    );
}

fn feedback_json(csv: &str, extra: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f.csv");
    std::fs::write(&file, csv).unwrap();
    let mut args = vec!["feedback", file.to_str().unwrap(), "--format", "json"];
    args.extend_from_slice(extra);
    planlint(&args)
}

#[test]
fn undated_rows_are_analysed_and_counted_with_their_reason() {
    let s = feedback_json(
        "date,score,comment\n2026-03-01,9,great\n,3,bad\nyesterday,8,fine\n2026-02-30,7,ok\n2026-03,10,super\n",
        &["--period", "week"],
    );
    assert_eq!(s["rows"], 5, "every row is analysed");
    assert_eq!(s["dates"]["undated_total"], 4);
    let reasons: Vec<&str> = s["dates"]["undated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(
        reasons.iter().any(|r| r.contains("month without a day")),
        "{reasons:?}"
    );
    assert_eq!(s["periods"].as_array().unwrap().len(), 1);
}

#[test]
fn the_order_of_day_and_month_comes_from_the_file_or_the_option() {
    let csv = "date,score,comment\n03/04/2026,9,a\n25/04/2026,3,b\n";
    let s = feedback_json(csv, &[]);
    assert_eq!(s["dates"]["order"], "DD/MM/YYYY");
    assert_eq!(s["dates"]["order_source"], "evidence");
    assert_eq!(s["periods"][0]["period"], "2026-W14");
    let ambiguous = feedback_json("date,score,comment\n03/04/2026,9,a\n", &[]);
    assert_eq!(ambiguous["dates"]["order_source"], "assumed");
    let us = feedback_json(
        "date,score,comment\n03/04/2026,9,a\n",
        &["--date-format", "MM/DD/YYYY"],
    );
    assert_eq!(us["dates"]["first"], "2026-03-04");
    assert_eq!(us["dates"]["order_source"], "option");
}

#[test]
fn since_and_until_leave_rows_out_and_count_them() {
    let csv = "date,score,comment\n2026-01-05,9,a\n2026-02-05,3,b\n2026-03-05,8,c\nsoon,8,d\n";
    let s = feedback_json(csv, &["--since", "2026-02-01", "--until", "2026-02-28"]);
    assert_eq!(s["rows"], 1);
    assert_eq!(s["dates"]["outside_window"], 3);
    let without = Command::cargo_bin("planlint")
        .unwrap()
        .args(["feedback", "-", "--since", "2026-02-01"])
        .write_stdin("score,comment\n9,a\n")
        .output()
        .unwrap();
    assert_eq!(without.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&without.stderr).contains("need a date column"));
}

#[test]
fn an_unmet_want_says_how_it_moves_over_time() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("f.csv");
    std::fs::write(
        &csv,
        "date,comment\n2026-01-05,I wish you sold oat milk\n2026-11-05,Please add oat milk\n\
         2026-12-01,Would love oat milk\n2026-12-20,any chance of oat milk?\n2026-03-03,great shop\n",
    )
    .unwrap();
    let plan = "tests/fixtures/FB002/passes.plan.toml";
    let report = planlint(&[
        "check",
        plan,
        "--feedback",
        csv.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let want = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "FB002")
        .expect("oat milk is an unmet want");
    let message = want["message"].as_str().unwrap();
    assert!(
        message.contains("\"oat milk\" in 4 comments (3 of the 4 with a date in 2026-Q4"),
        "{message}"
    );
}

/// `--format markdown`: the summary's sections under headings, and text
/// from the file kept inside its cell whatever it holds.
#[test]
fn the_markdown_summary_has_the_sections_and_keeps_text_in_its_cells() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("f.csv");
    std::fs::write(
        &csv,
        "date,channel,persona,score,comment\n\
         2026-01-05,sms,a|b <script>,2,\"Awful | [link](http://x) **bold** delivery\"\n\
         2026-02-05,email,a|b <script>,9,Lovely delivery\n",
    )
    .unwrap();
    let output = Command::cargo_bin("planlint")
        .unwrap()
        .args(["feedback", csv.to_str().unwrap(), "--format", "markdown"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let out = String::from_utf8(output.stdout).unwrap();
    for heading in ["### By period", "### Personas", "### Channels"] {
        assert!(out.contains(heading), "{heading} missing:\n{out}");
    }
    let row = out
        .lines()
        .find(|l| l.starts_with("| a"))
        .expect("the persona's row");
    assert_eq!(row.matches(" | ").count(), 7, "{row}");
    assert!(!out.contains("<script>"), "{out}");
    assert!(
        out.contains(r"\[link\](http://x)"),
        "a link is no link: {out}"
    );
}

/// Found by review: a file of months only is cut into months, not weeks in
/// which every row would be undated.
#[test]
fn a_file_of_months_is_cut_into_months() {
    let s = feedback_json(
        "date,score,comment\n2026-01,9,a\n2026-02,3,b\n2026-03,8,c\n",
        &[],
    );
    assert_eq!(s["dates"]["period"], "month");
    assert_eq!(s["dates"]["last"], "2026-03-31");
    assert_eq!(s["dates"]["undated_total"], 0);
    assert_eq!(s["periods"].as_array().unwrap().len(), 3);
}

/// Found by review: a window cannot place `03/04/2026` without
/// `--date-format`, and says so rather than leave rows out.
#[test]
fn a_window_over_ambiguous_dates_asks_for_the_date_format() {
    let output = Command::cargo_bin("planlint")
        .unwrap()
        .args(["feedback", "-", "--since", "2026-01-01"])
        .write_stdin("date,comment\n25/03/2026,a\n03/04/2026,b\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--date-format") && stderr.contains("line 3"),
        "{stderr}"
    );
    let s = Command::cargo_bin("planlint")
        .unwrap()
        .args([
            "feedback",
            "-",
            "--since",
            "2026-04-01",
            "--date-format",
            "DD/MM/YYYY",
        ])
        .args(["--format", "json"])
        .write_stdin("date,comment\n25/03/2026,a\n03/04/2026,b\n")
        .output()
        .unwrap();
    let s: Value = serde_json::from_slice(&s.stdout).unwrap();
    assert_eq!(
        (s["rows"].as_u64(), s["dates"]["outside_window"].as_u64()),
        (Some(1), Some(1))
    );
}

/// Found by review: a plan item written two ways in a file analysed by
/// week keeps its weeks when the two spellings are counted together.
#[test]
fn two_spellings_of_an_item_keep_their_weeks() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("date,persona,score,comment\n");
    for day in 0..120 {
        let name = if day % 2 == 0 {
            "night-shift"
        } else {
            "Night-shift worker"
        };
        let (month, dom) = (1 + day / 28, 1 + day % 28);
        csv.push_str(&format!("2026-{month:02}-{dom:02},{name},9,fine\n"));
    }
    let file = dir.path().join("f.csv");
    std::fs::write(&file, csv).unwrap();
    let s = planlint(&[
        "feedback",
        file.to_str().unwrap(),
        "--plan",
        PLAN,
        "--period",
        "week",
        "--format",
        "json",
    ]);
    let persona = &s["personas"][0];
    assert_eq!(persona["plan_id"], "night-shift");
    assert_eq!(persona["rows"], 120);
    let weeks = persona["periods"].as_array().unwrap();
    let rows: u64 = weeks.iter().map(|w| w["rows"].as_u64().unwrap()).sum();
    assert_eq!(rows, 120, "{persona}");
}

/// A year of `DD/MM/YYYY` dates gives the same periods as the same year in
/// ISO dates, though its order is known only at the end.
#[test]
fn slash_dates_give_the_periods_iso_dates_give() {
    let (mut iso, mut slash) = (
        String::from("date,persona,score,comment\n"),
        String::from("date,persona,score,comment\n"),
    );
    for i in 0..400u32 {
        let (month, day) = (1 + (i / 28) % 12, 1 + i % 28);
        let persona = ["a", "b"][i as usize % 2];
        let score = i % 11;
        iso.push_str(&format!("2026-{month:02}-{day:02},{persona},{score},ok\n"));
        slash.push_str(&format!("{day:02}/{month:02}/2026,{persona},{score},ok\n"));
    }
    let a = feedback_json(&iso, &[]);
    let b = feedback_json(&slash, &[]);
    assert_eq!(b["dates"]["order"], "DD/MM/YYYY");
    assert_eq!(a["periods"], b["periods"]);
    assert_eq!(a["personas"], b["personas"]);
}
