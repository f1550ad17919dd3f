//! JSON Schemas of the plan format and of `planlint.toml`, for editors with
//! TOML schema support (Taplo, Even Better TOML): completion, hover
//! documentation and validation while a plan is written.
//!
//! Both are written from the key tables the files are read by: the plan's
//! in `plan::keys`, the configuration's in `config::file` and its settings'
//! in `rules::settings`. Each key's name, kind, whether it is required and
//! its description come from there; this file only says how a kind is
//! written in JSON Schema. The schemas declare draft 2020-12 but use only
//! keywords that mean the same from Draft 4 on, because Taplo validates
//! with Draft 4 semantics.
//!
//! Floor `render`: imports the key tables (`plan`, `rules`, `config`).

use serde_json::{Map, Value, json};

use crate::config::SETTINGS;
use crate::config::file::KEYS;
use crate::plan::keys::{EXTENSION_PREFIX, Kind, Number, TOP, Table, WAIVER};
use crate::rules::RULES;

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The pattern of an id, as `plan::keys::is_valid_id` checks it.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]*$";

const SEVERITIES: &[&str] = &["error", "warning", "info"];

/// The JSON Schema of a plan (format v1).
pub fn plan_schema() -> Value {
    let mut schema = table_schema(&TOP);
    insert(&mut schema, "$schema", DRAFT.into());
    insert(&mut schema, "title", "planlint plan (format v1)".into());
    insert(
        &mut schema,
        "description",
        "A marketing plan that planlint checks: its WHY, HOW and WHAT, goals, personas and touchpoints. Keys that start with x- are yours."
            .into(),
    );
    schema
}

/// The JSON Schema of `planlint.toml`.
pub fn config_schema() -> Value {
    let properties: Map<_, _> = KEYS
        .keys
        .iter()
        .map(|key| {
            let schema = described(kind_schema(key.kind), key.description);
            (key.name.to_owned(), schema)
        })
        .collect();
    json!({
        "$schema": DRAFT,
        "title": "planlint configuration (planlint.toml)",
        "description": "Which rules planlint runs, how severe their findings are, and the thresholds they judge by.",
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    })
}

/// The schema of a table of the plan: its keys, each with its type, plus
/// the user's own `x-` keys.
fn table_schema(table: &Table) -> Value {
    let required: Vec<&str> = table
        .keys
        .iter()
        .filter(|k| k.required)
        .map(|k| k.name)
        .collect();
    let mut schema = json!({
        "type": "object",
        "properties": properties(table),
        "patternProperties": {
            format!("^{EXTENSION_PREFIX}"): {
                "description": format!("Your own data: planlint never checks keys that start with {EXTENSION_PREFIX}.")
            }
        },
        "additionalProperties": false,
    });
    // Draft 4 wants at least one name in `required`.
    if !required.is_empty() {
        insert(&mut schema, "required", json!(required));
    }
    schema
}

fn kind_schema(kind: Kind) -> Value {
    match kind {
        Kind::Text => json!({"type": "string"}),
        Kind::Texts => json!({"type": "array", "items": {"type": "string"}}),
        Kind::Id => json!({"type": "string", "pattern": ID_PATTERN}),
        Kind::Number(Number::Range(range)) => {
            json!({"type": "number", "minimum": range.min, "maximum": range.max})
        }
        Kind::Number(Number::NonNegative) => json!({"type": "number", "minimum": 0}),
        Kind::Number(Number::Share) => json!({"type": "number", "minimum": 0, "maximum": 1}),
        Kind::Number(Number::Count) => json!({"type": "integer", "minimum": 1}),
        Kind::Date => json!({"type": "string", "format": "date"}),
        // Editors complete the names of the `enum`; the pattern accepts the
        // rest of what the loader accepts: any case, spaces around.
        Kind::Choice(names) => json!({
            "type": "string",
            "anyOf": [{"enum": names}, {"pattern": any_case_pattern(names)}],
        }),
        Kind::Exact(names) => json!({"enum": names}),
        Kind::Table(table) => table_schema(table),
        Kind::Tables(table) => json!({"type": "array", "items": table_schema(table)}),
        Kind::Waivers => {
            let reason = WAIVER.get("reason").expect("a waiver has a reason");
            json!({
                "type": "object",
                "patternProperties": {format!("^{EXTENSION_PREFIX}"): {}},
                "additionalProperties": {
                    "anyOf": [
                        described(kind_schema(reason.kind), reason.description),
                        {
                            "type": "object",
                            "properties": properties(&WAIVER),
                            "additionalProperties": false,
                        },
                    ],
                },
            })
        }
        Kind::Levels => {
            let levels: Map<_, _> = RULES
                .iter()
                .map(|rule| {
                    let schema = json!({"enum": SEVERITIES, "description": rule.summary});
                    (rule.code.to_owned(), schema)
                })
                .collect();
            json!({
                "type": "object",
                "properties": levels,
                "additionalProperties": {"enum": SEVERITIES},
            })
        }
        Kind::Settings => {
            let settings: Map<_, _> = SETTINGS
                .iter()
                .map(|setting| {
                    let schema = kind_schema(Kind::Number(setting.kind));
                    (
                        setting.name.to_owned(),
                        described(schema, &setting.description()),
                    )
                })
                .collect();
            json!({
                "type": "object",
                "properties": settings,
                "additionalProperties": false,
            })
        }
    }
}

/// The keys of a table, each with its type and description.
fn properties(table: &Table) -> Map<String, Value> {
    table
        .keys
        .iter()
        .map(|key| {
            let schema = described(kind_schema(key.kind), key.description);
            (key.name.to_owned(), schema)
        })
        .collect()
}

/// `^\s*(?:[Cc][Oo][Ss][Tt]|...)\s*$`: JSON Schema patterns have no flag for
/// ignoring case.
fn any_case_pattern(names: &[&str]) -> String {
    let alternatives: Vec<String> = names
        .iter()
        .map(|name| {
            name.chars()
                .map(|c| {
                    if c.is_ascii_alphabetic() {
                        format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        })
        .collect();
    format!("^\\s*(?:{})\\s*$", alternatives.join("|"))
}

fn described(mut schema: Value, description: &str) -> Value {
    insert(&mut schema, "description", description.into());
    schema
}

fn insert(schema: &mut Value, key: &str, value: Value) {
    if let Value::Object(fields) = schema {
        fields.insert(key.to_owned(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::plan::keys::{GOAL_KINDS, STAGES, is_valid_id, tables};

    /// The schema of a table, found by the name it is shown as.
    fn table<'a>(schema: &'a Value, shown_as: &str) -> &'a Value {
        let name = shown_as.trim_matches(['[', ']']);
        match shown_as {
            "the top level" => schema,
            _ if shown_as.starts_with("[[") => &schema["properties"][name]["items"],
            _ => &schema["properties"][name],
        }
    }

    fn names(properties: &Value) -> Vec<&str> {
        let mut names: Vec<&str> = properties
            .as_object()
            .expect("properties is an object")
            .keys()
            .map(String::as_str)
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn each_table_has_the_format_keys_and_only_them() {
        let schema = plan_schema();
        assert_eq!(schema["$schema"], DRAFT);
        for format in tables() {
            let shown_as = format.shown_as;
            let table = table(&schema, shown_as);
            let mut keys: Vec<&str> = format.names().collect();
            keys.sort_unstable();
            assert_eq!(table["type"], "object", "{shown_as}");
            assert_eq!(names(&table["properties"]), keys, "{shown_as}");
            assert_eq!(table["additionalProperties"], false, "{shown_as}");
            assert_eq!(names(&table["patternProperties"]), ["^x-"], "{shown_as}");
        }
    }

    #[test]
    fn every_key_has_a_description_of_a_sentence() {
        let keys = tables().into_iter().chain([&WAIVER, &KEYS]);
        let mut described: Vec<(&str, String)> = keys
            .flat_map(|table| table.keys)
            .map(|key| (key.name, key.description.to_owned()))
            .collect();
        described.extend(SETTINGS.iter().map(|s| (s.name, s.description())));
        for (name, description) in described {
            assert!(
                description.len() > 10 && description.ends_with('.'),
                "{name}: {description:?}"
            );
        }
    }

    #[test]
    fn choices_are_the_goal_kinds_and_stages() {
        let schema = plan_schema();
        let kind = &table(&schema, "[[goal]]")["properties"]["kind"];
        assert_eq!(kind["anyOf"][0]["enum"], json!(GOAL_KINDS));
        let stage = &table(&schema, "[[touchpoint]]")["properties"]["stage"];
        assert_eq!(stage["anyOf"][0]["enum"], json!(STAGES));
    }

    #[test]
    fn choices_are_read_like_the_loader_reads_them() {
        let validator = jsonschema::validator_for(&kind_schema(Kind::Choice(GOAL_KINDS))).unwrap();
        for accepted in ["cost", "Revenue", " SATISFACTION "] {
            assert!(validator.is_valid(&json!(accepted)), "{accepted}");
        }
        for refused in ["sales", "costs", "", "re venue"] {
            assert!(!validator.is_valid(&json!(refused)), "{refused}");
        }
    }

    #[test]
    fn the_id_pattern_agrees_with_the_loader() {
        let validator = jsonschema::validator_for(&kind_schema(Kind::Id)).unwrap();
        for id in [
            "winter-riders",
            "2027-launch",
            "a",
            "a-",
            "-x",
            "Winter",
            "a_b",
            "",
            "a\n",
            "café",
        ] {
            assert_eq!(validator.is_valid(&json!(id)), is_valid_id(id), "{id:?}");
        }
    }

    #[test]
    fn required_keys_are_the_ids_and_names() {
        let schema = plan_schema();
        assert_eq!(schema["required"], json!(["name"]));
        for (item, name) in [
            ("[[goal]]", "title"),
            ("[[persona]]", "name"),
            ("[[touchpoint]]", "name"),
        ] {
            assert_eq!(table(&schema, item)["required"], json!(["id", name]));
        }
    }

    /// Collects the keywords of a schema and of the schemas inside it.
    fn keywords<'a>(schema: &'a Value, found: &mut Vec<&'a str>) {
        let Some(fields) = schema.as_object() else {
            return;
        };
        for (keyword, value) in fields {
            found.push(keyword);
            match keyword.as_str() {
                "properties" | "patternProperties" => {
                    for inner in value.as_object().unwrap().values() {
                        keywords(inner, found);
                    }
                }
                "anyOf" => value
                    .as_array()
                    .unwrap()
                    .iter()
                    .for_each(|s| keywords(s, found)),
                "items" | "additionalProperties" => keywords(value, found),
                _ => {}
            }
        }
    }

    #[test]
    fn only_keywords_taplo_reads_the_same_way_are_used() {
        // These mean the same from Draft 4 to 2020-12 (`format` values
        // unknown to a draft are ignored by it).
        let portable = [
            "$schema",
            "title",
            "description",
            "type",
            "properties",
            "patternProperties",
            "additionalProperties",
            "required",
            "items",
            "enum",
            "anyOf",
            "pattern",
            "minimum",
            "maximum",
            "format",
        ];
        for schema in [plan_schema(), config_schema()] {
            let mut found = Vec::new();
            keywords(&schema, &mut found);
            for keyword in found {
                assert!(portable.contains(&keyword), "{keyword}");
            }
        }
    }

    #[test]
    fn the_config_schema_has_the_configuration_keys() {
        let schema = config_schema();
        assert_eq!(schema["$schema"], DRAFT);
        assert_eq!(
            names(&schema["properties"]),
            ["fail-on", "ignore", "select", "settings", "severity"]
        );
        assert_eq!(
            names(&schema["properties"]["settings"]["properties"]),
            [
                "feedback-min-comments",
                "feedback-min-fatigue",
                "feedback-min-wants",
                "feedback-negative-share",
                "feedback-significance",
                "feedback-trend-min-scores",
                "max-contacts-per-week",
                "transactional-share",
            ]
        );
        let severity = &schema["properties"]["severity"];
        assert_eq!(
            severity["properties"].as_object().unwrap().len(),
            RULES.len()
        );
        let levels: Vec<&str> = Severity::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(SEVERITIES, levels);
    }
}
