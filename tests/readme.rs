//! The README's examples of CI use, run as written: waivers, the baseline
//! commands, the output formats and the copy-paste CI configuration. (The
//! configuration examples are run in tests/config.rs, the rule table checked
//! in tests/registry.rs.)

use std::fs;
use std::path::Path;
use std::process::Command;

use assert_cmd::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

mod common;

fn readme() -> String {
    fs::read_to_string("README.md").unwrap()
}

/// The fenced blocks of the README in a language, with their text.
fn blocks(language: &str) -> Vec<String> {
    let fence = format!("```{language}\n");
    readme()
        .split(&fence)
        .skip(1)
        .filter_map(|rest| rest.split_once("```").map(|(block, _)| block.to_owned()))
        .collect()
}

fn planlint(dir: &Path) -> Command {
    let mut cmd = common::planlint();
    cmd.current_dir(dir);
    cmd
}

fn json_of(cmd: &mut Command, code: i32) -> Value {
    let output = cmd.assert().code(code).get_output().stdout.clone();
    serde_json::from_slice(&output).unwrap()
}

fn codes(report: &Value) -> Vec<String> {
    let findings = report["findings"].as_array().unwrap();
    findings
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_waiver_example_waives_what_it_says() {
    let example = blocks("toml")
        .into_iter()
        .find(|b| b.starts_with("[[touchpoint]]") && b.contains("[allow]"))
        .expect("the README has a waiver example");
    let item_allow = example
        .lines()
        .find(|l| l.starts_with("allow = {"))
        .unwrap();
    let plan_allow: String = example
        .lines()
        .skip_while(|l| !l.starts_with("[allow]"))
        .take_while(|l| !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = TempDir::new().unwrap();
    // The item waiver, on a touchpoint that is pure sales pressure.
    let pushy = fs::read_to_string("tests/fixtures/TX001/fires.plan.toml").unwrap();
    let message = "message = \"Sign up now: 20% off your first veg box, today only!\"\n";
    fs::write(
        dir.path().join("p.plan.toml"),
        pushy.replacen(message, &format!("{message}{item_allow}\n"), 1),
    )
    .unwrap();
    let report = json_of(
        planlint(dir.path()).args(["check", "--format", "json", "p.plan.toml"]),
        0,
    );
    assert_eq!(codes(&report), Vec::<String>::new());
    assert_eq!(report["summary"]["waived"], 1);
    // The plan-wide waiver, on a plan without a HOW.
    let no_how = fs::read_to_string("tests/fixtures/WHY003/fires.plan.toml").unwrap();
    fs::write(
        dir.path().join("p.plan.toml"),
        format!("{no_how}\n{plan_allow}"),
    )
    .unwrap();
    let report = json_of(
        planlint(dir.path()).args(["check", "--format", "json", "p.plan.toml"]),
        0,
    );
    assert_eq!(codes(&report), Vec::<String>::new());
    assert_eq!(report["summary"]["waived"], 1);
}

#[test]
fn the_baseline_commands_work_as_written() {
    let commands: Vec<String> = blocks("sh")
        .iter()
        .flat_map(|b| b.lines().map(str::to_owned).collect::<Vec<_>>())
        .filter(|l| l.contains("--write-baseline ") || l.contains("--baseline "))
        .map(|l| l.split('#').next().unwrap().trim().to_owned())
        .collect();
    assert_eq!(commands.len(), 2, "{commands:?}");
    let dir = TempDir::new().unwrap();
    let plans = dir.path().join("plans");
    fs::create_dir(&plans).unwrap();
    let weak = fs::read_to_string("examples/blitz-bikes/blitz-bikes.plan.toml").unwrap();
    fs::write(plans.join("blitz.plan.toml"), &weak).unwrap();
    fs::copy(
        "examples/blitz-bikes/feedback.csv",
        plans.join("feedback.csv"),
    )
    .unwrap();
    let run = |command: &str| {
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        planlint(dir.path()).args(args).assert()
    };
    // Recording hides today's findings; checking against the record passes.
    run(&commands[0]).code(0);
    run(&commands[1]).code(0);
    let recorded: Value =
        serde_json::from_slice(&fs::read(plans.join("planlint-baseline.json")).unwrap()).unwrap();
    let example = blocks("json")
        .into_iter()
        .find(|b| b.contains("\"findings\": [") && b.contains("\"count\""))
        .unwrap();
    let example: Value = serde_json::from_str(&example).unwrap();
    assert_eq!(recorded["version"], example["version"]);
    let keys = |v: &Value| {
        v["findings"][0]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&recorded), keys(&example));
    // A new defect still fails, whatever moved.
    let worse = format!("# moved down\n\n{}", weak.replacen("due = ", "x-due = ", 1));
    fs::write(plans.join("blitz.plan.toml"), worse).unwrap();
    run(&commands[1]).code(1);
}

#[test]
fn the_format_examples_show_what_planlint_prints() {
    let dir = Path::new(".");
    let weak = "examples/blitz-bikes/blitz-bikes.plan.toml";
    let github = planlint(dir)
        .args(["check", "--format", "github", weak])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let github = String::from_utf8(github).unwrap();
    let example = blocks("text")
        .into_iter()
        .find(|b| b.starts_with("::warning file="))
        .unwrap();
    let (prefix, title) = example.split_once(",line=").unwrap();
    assert!(prefix.starts_with("::warning file="));
    let title = title
        .split_once("title=")
        .unwrap()
        .1
        .split("::")
        .next()
        .unwrap();
    assert!(
        github
            .lines()
            .any(|l| l.starts_with(&format!("::warning file={weak},line="))
                && l.contains(&format!("title={title}::"))),
        "no line like the README's example:\n{github}"
    );
    let concise = planlint(dir)
        .args(["check", "--format", "concise", weak])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let concise = String::from_utf8(concise).unwrap();
    let example = blocks("text")
        .into_iter()
        .find(|b| b.starts_with(&format!("{weak}:")))
        .expect("the README shows the concise format");
    for line in example.lines() {
        assert!(
            concise.lines().any(|l| l == line),
            "the README's line is not what planlint prints: {line}\n{concise}"
        );
    }
    let statistics = json_of(
        planlint(dir).args(["check", "--format", "json", "--statistics", weak]),
        1,
    );
    let example = blocks("json")
        .into_iter()
        .find(|b| b.starts_with("\"statistics\""))
        .unwrap();
    let example: Value = serde_json::from_str(&format!("{{{example}}}")).unwrap();
    for list in ["rules", "families"] {
        let keys = |v: &Value| {
            v["statistics"][list][0]
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&statistics), keys(&example), "{list}");
    }
}

#[test]
fn the_ci_configuration_examples_use_what_the_repository_defines() {
    let yaml = |text: &str| -> serde_yaml_ng::Value { serde_yaml_ng::from_str(text).unwrap() };
    let action = yaml(&fs::read_to_string("action.yml").unwrap());
    let inputs = action["inputs"].as_mapping().unwrap();
    let workflow = blocks("yaml")
        .into_iter()
        .find(|b| b.contains("uses: OWNER/planlint"))
        .unwrap();
    let workflow = yaml(&workflow);
    let steps = workflow["jobs"]["planlint"]["steps"].as_sequence().unwrap();
    let step = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("OWNER/planlint"))
        })
        .unwrap();
    for key in step["with"].as_mapping().unwrap().keys() {
        assert!(
            inputs.contains_key(key),
            "the workflow sets input {key:?}, which action.yml does not declare"
        );
    }
    let hooks = yaml(&fs::read_to_string(".pre-commit-hooks.yaml").unwrap());
    let ids: Vec<&str> = hooks
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|h| h["id"].as_str())
        .collect();
    let config = blocks("yaml")
        .into_iter()
        .find(|b| b.contains("repos:"))
        .unwrap();
    let config = yaml(&config);
    for hook in config["repos"][0]["hooks"].as_sequence().unwrap() {
        let id = hook["id"].as_str().unwrap();
        assert!(
            ids.contains(&id),
            "the README's pre-commit config uses hook {id}, not in .pre-commit-hooks.yaml"
        );
    }
}

/// The README's summary of the dated example export is what planlint prints.
#[test]
fn the_feedback_over_time_example_shows_what_planlint_prints() {
    let example = blocks("text")
        .into_iter()
        .find(|b| b.starts_with("$ planlint feedback examples/harbor-bikes/survey-2026.csv"))
        .expect("the README shows the dated export's summary");
    let (command, shown) = example.split_once('\n').unwrap();
    let args: Vec<&str> = command.split_whitespace().skip(2).collect();
    let output = planlint(Path::new(".")).args(&args).assert().code(0);
    let printed = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    assert!(
        printed.starts_with(shown.trim_end()),
        "the README's example is not what planlint prints:\n{printed}"
    );
}

/// The README's sample of the table is what planlint prints at 100 columns:
/// its first lines and its last, around the `...` that cuts it.
#[test]
fn the_table_sample_shows_what_planlint_prints() {
    let printed = planlint(Path::new("."))
        .args(["check", "--width", "100", "examples/blitz-bikes"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let printed = String::from_utf8(printed).unwrap();
    let printed: Vec<&str> = printed.lines().collect();
    let sample = blocks("text")
        .into_iter()
        .find(|b| b.starts_with("plan examples/blitz-bikes/"))
        .expect("the README shows the table");
    let (head, tail) = sample.split_once("\n...\n").expect("the sample is cut");
    let head: Vec<&str> = head.lines().collect();
    let tail: Vec<&str> = tail.lines().collect();
    assert_eq!(head, printed[..head.len()], "the sample's first lines");
    assert_eq!(
        tail,
        printed[printed.len() - tail.len()..],
        "its last lines"
    );
}
