//! End-to-end tests of the CI formats (`--format sarif|github|junit|markdown`)
//! and `--statistics`: each format parses as such, agrees with the JSON
//! report, and keeps untrusted text from plans in its place.

use std::fs;
use std::path::Path;

use assert_cmd::prelude::*;
use quick_xml::events::Event;
use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::planlint;

const WEAK: &str = "examples/blitz-bikes/blitz-bikes.plan.toml";
const WEAK_DIR: &str = "examples/blitz-bikes";

/// A plan whose unknown key (PLAN002 quotes it) carries markup of every
/// format, a workflow command, a line break and controls.
const NASTY_PLAN: &str = r#"name = "Nasty"
"a|b\n::error::pwned <script>x</script> & \"q\" 'a' 100% ]]> [l](http://x) \u001b[31m\u0000\r" = 1
"#;
const NASTY_NAME: &str = "we,ird:a b%.plan.toml";

/// Runs `planlint check ARGS`, expects `code`, returns standard output.
fn check(dir: Option<&Path>, args: &[&str], code: i32) -> String {
    let mut cmd = planlint();
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let output = cmd
        .arg("check")
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .clone();
    String::from_utf8(output.stdout).expect("output is UTF-8")
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("output is JSON")
}

/// The nasty plan in a temporary folder, and its finding's message as the
/// JSON report has it: cleaned, as every other format has it.
fn nasty() -> (TempDir, String) {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join(NASTY_NAME), NASTY_PLAN).unwrap();
    let report = json(&check(
        Some(dir.path()),
        &["--format", "json", NASTY_NAME],
        1,
    ));
    let finding = &report["findings"][0];
    assert_eq!(finding["code"], "PLAN002", "{report}");
    let message = finding["message"].as_str().unwrap().to_owned();
    assert!(
        message.contains("a|b\n::error::pwned <script>"),
        "{message}"
    );
    (dir, message)
}

fn no_controls(out: &str) {
    assert!(
        !out.contains(|c: char| c.is_control() && c != '\n'),
        "control characters in {out:?}"
    );
}

// SARIF

/// The OASIS schema's pattern for `language` (BCP 47) has a stray `]`, which
/// the draft-07 meta-schema rejects as a regular expression.
const BROKEN_LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

/// Drops that pattern wherever it is, in memory; planlint writes no `language`.
fn drop_broken_pattern(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if map.get("pattern").and_then(Value::as_str) == Some(BROKEN_LANGUAGE_PATTERN) {
                map.remove("pattern");
            }
            map.values_mut().for_each(drop_broken_pattern);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_broken_pattern),
        _ => {}
    }
}

fn sarif_validator() -> jsonschema::Validator {
    let mut schema = json(&fs::read_to_string("tests/schemas/sarif-schema-2.1.0.json").unwrap());
    drop_broken_pattern(&mut schema);
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid_sarif(log: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF: {errors:#?}");
}

#[test]
fn sarif_validates_against_the_schema_and_agrees_with_json() {
    let log = json(&check(None, &["--format", "sarif", WEAK_DIR], 1));
    assert_valid_sarif(&log);
    assert_eq!(log["version"], "2.1.0");
    let report = json(&check(None, &["--format", "json", WEAK_DIR], 1));
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "planlint");
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), planlint::rules::RULES.len());
    for (rule, expected) in rules.iter().zip(planlint::rules::RULES) {
        assert_eq!(rule["id"], expected.code);
        assert_eq!(rule["shortDescription"]["text"], expected.summary);
        assert_eq!(rule["help"]["markdown"], expected.docs);
    }
    let level = |code: &str| {
        rules.iter().find(|r| r["id"] == code).unwrap()["defaultConfiguration"]["level"].clone()
    };
    assert_eq!(level("PLAN001"), "error");
    assert_eq!(level("WHY002"), "warning");
    assert_eq!(level("YOU005"), "note");

    let results = run["results"].as_array().unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (result, finding) in results.iter().zip(findings) {
        assert_eq!(result["ruleId"], finding["code"]);
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], finding["code"]);
        assert_eq!(result["message"]["text"], finding["message"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], WEAK);
        assert_eq!(location["region"]["startLine"], finding["line"]);
        assert_eq!(location["region"]["startColumn"], finding["column"]);
        let level = match finding["severity"].as_str().unwrap() {
            "info" => "note",
            other => other,
        };
        assert_eq!(result["level"], level);
    }
}

#[test]
fn sarif_of_a_clean_plan_is_valid_with_no_results() {
    let log = json(&check(
        None,
        &["--format", "sarif", "examples/harbor-bikes"],
        0,
    ));
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn sarif_keeps_nasty_text_in_valid_json() {
    let (dir, message) = nasty();
    let out = check(Some(dir.path()), &["--format", "sarif", NASTY_NAME], 1);
    let log = json(&out);
    assert_valid_sarif(&log);
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["message"]["text"], message);
    assert!(
        result["message"]["text"]
            .as_str()
            .unwrap()
            .contains("<script>")
    );
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "we%2Cird%3Aa%20b%25.plan.toml"
    );
}

#[test]
fn the_schema_rejects_what_it_should() {
    // The test above means something only if the schema does its job.
    let mut log = json(&check(None, &["--format", "sarif", WEAK_DIR], 1));
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!sarif_validator().is_valid(&log));
}

// GitHub Actions

/// `::warning file=P,line=L,col=C,title=T::message` -> (command, properties, message).
fn workflow_command(line: &str) -> (&str, Vec<(&str, &str)>, &str) {
    let rest = line.strip_prefix("::").expect("a workflow command");
    let (head, message) = rest.split_once("::").expect("a message");
    let (command, properties) = head.split_once(' ').expect("properties");
    let properties = properties
        .split(',')
        .map(|p| p.split_once('=').expect("key=value"))
        .collect();
    (command, properties, message)
}

#[test]
fn github_prints_one_annotation_per_finding() {
    let out = check(None, &["--format", "github", WEAK_DIR], 1);
    let report = json(&check(None, &["--format", "json", WEAK_DIR], 1));
    let findings = report["findings"].as_array().unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), findings.len());
    for (line, finding) in lines.iter().zip(findings) {
        let (command, properties, message) = workflow_command(line);
        let expected = match finding["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        assert_eq!(command, expected, "{line}");
        let keys: Vec<&str> = properties.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ["file", "line", "col", "title"], "{line}");
        assert_eq!(properties[0].1, WEAK);
        assert_eq!(properties[1].1, finding["line"].to_string());
        assert_eq!(properties[2].1, finding["column"].to_string());
        assert_eq!(
            properties[3].1,
            format!(
                "{} {}",
                finding["code"].as_str().unwrap(),
                finding["name"].as_str().unwrap()
            )
        );
        let decoded = message.replace("%0A", "\n").replace("%25", "%");
        assert_eq!(decoded, finding["message"].as_str().unwrap());
    }
    insta::assert_snapshot!(out);
}

#[test]
fn github_keeps_nasty_text_on_one_line() {
    let (dir, expected) = nasty();
    let out = check(Some(dir.path()), &["--format", "github", NASTY_NAME], 1);
    no_controls(&out);
    assert_eq!(out.lines().count(), 1, "{out}");
    let (command, properties, message) = workflow_command(out.trim_end());
    assert_eq!(command, "error");
    assert_eq!(properties[0], ("file", "we%2Cird%3Aa b%25.plan.toml"));
    let message = message.replace("%0A", "\n").replace("%25", "%");
    assert_eq!(message, expected);
}

// JUnit

/// Parses the XML, which must be well-formed XML 1.0, and returns its
/// elements in order: name and attributes (unescaped).
fn xml_elements(xml: &str) -> Vec<(String, Vec<(String, String)>)> {
    assert!(
        xml.chars().all(|c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)),
        "a character XML 1.0 forbids: {xml:?}"
    );
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut elements = Vec::new();
    let mut open = 0usize;
    loop {
        let event = reader.read_event().expect("well-formed XML");
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let attributes = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("a well-formed attribute");
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .expect("an escaped value");
                        let key = a.key.as_ref().to_owned();
                        (key, value.into_owned())
                    })
                    .collect();
                let name = e.name().as_ref().to_owned();
                elements.push((name, attributes));
                if matches!(event, Event::Start(_)) {
                    open += 1;
                }
            }
            Event::End(_) => open -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(open, 0, "unclosed elements");
    elements
}

fn attribute<'a>(element: &'a (String, Vec<(String, String)>), name: &str) -> &'a str {
    element
        .1
        .iter()
        .find(|(k, _)| k == name)
        .map_or_else(|| panic!("{} has no {name}", element.0), |(_, v)| v)
}

#[test]
fn junit_has_a_suite_per_plan_and_a_case_per_finding() {
    let out = check(
        None,
        &["--format", "junit", WEAK_DIR, "examples/harbor-bikes"],
        1,
    );
    let report = json(&check(None, &["--format", "json", WEAK_DIR], 1));
    let findings = report["findings"].as_array().unwrap();
    let elements = xml_elements(&out);
    let named = |name: &'static str| elements.iter().filter(move |e| e.0 == name);
    let suites: Vec<_> = named("testsuite").collect();
    assert_eq!(suites.len(), 2);
    assert_eq!(attribute(suites[0], "name"), WEAK);
    assert_eq!(attribute(suites[0], "tests"), findings.len().to_string());
    assert_eq!(attribute(suites[0], "failures"), findings.len().to_string());
    assert_eq!(
        attribute(suites[1], "name"),
        "examples/harbor-bikes/harbor-bikes.plan.toml"
    );
    assert_eq!(attribute(suites[1], "failures"), "0");
    let root = &elements[0];
    assert_eq!(root.0, "testsuites");
    assert_eq!(attribute(root, "tests"), (findings.len() + 1).to_string());

    let failures: Vec<_> = named("failure").collect();
    assert_eq!(failures.len(), findings.len());
    for (failure, finding) in failures.iter().zip(findings) {
        assert_eq!(attribute(failure, "type"), finding["code"]);
        assert_eq!(attribute(failure, "message"), finding["message"]);
    }
    let cases: Vec<_> = named("testcase").collect();
    assert_eq!(cases.len(), findings.len() + 1);
    assert_eq!(
        attribute(cases[0], "name"),
        format!(
            "{} {}",
            findings[0]["code"].as_str().unwrap(),
            findings[0]["subject"].as_str().unwrap()
        )
    );
    insta::assert_snapshot!(out);
}

#[test]
fn junit_keeps_nasty_text_in_well_formed_xml() {
    let (dir, message) = nasty();
    let out = check(Some(dir.path()), &["--format", "junit", NASTY_NAME], 1);
    let elements = xml_elements(&out);
    let failure = elements.iter().find(|e| e.0 == "failure").unwrap();
    assert_eq!(attribute(failure, "message"), message);
    let suite = elements.iter().find(|e| e.0 == "testsuite").unwrap();
    assert_eq!(attribute(suite, "name"), NASTY_NAME);
}

// Markdown

/// The cells of a table row, splitting at `|` that are not escaped.
fn cells(row: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = row.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cells.last_mut().unwrap().push(c);
                if let Some(next) = chars.next() {
                    cells.last_mut().unwrap().push(next);
                }
            }
            '|' => cells.push(String::new()),
            c => cells.last_mut().unwrap().push(c),
        }
    }
    // The leading and trailing pipes leave an empty first and last cell.
    cells[1..cells.len() - 1].to_vec()
}

#[test]
fn markdown_groups_findings_by_severity_in_tables() {
    let out = check(None, &["--format", "markdown", WEAK_DIR], 1);
    let report = json(&check(None, &["--format", "json", WEAK_DIR], 1));
    let findings = report["findings"].as_array().unwrap();
    assert!(
        out.contains("**1 plan checked: 1 error, 37 warnings, 5 info**"),
        "{out}"
    );
    assert!(out.contains("### Scorecard"));
    let errors = out.find("### Errors (1)").unwrap();
    let warnings = out.find("### Warnings (37)").unwrap();
    let info = out.find("### Info (5)").unwrap();
    assert!(errors < warnings && warnings < info);
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with("| `")).collect();
    assert_eq!(rows.len(), findings.len());
    for row in rows {
        assert_eq!(cells(row).len(), 4, "{row}");
        assert!(row.contains(&format!(" {WEAK}:")), "{row}");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn markdown_keeps_nasty_text_in_its_cell() {
    let (dir, _) = nasty();
    let out = check(Some(dir.path()), &["--format", "markdown", NASTY_NAME], 1);
    no_controls(&out);
    let row = out.lines().find(|l| l.starts_with("| `PLAN002`")).unwrap();
    assert_eq!(cells(row).len(), 4, "{row}");
    for raw in ["<script>", "</script>", "[l](", "| b", "&quot"] {
        assert!(!row.contains(raw), "{raw} unescaped in {row}");
    }
    assert!(row.contains(r"\<script\>x\</script\>"), "{row}");
    assert!(row.contains("<br>"), "the line break becomes <br>: {row}");
}

// --statistics

#[test]
fn statistics_count_by_rule_and_family() {
    let report = json(&check(
        None,
        &["--format", "json", "--statistics", WEAK_DIR],
        1,
    ));
    let stats = &report["statistics"];
    let total = report["findings"].as_array().unwrap().len() as u64;
    let sum = |key: &str| -> u64 {
        stats[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["count"].as_u64().unwrap())
            .sum()
    };
    assert_eq!(sum("rules"), total);
    assert_eq!(sum("families"), total);
    assert_eq!(stats["rules"][0]["code"], "TX001");
    assert_eq!(stats["rules"][0]["count"], 4);
    assert_eq!(stats["rules"][0]["family"], "TX");
    assert_eq!(stats["families"][0]["family"], "TX");
    assert_eq!(stats["families"][0]["count"], 9);

    let without = json(&check(None, &["--format", "json", WEAK_DIR], 1));
    assert!(
        without.get("statistics").is_none(),
        "the contract is unchanged"
    );

    let table = check(None, &["--statistics", WEAK_DIR], 1);
    let by_rule = table.find("findings by rule").expect("a table by rule");
    assert!(
        table.find("scorecard").unwrap() < by_rule,
        "after the report"
    );
    assert!(table.contains("findings by family"));
    let markdown = check(None, &["--format", "markdown", "--statistics", WEAK_DIR], 1);
    assert!(markdown.contains("### Statistics"));
    assert!(markdown.contains("| 4 | `TX001` | transactional-touchpoint |"));
}

#[test]
fn statistics_are_refused_where_the_format_has_no_room() {
    for format in ["sarif", "github", "junit"] {
        planlint()
            .args(["check", "--statistics", "--format", format, WEAK_DIR])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains(
                "--statistics works with --format table, json or markdown",
            ));
    }
}

/// The table fits the width it is given (`--width`, else `COLUMNS`), and
/// from 80 columns the message keeps at least 40; the feedback summary's
/// tables fit it too, from 80 columns.
#[test]
fn tables_fit_the_width_and_leave_the_message_room() {
    for width in [60, 80, 100, 160] {
        let by_flag = check(None, &["--width", &width.to_string(), WEAK], 1);
        let by_env = planlint()
            .env("COLUMNS", width.to_string())
            .args(["check", WEAK])
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        assert_eq!(
            by_flag,
            String::from_utf8(by_env).unwrap(),
            "COLUMNS={width}"
        );
        for line in by_flag.lines() {
            assert!(line.chars().count() <= width, "wider than {width}: {line}");
            if let Some(help) = line.find("help: ")
                && width >= 80
            {
                let column = line[..help].chars().count();
                assert!(
                    column + 40 <= width,
                    "the message starts at {column}: {line}"
                );
            }
        }
        if width < 80 {
            // Eight columns of figures need more room than that.
            continue;
        }
        let feedback = planlint()
            .args(["feedback", "examples/harbor-bikes/survey-2026.csv"])
            .args(["--width", &width.to_string()])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let feedback = String::from_utf8(feedback).unwrap();
        for line in feedback
            .lines()
            .filter(|l| l.starts_with(['│', '┌', '╞', '└']))
        {
            assert!(line.chars().count() <= width, "wider than {width}: {line}");
        }
    }
}

/// In the table, the findings of a plan are grouped under the part of the
/// plan they are about, the path is shown once, and errors are named under
/// it and lead their part.
#[test]
fn the_table_groups_findings_by_part_of_the_plan() {
    let out = check(None, &["--width", "100", WEAK_DIR], 1);
    assert_eq!(out.matches(WEAK).count(), 1, "{out}");
    let headings: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with(' ') && l.contains("  ("))
        .collect();
    assert_eq!(
        headings[..2],
        [
            &format!("plan {WEAK}  (1 error, 37 warnings, 5 info)"),
            "the WHY, the HOW and the WHAT  (2 warnings)"
        ]
    );
    assert!(
        out.contains("\n  error FB007 on line 8, under customer feedback\n"),
        "errors are named under the path: {out}"
    );
    assert!(
        headings
            .iter()
            .any(|h| h.starts_with("goal \"black-friday\""))
    );
    let feedback = out
        .find("customer feedback  (1 error")
        .expect("a feedback part");
    let first_row = out[feedback..].lines().nth(1).unwrap();
    assert!(
        first_row.contains(" error "),
        "the error leads: {first_row}"
    );
}

/// Found by review: a cell that wraps can put a plan's text at the start of
/// a line, and a concise line starts with the path; neither may start a
/// workflow command, whatever the width.
#[test]
fn no_line_of_the_table_or_the_concise_format_starts_a_workflow_command() {
    let dir = TempDir::new().unwrap();
    let mut plans = String::new();
    for pad in 0..46 {
        plans.push_str(&format!(
            "\n[[touchpoint]]\nid = \"t{pad}\"\nname = \"T\"\nstage = \"awareness\"\npersonas = [\"{} ::error file=x,line=1::pwned\"]\n",
            "a".repeat(pad)
        ));
    }
    let name = "::error title=pwned::owned.plan.toml";
    fs::write(dir.path().join(name), format!("name = \"P\"\n{plans}")).unwrap();
    let mut outputs = vec![check(Some(dir.path()), &["--format", "concise", name], 1)];
    for width in [60, 80, 100, 160] {
        outputs.push(check(
            Some(dir.path()),
            &["--width", &width.to_string(), name],
            1,
        ));
    }
    for out in &outputs {
        for line in out.lines() {
            assert!(!line.trim_start().starts_with("::"), "{line}");
        }
    }
    assert!(
        outputs[0].contains(":\\:error title=pwned::owned.plan.toml:"),
        "{}",
        outputs[0]
    );
}
