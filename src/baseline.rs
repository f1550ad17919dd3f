//! Baselines: the findings a repository accepts for now, recorded with
//! `--write-baseline FILE` and hidden with `--baseline FILE`, so that CI fails
//! only on new findings.
//!
//! A finding is known by its file, its rule and its subject, never by its
//! line, so editing or reordering a plan keeps it known. A count per
//! fingerprint tells two recorded findings from a third, new one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::check::Report;
use crate::source::display_path;

/// The version of the baseline file format.
pub const VERSION: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not a planlint baseline: {0}")]
    Invalid(String),
    #[error("baseline version {0} is not one this planlint reads (it reads version {VERSION})")]
    Version(u32),
}

/// What identifies a finding across edits of its plan.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
struct Fingerprint {
    /// The plan's path relative to the baseline file's folder, with `/`.
    file: String,
    code: String,
    subject: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Baseline {
    /// The folder that file paths are relative to: the baseline file's.
    dir: PathBuf,
    counts: BTreeMap<Fingerprint, usize>,
}

/// The file: `{"version": 1, "findings": [{"file", "code", "subject", "count"}]}`.
#[derive(Serialize, Deserialize)]
struct Document {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    #[serde(flatten)]
    fingerprint: Fingerprint,
    count: usize,
}

impl Baseline {
    /// Records the findings of a report, for a baseline file at `path`.
    pub fn record(report: &Report, path: &Path) -> Self {
        let mut baseline = Self {
            dir: folder_of(path),
            counts: BTreeMap::new(),
        };
        for (file, finding) in report.findings() {
            let fingerprint = Fingerprint {
                file: relative(&file.source.path, &baseline.dir),
                code: finding.rule.code.to_owned(),
                subject: finding.subject.to_string(),
            };
            *baseline.counts.entry(fingerprint).or_default() += 1;
        }
        baseline
    }

    /// Reads the text of the baseline file at `path`.
    pub fn parse(text: &str, path: &Path) -> Result<Self, Error> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| Error::Invalid(e.to_string()))?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(VERSION) => {}
            Some(v) => return Err(Error::Version(u32::try_from(v).unwrap_or(u32::MAX))),
            None => return Err(Error::Invalid("it has no `version`".to_owned())),
        }
        let document: Document =
            serde_json::from_value(value).map_err(|e| Error::Invalid(e.to_string()))?;
        let mut counts = BTreeMap::new();
        for entry in document.findings {
            *counts.entry(entry.fingerprint).or_default() += entry.count;
        }
        Ok(Self {
            dir: folder_of(path),
            counts,
        })
    }

    /// The baseline file's text: entries sorted by file, code and subject.
    pub fn to_json(&self) -> String {
        let document = Document {
            version: VERSION,
            findings: self
                .counts
                .iter()
                .filter(|(_, count)| **count > 0)
                .map(|(fingerprint, &count)| Entry {
                    fingerprint: fingerprint.clone(),
                    count,
                })
                .collect(),
        };
        let mut text = serde_json::to_string_pretty(&document)
            .expect("a baseline is strings and numbers, which always serialize");
        text.push('\n');
        text
    }

    /// How many findings the baseline records.
    pub fn total(&self) -> usize {
        self.counts.values().sum()
    }

    /// Hides the findings the baseline records, up to its count for each
    /// fingerprint (the first ones in the file), and counts the recorded
    /// findings of the files checked that no longer occur. Files the
    /// baseline names but the report does not are left alone: they were not
    /// checked this time.
    pub fn apply(&self, report: &mut Report) {
        let mut left = self.counts.clone();
        let mut checked = BTreeSet::new();
        for file in &mut report.files {
            let path = relative(&file.source.path, &self.dir);
            let before = file.findings.len();
            file.findings.retain(|finding| {
                let fingerprint = Fingerprint {
                    file: path.clone(),
                    code: finding.rule.code.to_owned(),
                    subject: finding.subject.to_string(),
                };
                match left.get_mut(&fingerprint) {
                    Some(count) if *count > 0 => {
                        *count -= 1;
                        false
                    }
                    _ => true,
                }
            });
            file.in_baseline += before - file.findings.len();
            checked.insert(path);
        }
        report.stale_baseline = left
            .iter()
            .filter(|(fingerprint, _)| checked.contains(&fingerprint.file))
            .map(|(_, count)| count)
            .sum();
    }
}

/// The folder a file is in, `.` for a bare file name.
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// `path` relative to the folder `base`, with `/`, so that a baseline works
/// from whichever folder planlint is run. Paths are compared as written
/// (after `.` and `..`), without resolving links.
fn relative(path: &Path, base: &Path) -> String {
    let (path, base) = (absolute(path), absolute(base));
    let common = path
        .components()
        .zip(base.components())
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return display_path(&path);
    }
    let mut relative = PathBuf::new();
    for _ in base.components().skip(common) {
        relative.push("..");
    }
    for component in path.components().skip(common) {
        relative.push(component);
    }
    display_path(&relative)
}

/// An absolute path with `.` and `..` folded away.
fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CheckedFile;
    use crate::diagnostic::{Finding, Subject};
    use crate::rules::find;
    use crate::source::SourceFile;

    fn file(path: &str, findings: &[(&str, Subject)]) -> CheckedFile {
        let findings = findings
            .iter()
            .map(|(code, subject)| {
                Finding::new(find(code).unwrap(), subject.clone(), 0..0, "m".to_owned())
            })
            .collect();
        CheckedFile {
            source: SourceFile::new(path, ""),
            name: None,
            rules_ran: true,
            feedback: None,
            config: std::sync::Arc::default(),
            findings,
            waived: 0,
            in_baseline: 0,
        }
    }

    fn report(files: Vec<CheckedFile>) -> Report {
        Report {
            files,
            ..Report::default()
        }
    }

    fn tx001(id: &str) -> (&'static str, Subject) {
        ("TX001", Subject::Touchpoint(id.to_owned()))
    }

    #[test]
    fn counts_tell_recorded_findings_from_a_new_one() {
        let recorded = report(vec![file("plans/a.plan.toml", &[tx001("x"), tx001("x")])]);
        let baseline = Baseline::record(&recorded, Path::new("baseline.json"));
        assert_eq!(baseline.total(), 2);
        let mut now = report(vec![file(
            "plans/a.plan.toml",
            &[tx001("x"), tx001("x"), tx001("x"), tx001("y")],
        )]);
        baseline.apply(&mut now);
        let shown: Vec<String> = now.files[0]
            .findings
            .iter()
            .map(|f| f.subject.to_string())
            .collect();
        assert_eq!(shown, ["touchpoint.x", "touchpoint.y"]);
        assert_eq!(now.in_baseline(), 2);
        assert_eq!(now.stale_baseline, 0);
    }

    #[test]
    fn fixed_findings_are_stale_only_in_files_that_were_checked() {
        let recorded = report(vec![
            file("a.plan.toml", &[tx001("x"), ("WHY001", Subject::Why)]),
            file("b.plan.toml", &[tx001("z")]),
        ]);
        let baseline = Baseline::record(&recorded, Path::new("baseline.json"));
        let mut now = report(vec![file("a.plan.toml", &[tx001("x")])]);
        baseline.apply(&mut now);
        assert_eq!(now.in_baseline(), 1);
        assert_eq!(now.stale_baseline, 1, "WHY001 was fixed; b was not checked");
    }

    #[test]
    fn the_file_is_sorted_json_and_reads_back() {
        let recorded = report(vec![
            file("z.plan.toml", &[tx001("b"), tx001("a")]),
            file("a.plan.toml", &[("WHY001", Subject::Why)]),
        ]);
        let baseline = Baseline::record(&recorded, Path::new("ci/baseline.json"));
        let text = baseline.to_json();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["version"], 1);
        assert_eq!(
            value["findings"][0],
            serde_json::json!({"file": "../a.plan.toml", "code": "WHY001", "subject": "why", "count": 1})
        );
        assert_eq!(value["findings"][1]["subject"], "touchpoint.a");
        assert_eq!(value["findings"][2]["subject"], "touchpoint.b");
        let read = Baseline::parse(&text, Path::new("ci/baseline.json")).unwrap();
        assert_eq!(read, baseline);
        assert_eq!(read.to_json(), text);
    }

    #[test]
    fn other_files_and_versions_are_refused() {
        let path = Path::new("b.json");
        assert!(matches!(
            Baseline::parse("[1, 2]", path),
            Err(Error::Invalid(_))
        ));
        assert!(matches!(
            Baseline::parse(r#"{"version": 2, "findings": []}"#, path),
            Err(Error::Version(2))
        ));
        assert!(matches!(
            Baseline::parse(r#"{"version": 1, "findings": [{"file": "a"}]}"#, path),
            Err(Error::Invalid(_))
        ));
    }

    #[test]
    fn paths_are_relative_to_the_baseline_folder() {
        let dir = Path::new("plans");
        assert_eq!(relative(Path::new("plans/a.plan.toml"), dir), "a.plan.toml");
        assert_eq!(
            relative(Path::new("./plans/./x/../b.plan.toml"), dir),
            "b.plan.toml"
        );
        assert_eq!(
            relative(Path::new("other/c.plan.toml"), dir),
            "../other/c.plan.toml"
        );
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(
            relative(&cwd.join("plans/a.plan.toml"), Path::new("plans")),
            "a.plan.toml"
        );
        assert_eq!(folder_of(Path::new("baseline.json")), Path::new("."));
    }
}
