//! JSON Schemas of the plan format and of `planlint.toml`, for editors with
//! TOML schema support (Taplo, Even Better TOML): completion, hover
//! documentation and validation while a plan is written.
//!
//! The plan schema is built from the key lists of `plan::schema`, the one
//! source of truth of the format; this file adds only what those lists do not
//! say: each key's type, whether it is required, and its description. The
//! schemas declare draft 2020-12 but use only keywords that mean the same from
//! Draft 4 on, because Taplo validates with Draft 4 semantics.

use serde_json::{Map, Value, json};

use crate::plan::schema::{
    AMOUNT, EXTENSION_PREFIX, GOAL_KINDS, NumberRange, PER_WEEK, STAGES, TABLES,
};
use crate::rules::RULES;

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The pattern of an id, as `plan::schema::is_valid_id` checks it.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]*$";

/// What a key holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Texts,
    Id,
    /// A number in the range the plan loader accepts for the key.
    Number(&'static NumberRange),
    /// A number of 0 or more.
    NonNegative,
    /// A share from 0 to 1.
    Share,
    /// A whole number of 1 or more.
    Count,
    /// A TOML date; editors see it as a string.
    Date,
    /// One of these names, read as the plan loader reads it: without regard
    /// to case or surrounding spaces.
    Choice(&'static [&'static str]),
    /// Exactly one of these names.
    Exact(&'static [&'static str]),
    /// A table whose keys are listed under `[KEY]`.
    Table,
    /// A list of tables whose keys are listed under `[[KEY]]`.
    Tables,
    /// Waivers: rule codes or names, each with a reason or `{ reason, until }`.
    Waivers,
}

struct Key {
    name: &'static str,
    kind: Kind,
    required: bool,
    description: &'static str,
}

const fn key(name: &'static str, kind: Kind, description: &'static str) -> Key {
    Key {
        name,
        kind,
        required: false,
        description,
    }
}

const fn required(name: &'static str, kind: Kind, description: &'static str) -> Key {
    Key {
        name,
        kind,
        required: true,
        description,
    }
}

/// Types and descriptions of the plan's keys, by table as `TABLES` names them.
/// The descriptions follow the format's comments in the README.
const PLAN_KEYS: &[(&str, &[Key])] = &[
    (
        "the top level",
        &[
            required(
                "name",
                Kind::Text,
                "The plan's name, shown in reports, e.g. \"Harbor Bikes 2027\".",
            ),
            key(
                "owner",
                Kind::Text,
                "Who owns the plan, e.g. \"Marketing\".",
            ),
            key(
                "period",
                Kind::Text,
                "The period the plan covers, free text, e.g. \"2027\".",
            ),
            key(
                "feedback",
                Kind::Text,
                "A CSV file of customer feedback, relative to this file; adds the FB rules.",
            ),
            key(
                "why",
                Kind::Table,
                "The purpose or belief behind the plan (Sinek's WHY): why the business exists, beyond making money.",
            ),
            key(
                "how",
                Kind::Table,
                "How the business acts on its WHY: its principles and what sets it apart.",
            ),
            key("what", Kind::Table, "What the business offers."),
            key(
                "goal",
                Kind::Tables,
                "A goal: measurable, dated, and serving one of the three business goals (satisfaction, cost, revenue).",
            ),
            key(
                "persona",
                Kind::Tables,
                "A kind of customer the plan serves: what they want, in their own words, and how we know.",
            ),
            key(
                "touchpoint",
                Kind::Tables,
                "A place where the business meets its customers: what it says there, what it asks, and what is done with the answers.",
            ),
            key(
                "allow",
                Kind::Waivers,
                "Waived findings about the plan, its WHY, HOW or WHAT: a rule code or name, with the reason or { reason, until }.",
            ),
        ],
    ),
    (
        "[why]",
        &[key(
            "statement",
            Kind::Text,
            "The WHY in a sentence or two: a purpose or belief, not products, prices or the business's own numbers.",
        )],
    ),
    (
        "[how]",
        &[
            key(
                "statement",
                Kind::Text,
                "How the business acts on its WHY: its principles.",
            ),
            key(
                "differentiators",
                Kind::Texts,
                "What sets the business apart from others, one item each.",
            ),
        ],
    ),
    (
        "[what]",
        &[
            key(
                "statement",
                Kind::Text,
                "What the business offers, in a sentence.",
            ),
            key(
                "offerings",
                Kind::Texts,
                "The products and services, one item each.",
            ),
        ],
    ),
    (
        "[[goal]]",
        &[
            required(
                "id",
                Kind::Id,
                "The goal's id, unique among all ids of the plan: lower-case letters, digits and hyphens. Touchpoints name it in `goals`.",
            ),
            required("title", Kind::Text, "What the goal is, in words."),
            key(
                "kind",
                Kind::Choice(GOAL_KINDS),
                "The business goal it serves: satisfaction (happier customers), cost (lower costs) or revenue (more revenue).",
            ),
            key("metric", Kind::Text, "What is measured."),
            key(
                "baseline",
                Kind::Number(&AMOUNT),
                "Where the metric stands today.",
            ),
            key(
                "target",
                Kind::Number(&AMOUNT),
                "Where the metric should be by the due date.",
            ),
            key(
                "due",
                Kind::Date,
                "When the target is due: a TOML date, without quotes, e.g. 2027-03-31.",
            ),
            key("why", Kind::Text, "How this goal serves the WHY."),
            key(
                "allow",
                Kind::Waivers,
                "Waived findings about this item: a rule code or name, with the reason or { reason, until }.",
            ),
        ],
    ),
    (
        "[[persona]]",
        &[
            required(
                "id",
                Kind::Id,
                "The persona's id, unique among all ids of the plan: lower-case letters, digits and hyphens. Touchpoints name it in `personas`.",
            ),
            required(
                "name",
                Kind::Text,
                "The persona's name, e.g. \"Daily commuter\".",
            ),
            key("summary", Kind::Text, "Who they are, in a sentence or two."),
            key(
                "wants",
                Kind::Texts,
                "What they want, ideally in their own words.",
            ),
            key(
                "evidence",
                Kind::Texts,
                "Where that knowledge comes from: interviews, surveys, reviews. Empty means the persona is an assumption.",
            ),
            key(
                "interests",
                Kind::Texts,
                "What moves them beyond the product.",
            ),
            key("purchase_insight", Kind::Text, "Why and how they buy."),
            key("value_proposition", Kind::Text, "What we promise them."),
            key(
                "allow",
                Kind::Waivers,
                "Waived findings about this item: a rule code or name, with the reason or { reason, until }.",
            ),
        ],
    ),
    (
        "[[touchpoint]]",
        &[
            required(
                "id",
                Kind::Id,
                "The touchpoint's id, unique among all ids of the plan: lower-case letters, digits and hyphens.",
            ),
            required(
                "name",
                Kind::Text,
                "The touchpoint's name, e.g. \"Service reminder\".",
            ),
            key(
                "stage",
                Kind::Choice(STAGES),
                "The stage of the customer journey where it happens.",
            ),
            key(
                "channel",
                Kind::Text,
                "Where it happens, free text: email, shop, phone, ...",
            ),
            key(
                "owner",
                Kind::Text,
                "Who looks after it, free text; care, customer care, support, service or success mean people who help customers.",
            ),
            key(
                "personas",
                Kind::Texts,
                "The ids of the personas it reaches.",
            ),
            key("goals", Kind::Texts, "The ids of the goals it serves."),
            key("message", Kind::Text, "What it says to the customer."),
            key(
                "ask",
                Kind::Text,
                "The question it asks the customer, if any.",
            ),
            key("act", Kind::Text, "What is done with the answers."),
            key(
                "per_week",
                Kind::Number(&PER_WEEK),
                "Contacts per week per customer (0.25 = monthly); without it the touchpoint is a one-off.",
            ),
            key(
                "allow",
                Kind::Waivers,
                "Waived findings about this item: a rule code or name, with the reason or { reason, until }.",
            ),
        ],
    ),
];

const FAIL_ON: &[&str] = &["error", "warning", "info", "never"];
const SEVERITIES: &[&str] = &["error", "warning", "info"];

/// The keys of `planlint.toml`. The configuration itself is read elsewhere;
/// this is the one place its schema is described, to keep in step with it.
const CONFIG_KEYS: &[Key] = &[
    key(
        "fail-on",
        Kind::Exact(FAIL_ON),
        "Exit with 1 when a finding has this severity or a higher one (default: warning); `--fail-on` overrides it.",
    ),
    key(
        "select",
        Kind::Texts,
        "The rules to run: codes (TX001), names (transactional-touchpoint) or families (TX). Default: all rules.",
    ),
    key(
        "ignore",
        Kind::Texts,
        "Rules not to run: codes (TX001), names (transactional-touchpoint) or families (TX).",
    ),
    key(
        "severity",
        Kind::Table,
        "The severity of a rule, by code or name: error, warning or info.",
    ),
    key(
        "settings",
        Kind::Table,
        "The thresholds the rules judge by.",
    ),
];

const SETTINGS_KEYS: &[Key] = &[
    key(
        "max-contacts-per-week",
        Kind::NonNegative,
        "TX005: the contacts a week a persona may get from all the touchpoints that reach it (default: 3).",
    ),
    key(
        "transactional-share",
        Kind::Share,
        "TX002: the share of pure sales-pressure touchpoints above which the plan is transactional (default: 0.5).",
    ),
    key(
        "feedback-min-comments",
        Kind::Count,
        "FB001, FB004: the linked comments (scores for FB004) a touchpoint or persona needs before it is judged (default: 5).",
    ),
    key(
        "feedback-negative-share",
        Kind::Share,
        "FB001: the share of negative comments at which a touchpoint is complained about (default: 0.5).",
    ),
    key(
        "feedback-min-wants",
        Kind::Count,
        "FB002: the comments that must ask for the same thing before it is an unmet want (default: 3).",
    ),
    key(
        "feedback-min-fatigue",
        Kind::Count,
        "FB006: the comments about contact frequency that make a touchpoint tiring (default: 3).",
    ),
];

/// The JSON Schema of a plan (format v1).
pub fn plan_schema() -> Value {
    let mut schema = table_schema("the top level");
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
    let levels: Map<_, _> = RULES
        .iter()
        .map(|rule| {
            let schema = json!({"enum": SEVERITIES, "description": rule.summary});
            (rule.code.to_owned(), schema)
        })
        .collect();
    let mut properties = Map::new();
    for key in CONFIG_KEYS {
        let schema = match key.name {
            "severity" => json!({
                "type": "object",
                "properties": levels,
                "additionalProperties": {"enum": SEVERITIES},
            }),
            "settings" => json!({
                "type": "object",
                "properties": properties_of(SETTINGS_KEYS),
                "additionalProperties": false,
            }),
            _ => kind_schema(key.kind),
        };
        properties.insert(key.name.to_owned(), described(schema, key.description));
    }
    json!({
        "$schema": DRAFT,
        "title": "planlint configuration (planlint.toml)",
        "description": "Which rules planlint runs, how severe their findings are, and the thresholds they judge by.",
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    })
}

/// The schema of a table of the plan: the keys `TABLES` lists for it, each
/// with its documented type, plus the user's own `x-` keys.
fn table_schema(shown_as: &str) -> Value {
    let keys = TABLES
        .iter()
        .find(|(table, _)| *table == shown_as)
        .map_or(&[][..], |(_, keys)| *keys);
    let documented = PLAN_KEYS
        .iter()
        .find(|(table, _)| *table == shown_as)
        .map_or(&[][..], |(_, keys)| *keys);
    let mut properties = Map::new();
    let mut required = Vec::new();
    for &name in keys {
        // A key without documentation still belongs to the format; the tests
        // make sure none is left without.
        let schema = match documented.iter().find(|k| k.name == name) {
            Some(key) => {
                if key.required {
                    required.push(name);
                }
                let schema = match key.kind {
                    Kind::Table => table_schema(&format!("[{name}]")),
                    Kind::Tables => json!({
                        "type": "array",
                        "items": table_schema(&format!("[[{name}]]")),
                    }),
                    kind => kind_schema(kind),
                };
                described(schema, key.description)
            }
            None => json!({}),
        };
        properties.insert(name.to_owned(), schema);
    }
    let mut schema = json!({
        "type": "object",
        "properties": properties,
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

fn properties_of(keys: &[Key]) -> Map<String, Value> {
    keys.iter()
        .map(|key| {
            let schema = described(kind_schema(key.kind), key.description);
            (key.name.to_owned(), schema)
        })
        .collect()
}

fn kind_schema(kind: Kind) -> Value {
    match kind {
        Kind::Text => json!({"type": "string"}),
        Kind::Texts => json!({"type": "array", "items": {"type": "string"}}),
        Kind::Id => json!({"type": "string", "pattern": ID_PATTERN}),
        Kind::Number(range) => {
            json!({"type": "number", "minimum": range.min, "maximum": range.max})
        }
        Kind::NonNegative => json!({"type": "number", "minimum": 0}),
        Kind::Share => json!({"type": "number", "minimum": 0, "maximum": 1}),
        Kind::Count => json!({"type": "integer", "minimum": 1}),
        Kind::Date => json!({"type": "string", "format": "date"}),
        // Editors complete the names of the `enum`; the pattern accepts the
        // rest of what the loader accepts: any case, spaces around.
        Kind::Choice(names) => json!({
            "type": "string",
            "anyOf": [{"enum": names}, {"pattern": any_case_pattern(names)}],
        }),
        Kind::Exact(names) => json!({"enum": names}),
        Kind::Table | Kind::Tables => json!({"type": "object"}),
        Kind::Waivers => json!({
            "type": "object",
            "patternProperties": {format!("^{EXTENSION_PREFIX}"): {}},
            "additionalProperties": {
                "anyOf": [
                    {"type": "string", "description": "Why the finding is accepted."},
                    {
                        "type": "object",
                        "properties": {
                            "reason": {"type": "string", "description": "Why the finding is accepted."},
                            "until": {"type": "string", "format": "date", "description": "The last day the waiver holds."},
                        },
                        "additionalProperties": false,
                    },
                ],
            },
        }),
    }
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
    #[test]
    fn the_config_schema_has_the_keys_the_configuration_reads() {
        let names = |keys: &[Key]| keys.iter().map(|k| k.name).collect::<Vec<_>>();
        assert_eq!(names(CONFIG_KEYS), crate::config::file::TOP_KEYS);
        let settings: Vec<&str> = crate::config::SETTINGS.iter().map(|s| s.name).collect();
        assert_eq!(names(SETTINGS_KEYS), settings);
    }

    use super::*;
    use crate::diagnostic::Severity;
    use crate::plan::schema::is_valid_id;

    /// The schema of a table, found by the name `TABLES` gives it.
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

    fn sorted<'a>(keys: &[&'a str]) -> Vec<&'a str> {
        let mut keys = keys.to_vec();
        keys.sort_unstable();
        keys
    }

    #[test]
    fn each_table_has_the_format_keys_and_only_them() {
        let schema = plan_schema();
        assert_eq!(schema["$schema"], DRAFT);
        for (shown_as, keys) in TABLES {
            let table = table(&schema, shown_as);
            assert_eq!(table["type"], "object", "{shown_as}");
            assert_eq!(names(&table["properties"]), sorted(keys), "{shown_as}");
            assert_eq!(table["additionalProperties"], false, "{shown_as}");
            assert_eq!(names(&table["patternProperties"]), ["^x-"], "{shown_as}");
        }
    }

    #[test]
    fn every_key_of_the_format_is_documented_and_nothing_else() {
        let documented: Vec<&str> = PLAN_KEYS.iter().map(|(table, _)| *table).collect();
        let tables: Vec<&str> = TABLES.iter().map(|(table, _)| *table).collect();
        assert_eq!(documented, tables);
        for ((shown_as, keys), (_, docs)) in TABLES.iter().zip(PLAN_KEYS) {
            let names: Vec<&str> = docs.iter().map(|key| key.name).collect();
            assert_eq!(
                names, *keys,
                "keys of {shown_as} to document in src/schema.rs"
            );
        }
        let all = PLAN_KEYS.iter().flat_map(|(_, keys)| *keys);
        for key in all.chain(CONFIG_KEYS).chain(SETTINGS_KEYS) {
            assert!(
                key.description.len() > 10 && key.description.ends_with('.'),
                "{}: {:?}",
                key.name,
                key.description
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
