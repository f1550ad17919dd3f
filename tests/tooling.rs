//! The tooling around checking: the JSON Schemas against the loader and the
//! example plans, `planlint init`, shell completions, and the pre-commit hook
//! and GitHub Action definitions.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use planlint::check;
use planlint::json_schema::{config_schema, plan_schema};
use planlint::plan::LoadErrorKind;
use planlint::source::SourceFile;
use serde_json::{Value, json};
use tempfile::TempDir;

mod common;
use common::planlint;

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the schema compiles")
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// A TOML document as editors validate it: dates and times become strings.
fn to_json(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => json!(s),
        toml::Value::Integer(i) => json!(i),
        toml::Value::Float(f) => json!(f),
        toml::Value::Boolean(b) => json!(b),
        toml::Value::Datetime(d) => json!(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.iter().map(to_json).collect()),
        toml::Value::Table(table) => table_json(table),
    }
}

fn table_json(table: &toml::Table) -> Value {
    Value::Object(table.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
}

fn plans_in(dir: &str) -> Vec<PathBuf> {
    let mut plans = Vec::new();
    let mut dirs = vec![PathBuf::from(dir)];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.to_string_lossy().ends_with(".plan.toml") {
                plans.push(path);
            }
        }
    }
    plans.sort();
    plans
}

// ---- the plan schema ----

#[test]
fn the_example_plans_validate() {
    let validator = validator(&plan_schema());
    let examples = plans_in("examples");
    assert_eq!(examples.len(), 2);
    for path in examples {
        let table: toml::Table = toml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let errors = errors(&validator, &table_json(&table));
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

/// Over every plan of the repository: what the loader reads, the schema
/// accepts, and a key the loader does not know, the schema refuses too.
#[test]
fn the_schema_agrees_with_the_loader_on_every_plan() {
    let validator = validator(&plan_schema());
    let (mut read, mut unknown) = (0, 0);
    for path in ["examples", "tests/corpus", "tests/fixtures"]
        .into_iter()
        .flat_map(plans_in)
    {
        let text = fs::read_to_string(&path).unwrap();
        let Ok(table) = toml::from_str::<toml::Table>(&text) else {
            continue;
        };
        let valid = validator.is_valid(&table_json(&table));
        match check::load_plan(&SourceFile::new(path.clone(), text)) {
            Ok(_) => {
                read += 1;
                assert!(valid, "{} reads but fails the schema", path.display());
            }
            Err(errors) if errors.iter().any(|e| e.kind == LoadErrorKind::UnknownKey) => {
                unknown += 1;
                assert!(
                    !valid,
                    "{} has an unknown key the schema allows",
                    path.display()
                );
            }
            Err(_) => {}
        }
    }
    assert!(
        read > 50 && unknown > 0,
        "{read} plans read, {unknown} with unknown keys"
    );
}

/// A value of the type the schema gives, for building a plan with every key.
fn sample(schema: &Value) -> toml::Value {
    if let Some(names) = schema["anyOf"][0]["enum"].as_array() {
        return toml::Value::String(names[0].as_str().unwrap().to_owned());
    }
    match schema["type"].as_str().unwrap() {
        "string" if schema["format"] == "date" => {
            toml::Value::Datetime("2027-03-31".parse().unwrap())
        }
        "string" => toml::Value::String("sample-1".to_owned()),
        "number" => toml::Value::Float(1.5),
        "array" => toml::Value::Array(vec![sample(&schema["items"])]),
        // A map with free keys (waivers: rule -> reason): one entry.
        "object" if schema["properties"].is_null() => toml::Value::Table(
            [(
                "TX001".to_owned(),
                sample(&schema["additionalProperties"]["anyOf"][0]),
            )]
            .into_iter()
            .collect(),
        ),
        "object" => toml::Value::Table(
            schema["properties"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(key, schema)| (key.clone(), sample(schema)))
                .collect(),
        ),
        other => panic!("no sample for type {other}"),
    }
}

/// Where a table of the plan is: the top level, `[KEY]`, or the first
/// `[[KEY]]`.
#[derive(Debug, Clone)]
enum At {
    Top,
    Table(String),
    Item(String),
}

fn tables(schema: &Value) -> Vec<At> {
    let mut tables = vec![At::Top];
    for (key, property) in schema["properties"].as_object().unwrap() {
        // Tables have their keys listed; a map with free keys (waivers) is a value.
        if property["type"] == "object" && property["properties"].is_object() {
            tables.push(At::Table(key.clone()));
        } else if property["items"]["type"] == "object" {
            tables.push(At::Item(key.clone()));
        }
    }
    tables
}

fn schema_at<'a>(schema: &'a Value, at: &At) -> &'a Value {
    match at {
        At::Top => schema,
        At::Table(key) => &schema["properties"][key],
        At::Item(key) => &schema["properties"][key]["items"],
    }
}

fn table_at<'a>(plan: &'a mut toml::Table, at: &At) -> &'a mut toml::Table {
    let value = match at {
        At::Top => return plan,
        At::Table(key) => plan.get_mut(key).unwrap(),
        At::Item(key) => &mut plan[key.as_str()].as_array_mut().unwrap()[0],
    };
    value.as_table_mut().unwrap()
}

fn loads(plan: &toml::Table) -> bool {
    let text = toml::to_string(plan).unwrap();
    check::load_plan(&SourceFile::new("sample.plan.toml", text)).is_ok()
}

/// The loader is the format: a plan with every key of the schema, each with a
/// value of the schema's type, reads. Then, key by key: a value of a type no
/// key takes (a boolean) fails both the loader and the schema; a required key
/// left out fails both, and an optional one fails neither.
#[test]
fn the_schema_types_and_required_keys_match_the_loader() {
    let schema = plan_schema();
    let validator = validator(&schema);
    let toml::Value::Table(full) = sample(&schema) else {
        unreachable!("a plan is a table")
    };
    assert!(loads(&full), "{}", toml::to_string(&full).unwrap());
    assert!(validator.is_valid(&table_json(&full)));
    let mut tried = 0;
    for at in tables(&schema) {
        let table_schema = schema_at(&schema, &at);
        for key in table_schema["properties"].as_object().unwrap().keys() {
            let required = table_schema["required"]
                .as_array()
                .is_some_and(|names| names.contains(&json!(key)));
            let mut wrong = full.clone();
            table_at(&mut wrong, &at).insert(key.clone(), toml::Value::Boolean(true));
            assert!(!loads(&wrong), "{at:?} {key} = true reads");
            assert!(
                !validator.is_valid(&table_json(&wrong)),
                "{at:?} {key} = true"
            );
            let mut without = full.clone();
            table_at(&mut without, &at).remove(key);
            assert_eq!(loads(&without), !required, "{at:?} without {key}");
            let valid = validator.is_valid(&table_json(&without));
            assert_eq!(valid, !required, "{at:?} without {key}");
            tried += 1;
        }
    }
    assert!(tried > 30, "{tried} keys tried");
}

#[test]
fn schema_prints_the_plan_schema_and_the_config_schema() {
    for (args, expected) in [
        (&["schema"][..], plan_schema()),
        (&["schema", "plan"], plan_schema()),
        (&["schema", "config"], config_schema()),
    ] {
        let output = planlint().args(args).assert().code(0).get_output().clone();
        let printed: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        assert_eq!(printed, expected, "{args:?}");
    }
    planlint().args(["schema", "cargo"]).assert().code(2);
}

// ---- planlint init ----

/// The starter with its commented-out example settings switched on.
fn uncommented(text: &str) -> String {
    text.lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(rest)
                if rest.starts_with('[')
                    || rest
                        .split_once(" = ")
                        .is_some_and(|(key, _)| !key.contains(' ')) =>
            {
                rest
            }
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn init_writes_a_starter_plan_and_config_and_keeps_existing_files() {
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("plans");
    let out = planlint().arg("init").arg(&target).assert().code(0);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.contains("plan.toml") && stdout.contains("planlint.toml"),
        "{stdout}"
    );
    let plan_path = target.join("plan.toml");
    assert_eq!(
        fs::read_to_string(&plan_path).unwrap(),
        planlint::init::STARTER_PLAN
    );

    fs::write(&plan_path, "name = \"Mine\"\n").unwrap();
    let out = planlint().arg("init").arg(&target).assert().code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("already exist") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&plan_path).unwrap(), "name = \"Mine\"\n");

    planlint()
        .arg("init")
        .arg("--force")
        .arg(&target)
        .assert()
        .code(0);
    assert_eq!(
        fs::read_to_string(&plan_path).unwrap(),
        planlint::init::STARTER_PLAN
    );
}

/// The starter reads, and its findings are the to-do list of a new plan:
/// state the WHY and HOW, measure, date and classify the goal, have one
/// about satisfaction, ground the persona in evidence, and give the
/// touchpoints a stage, an owner who helps and a question.
#[test]
fn the_starter_plan_guides_through_its_findings() {
    let dir = TempDir::new().unwrap();
    planlint().arg("init").arg(dir.path()).assert().code(0);
    let output = planlint()
        .args(["check", "--format", "json", "plan.toml"])
        .current_dir(dir.path())
        .assert()
        .code(1)
        .get_output()
        .clone();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    codes.dedup();
    assert_eq!(
        codes,
        [
            "WHY001", "WHY003", "GOAL001", "GOAL002", "GOAL003", "GOAL004", "HUM002", "HUM003",
            "YOU001", "HUM001", "HUM004", "HUM006", "TX003", "TX004", "YOU002"
        ]
    );
    let table = planlint()
        .args(["check", "plan.toml"])
        .current_dir(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    insta::assert_snapshot!(String::from_utf8(table).unwrap());
}

#[test]
fn the_starter_files_and_their_examples_validate() {
    use planlint::init::{STARTER_CONFIG, STARTER_PLAN};
    let plans = validator(&plan_schema());
    let configs = validator(&config_schema());
    let examples = uncommented(STARTER_PLAN);
    assert!(examples.contains("\nkind = \"satisfaction\""), "{examples}");
    check::load_plan(&SourceFile::new("plan.toml", examples.clone())).expect("the examples read");
    let settings: toml::Table = toml::from_str(&uncommented(STARTER_CONFIG)).unwrap();
    let keys: Vec<&str> = settings.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["fail-on", "select", "ignore", "severity", "settings"]
    );
    for (text, validator) in [
        (STARTER_PLAN.to_owned(), &plans),
        (uncommented(STARTER_PLAN), &plans),
        (STARTER_CONFIG.to_owned(), &configs),
        (uncommented(STARTER_CONFIG), &configs),
    ] {
        let table: toml::Table = toml::from_str(&text).unwrap();
        let errors = errors(validator, &table_json(&table));
        assert!(errors.is_empty(), "{errors:#?}\n{text}");
    }
}

// ---- completions ----

#[test]
fn completions_for_each_shell_know_the_commands() {
    for shell in ["bash", "zsh", "fish"] {
        let output = planlint()
            .args(["completions", shell])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        let script = String::from_utf8(output).unwrap();
        assert!(!script.is_empty(), "{shell}");
        assert!(script.contains("check"), "{shell}: {script}");
    }
}

// ---- the pre-commit hook and the GitHub Action ----

fn yaml(path: &str) -> Value {
    let text = fs::read_to_string(path).unwrap();
    serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_pre_commit_hooks_check_plan_files() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().expect("a list of hooks");
    let ids: Vec<&str> = hooks.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["planlint", "planlint-system"]);
    // The `files` regex, run by a regex engine that reads it the same way.
    let matcher = |hook: &Value| validator(&json!({"pattern": hook["files"]}));
    for hook in hooks {
        assert_eq!(hook["entry"], "planlint check");
        for key in ["name", "description", "language", "files"] {
            assert!(hook[key].is_string(), "{key}: {hook}");
        }
        let files = matcher(hook);
        for path in [
            "plan.toml",
            "a.plan.toml",
            "plans/shop/2027.plan.toml",
            "x/plan.toml",
        ] {
            assert!(files.is_valid(&json!(path)), "{path}");
        }
        for path in [
            "planlint.toml",
            "Cargo.toml",
            "myplan.toml",
            "plan.toml.bak",
            "a.plan.toml/x",
        ] {
            assert!(!files.is_valid(&json!(path)), "{path}");
        }
    }
    assert_eq!(hooks[0]["language"], "rust");
    assert_eq!(hooks[1]["language"], "system");
}

#[test]
fn the_action_declares_its_inputs_and_uses_only_those() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"], "composite");
    let inputs = action["inputs"].as_object().unwrap();
    for name in ["paths", "format", "fail-on", "version"] {
        assert!(inputs[name]["description"].is_string(), "input {name}");
    }
    let text = fs::read_to_string("action.yml").unwrap();
    for (used, _) in text.match_indices("inputs.") {
        let name: String = text[used + "inputs.".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        assert!(
            inputs.contains_key(&name),
            "action.yml uses undeclared input {name}"
        );
    }
    let steps = action["runs"]["steps"].as_array().unwrap();
    for step in steps {
        assert!(
            step["uses"].is_string() || step["shell"] == "bash",
            "a run step of a composite action needs a shell: {step}"
        );
    }
    assert!(steps.iter().any(|s| {
        s["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
    }));
}

/// Runs the action's check step as the runner would, with the planlint under
/// test on the PATH, and returns the step's outputs and standard output.
fn run_check_step(inputs: &[(&str, &str)], dir: &Path) -> (String, String) {
    let action = yaml("action.yml");
    let step = action["runs"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "check")
        .unwrap();
    let outputs = dir.join("github-output");
    fs::write(&outputs, "").unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_planlint")).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let mut cmd = Command::new("bash");
    cmd.arg("-c")
        .arg(step["run"].as_str().unwrap())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", path)
        .env("GITHUB_OUTPUT", &outputs)
        .env("PATHS", ".")
        .env("FORMAT", "annotations")
        .env("FAIL_ON", "warning")
        .env("SARIF_FILE", dir.join("planlint.sarif"));
    for (name, value) in inputs {
        cmd.env(name, value);
    }
    let output = cmd.output().unwrap();
    assert!(output.status.success(), "{output:?}");
    (
        fs::read_to_string(outputs).unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn the_action_check_step_reports_and_passes_the_exit_code_on() {
    let dir = TempDir::new().unwrap();
    let weak = "examples/blitz-bikes/blitz-bikes.plan.toml";
    let clean = "examples/harbor-bikes/harbor-bikes.plan.toml";
    let (outputs, stdout) = run_check_step(&[("PATHS", &format!("{weak}\n{clean}"))], dir.path());
    assert_eq!(outputs, "exit-code=1\n");
    assert!(
        stdout.starts_with(&format!("::warning file={weak},")),
        "{stdout}"
    );

    let (outputs, stdout) = run_check_step(&[("PATHS", clean), ("FORMAT", "sarif")], dir.path());
    assert_eq!(outputs, "exit-code=0\nsarif=true\n");
    assert!(stdout.is_empty(), "{stdout}");
    let sarif: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("planlint.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");

    let (outputs, _) = run_check_step(&[("PATHS", weak), ("FAIL_ON", "never")], dir.path());
    assert_eq!(outputs, "exit-code=0\n");
}
