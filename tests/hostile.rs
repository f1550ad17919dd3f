//! End-to-end tests of hostile input: file names, plans and feedback that
//! try to reach a terminal, a CI log or a spreadsheet through planlint's
//! output. Every format must show them as inert text.

use tempfile::TempDir;

mod common;
use common::{planlint, stdout, write};

/// Cells a spreadsheet would run, and numbers that must stay numbers.
const FORMULAS: &str = "comment,nps,note\n\
    \"=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",2,-2\n\
    +cmd|' /C calc'!A0,3,@SUM(A1:A2)\n\
    \"\u{1b}[31m=1+1 awful, too many emails\",9,\"\t=2\"\n";

/// The scored CSV of [`FORMULAS`]: each row's comment, note and sentiment.
fn scored_csv(raw: bool) -> Vec<[String; 3]> {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "f.csv", FORMULAS);
    let mut cmd = planlint();
    cmd.arg("feedback")
        .arg(dir.path().join("f.csv"))
        .args(["--format", "csv"]);
    if raw {
        cmd.arg("--raw-csv");
    }
    let out = stdout(&mut cmd, 0);
    csv::Reader::from_reader(out.as_slice())
        .records()
        .map(|r| {
            let r = r.unwrap();
            [&r[0], &r[2], &r[3]].map(str::to_owned)
        })
        .collect()
}

#[test]
fn the_scored_csv_makes_formulas_text_and_keeps_numbers() {
    let rows = scored_csv(false);
    let cells: Vec<[&str; 2]> = rows.iter().map(|r| [&*r[0], &*r[1]]).collect();
    assert_eq!(
        cells,
        [
            ["'=HYPERLINK(\"http://evil\",\"click\")", "-2"],
            ["'+cmd|' /C calc'!A0", "'@SUM(A1:A2)"],
            ["'=1+1 awful, too many emails", "'\t=2"],
        ]
    );
    assert!(
        rows[2][2].starts_with("-0."),
        "a negative sentiment stays a number: {rows:?}"
    );
    let raw = scored_csv(true);
    let cells: Vec<[&str; 2]> = raw.iter().map(|r| [&*r[0], &*r[1]]).collect();
    assert_eq!(
        cells,
        [
            ["=HYPERLINK(\"http://evil\",\"click\")", "-2"],
            ["+cmd|' /C calc'!A0", "@SUM(A1:A2)"],
            ["=1+1 awful, too many emails", "\t=2"],
        ]
    );
}
