//! `--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code
//! scanning, IDE viewers). One run, every rule of the registry, one result per
//! finding; validated against the OASIS schema in `tests/schemas/`.

use std::io::{self, Write};

use serde::Serialize;

use super::Render;
use crate::check::Report;
use crate::diagnostic::Severity;
use crate::rules::RULES;
use crate::text::sanitize::clean;

pub struct Sarif;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    /// planlint counts columns in characters, not in UTF-16 code units (the default).
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: &'static str,
    markdown: &'static str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    /// The rule's family, which code-scanning tools show and filter by.
    tags: [&'static str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    properties: ResultProperties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
}

#[derive(Serialize)]
struct ResultProperties {
    /// As in the JSON output: `plan`, `why`, `goal.ID`, `touchpoint.ID`...
    subject: String,
    help: String,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

impl Render for Sarif {
    fn report(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let rules = RULES
            .iter()
            .map(|r| ReportingDescriptor {
                id: r.code,
                name: r.name,
                short_description: Text {
                    text: r.summary.to_owned(),
                },
                full_description: Text {
                    text: r.description(),
                },
                help: Help {
                    text: r.docs,
                    markdown: r.docs,
                },
                default_configuration: Configuration {
                    level: level(r.severity),
                },
                properties: RuleProperties {
                    tags: [r.family.prefix()],
                },
            })
            .collect();
        let results = report
            .findings()
            .map(|(file, f)| SarifResult {
                rule_id: f.rule.code,
                rule_index: RULES.iter().position(|r| r.code == f.rule.code),
                level: level(f.severity),
                message: Text {
                    text: clean(&f.message).into_owned(),
                },
                locations: [Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: uri_reference(&file.source.display_path()),
                        },
                        region: Region {
                            start_line: f.location.line,
                            start_column: f.location.column,
                        },
                    },
                }],
                properties: ResultProperties {
                    subject: clean(&f.subject.to_string()).into_owned(),
                    help: clean(&f.help).into_owned(),
                },
            })
            .collect();
        let log = Log {
            schema: SCHEMA,
            version: "2.1.0",
            runs: [Run {
                tool: Tool {
                    driver: Driver {
                        name: env!("CARGO_PKG_NAME"),
                        version: env!("CARGO_PKG_VERSION"),
                        semantic_version: env!("CARGO_PKG_VERSION"),
                        rules,
                    },
                },
                column_kind: "unicodeCodePoints",
                results,
            }],
        };
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}

/// A path as a relative URI reference: `/` separators kept, everything but
/// unreserved characters percent-encoded, so a space, `#`, `?` or a `:` that
/// would read as a scheme cannot change what the URI points at. The path is
/// not cleaned: the encoding leaves no control, and the URI must name the
/// file as it is.
fn uri_reference(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tests::nasty_report;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            uri_reference("plans/a b#1?.plan.toml"),
            "plans/a%20b%231%3F.plan.toml"
        );
        assert_eq!(uri_reference("c:/x/é.toml"), "c%3A/x/%C3%A9.toml");
    }

    #[test]
    fn untrusted_text_is_plain_json_without_controls() {
        let mut out = Vec::new();
        Sarif.report(&nasty_report(), &mut out).unwrap();
        let log: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let result = &log["runs"][0]["results"][1];
        let text = result["message"]["text"].as_str().unwrap();
        assert!(!text.contains(|c: char| c.is_control() && c != '\n'));
        assert!(text.contains("<script>") && text.contains("\"quoted\""));
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "we%2Cird%3Adir/a%20b%25%1B%5B31m%07%0A%3A%3Aerror%20file%3Dx%2Cline%3D1%3A%3A%E2%80%AE.plan.toml"
        );
        assert_eq!(result["ruleIndex"], 1);
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"][1]["id"],
            "PLAN002"
        );
    }
}
