//! End-to-end tests of hostile input: file names, plans and feedback that
//! try to reach a terminal, a CI log or a spreadsheet through planlint's
//! output. Every format must show them as inert text.

use std::fs;

use tempfile::TempDir;

use crate::Repo;
use crate::common::{planlint, stdout, write};

/// A file name with a colour, a bell, a line break that starts a workflow
/// command, and a right-to-left override.
const NASTY_NAME: &str = "a\u{1b}[31m\u{7}\n::error file=x,line=1::\u{202e}.plan.toml";

/// A plan that cannot be read: its unknown key hides an 8-bit escape, an
/// override, a hyperlink and a legacy workflow command.
const NASTY_PLAN: &str = "name = \"x\"\n\
    \"bad\u{9b}31m \u{202e}yek ##[error]x\\u001b]8;;http://evil\\u0007link\" = 1\n";

/// Whether a character must never reach an output: a control other than a
/// line feed (as a byte, an escape or an 8-bit control), or a bidirectional
/// control.
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// A folder with the nasty plan and the weak example, whose flash-sale
/// touchpoint has an id of `id_chars` characters.
fn nasty_folder(id_chars: usize) -> TempDir {
    let dir = TempDir::new().unwrap();
    write(dir.path(), NASTY_NAME, NASTY_PLAN);
    let weak = fs::read_to_string("examples/blitz-bikes/blitz-bikes.plan.toml")
        .unwrap()
        .replace("feedback = \"feedback.csv\"\n", "")
        .replacen(
            "id = \"daily-deal-sms\"",
            &format!("id = \"{}\"", "a".repeat(id_chars)),
            1,
        );
    write(dir.path(), "weak.plan.toml", &weak);
    dir
}

#[test]
fn every_format_shows_hostile_text_as_inert_text() {
    let dir = nasty_folder(200_000);
    for format in ["table", "json", "sarif", "github", "junit", "markdown"] {
        let out = stdout(
            planlint()
                .arg("check")
                .arg(dir.path())
                .args(["--format", format]),
            1,
        );
        let out = String::from_utf8(out).unwrap();
        let bad: Vec<char> = out.chars().filter(|&c| forbidden(c)).collect();
        assert!(bad.is_empty(), "{format}: {bad:?}");
        assert!(
            out.contains("PLAN009"),
            "{format}: the override is reported"
        );
        if format == "junit" {
            // XML keeps the line breaks of a message in its text.
            continue;
        }
        for line in out.lines() {
            let line = line.trim_start();
            let ours = format == "github"
                && ["::error file=", "::warning file=", "::notice file="]
                    .iter()
                    .any(|c| line.starts_with(c));
            assert!(
                ours || !line.starts_with("::"),
                "{format}: a line starts a workflow command: {line}"
            );
        }
    }
}

#[test]
fn the_table_shows_a_huge_id_in_short_lines() {
    let dir = nasty_folder(1_000_000);
    let out = stdout(planlint().arg("check").arg(dir.path()), 1);
    let out = String::from_utf8(out).unwrap();
    let longest = out.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest < 1000, "a line of {longest} characters");
    assert!(
        !out.contains("##["),
        "a legacy workflow command in the table"
    );
    assert!(
        out.contains("#\\#[error]x"),
        "the command is shown broken: {out}"
    );
}

#[test]
fn a_hidden_override_is_reported_in_a_plan_that_cannot_be_read() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "p.plan.toml",
        "name = \"x\"\nowner = \"sales\" # \u{2067}reviewed\u{2069}\nbroken =\n",
    );
    let out = stdout(
        planlint().arg("check").arg(dir.path().join("p.plan.toml")),
        1,
    );
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("PLAN001"), "{out}");
    assert!(
        out.contains("hidden bidirectional control U+2067 RIGHT-TO-LEFT ISOLATE, and 1 more"),
        "{out}"
    );
    // The excerpt shows the controls and where they are.
    assert!(out.contains("# <U+2067>reviewed<U+2069>"), "{out}");
    assert!(out.contains("p.plan.toml:2:"), "{out}");
}

#[test]
fn a_waived_override_is_counted_not_shown() {
    let dir = TempDir::new().unwrap();
    let plan = fs::read_to_string("tests/fixtures/PLAN009/fires.plan.toml")
        .unwrap()
        .replacen(
            "owner = \"Marketing\"\n",
            "owner = \"Marketing\"\nallow = { PLAN009 = \"the notes quote a Hebrew label\" }\n",
            1,
        );
    write(dir.path(), "p.plan.toml", &plan);
    let out = stdout(
        planlint().arg("check").arg(dir.path().join("p.plan.toml")),
        0,
    );
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("1 plan checked: no findings (2 waived)"),
        "{out}"
    );
}

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

#[test]
fn the_feedback_summary_cleans_comments_and_cuts_them_in_tables() {
    let dir = TempDir::new().unwrap();
    let long = "slow ".repeat(100);
    let mut text = String::from("campaign,nps,comment\n");
    for _ in 0..3 {
        text.push_str(&format!(
            "\"cart\u{202e}sms\",1,\"Too many texts \u{9b}31m\u{1b}]8;;http://x\u{7}now\u{1b}]8;;\u{7} {long}\"\n"
        ));
    }
    write(dir.path(), "f.csv", &text);
    let run = |format: &str| {
        let out = stdout(
            planlint()
                .arg("feedback")
                .arg(dir.path().join("f.csv"))
                .args(["--format", format]),
            0,
        );
        String::from_utf8(out).unwrap()
    };
    let table = run("table");
    assert!(!table.contains(forbidden), "{table}");
    assert!(table.contains("cart<U+202E>sms"), "{table}");
    assert!(!table.contains(&long), "comments are cut in the table");
    let json = run("json");
    assert!(!json.contains(forbidden), "{json}");
    assert!(json.contains("cart<U+202E>sms"), "{json}");
}

#[test]
fn arguments_cannot_start_a_workflow_command_on_standard_error() {
    let repo = Repo::new();
    let hostile = "x\u{1b}[31m\n::error file=a,line=1::pwned\u{202e}";
    for (args, quoted) in [
        (vec!["check", hostile], true),
        (vec!["check", "--format", hostile], true),
        (vec!["explain", hostile], true),
        (vec!["check", hostile, "--bogus"], false),
    ] {
        let out = repo.run(&args, 2, &[]);
        for line in out.stderr.lines() {
            assert!(!line.trim_start().starts_with("::"), "{args:?}: {line:?}");
        }
        assert!(!out.stderr.contains('\u{1b}') && !out.stderr.contains('\u{202e}'));
        assert_eq!(
            out.stderr.contains("<U+202E>"),
            quoted,
            "{args:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn the_scored_csv_quotes_cells_a_semicolon_spreadsheet_would_split() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "f.csv",
        "nps,comment\n5,\"nice;=2+3;@SUM(1+1)\"\n",
    );
    let out = stdout(
        planlint()
            .current_dir(dir.path())
            .args(["feedback", "f.csv", "--format", "csv"]),
        0,
    );
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("5,\"nice;=2+3;@SUM(1+1)\","), "{out}");
}
