//! Baselines: the findings a repository accepts for now, recorded with
//! `--write-baseline FILE` and hidden with `--baseline FILE`, so that CI fails
//! only on new findings.
//!
//! A finding is known by its file, its rule and its subject, never by its
//! line, so editing or reordering a plan keeps it known. A count per
//! fingerprint tells two recorded findings from a third, new one.
//!
//! Floor `check`: reads a [`Report`]; imports `input` and `source`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use crate::check::Report;
use crate::input::{self, InputError, Output};
use crate::source::{display_path, excerpt};

/// The version of the baseline file format.
pub const VERSION: u32 = 1;

/// Baseline files larger than this are refused: a baseline records a line
/// of JSON per finding, and this is room for some hundred thousand.
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// The largest count an entry may record: more findings of one rule about
/// one subject than a plan of 1 MB can give. A larger count, or 0, is an
/// edit gone wrong, and a huge one would hide new findings for good.
pub const MAX_COUNT: u64 = 1_000_000;

/// Why a baseline could not be read. Each message names the file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read the baseline {}: {problem}", display_path(.path))]
    Read { path: PathBuf, problem: InputError },
    #[error(
        "{} is not a planlint baseline: {reason}; write one with --write-baseline",
        display_path(.path)
    )]
    Invalid { path: PathBuf, reason: String },
    #[error(
        "{}: baseline version {found} is not one this planlint reads (it reads version \
         {VERSION}); rewrite it with --write-baseline",
        display_path(.path)
    )]
    Version { path: PathBuf, found: u64 },
    /// An entry of `findings`, counted from 1, that cannot be used.
    #[error(
        "{}: entry {index} of `findings` {problem}; fix it or rewrite the baseline with \
         --write-baseline",
        display_path(.path)
    )]
    Entry {
        path: PathBuf,
        index: usize,
        problem: String,
    },
}

/// What identifies a finding across edits of its plan.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
struct Fingerprint {
    /// The plan's path relative to the baseline file's folder, with `/`,
    /// without `.` and with `..` only at the start.
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
#[derive(Serialize)]
struct Document {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    #[serde(flatten)]
    fingerprint: Fingerprint,
    count: usize,
}

/// What `check` does with a baseline.
pub enum Use<'a> {
    /// `--write-baseline FILE`: record the findings in FILE, then hide them.
    Write(&'a Path),
    /// `--baseline FILE`: hide the findings FILE, read before the check,
    /// records.
    Hide(&'a Path, &'a Baseline),
}

/// Applies a baseline to a report as `check` does, and returns the notes
/// for standard error: what was recorded, how many entries are stale. A
/// baseline is not written when some paths could not be checked, since it
/// would forget their findings. The error is that of writing the file.
pub fn update(report: &mut Report, baseline: Use<'_>) -> io::Result<Vec<String>> {
    let mut notes = Vec::new();
    match baseline {
        Use::Write(path) if !report.problems.is_empty() => notes.push(format!(
            "error: {} was not written, because some paths could not be checked",
            path.display()
        )),
        Use::Write(path) => {
            let baseline = Baseline::record(report, path);
            let mut file = Output::create(Some(path))?;
            file.write_all(baseline.to_json().as_bytes())?;
            file.finish()?;
            let total = baseline.total();
            notes.push(format!(
                "recorded {total} {} in {}",
                if total == 1 { "finding" } else { "findings" },
                path.display()
            ));
            baseline.apply(report);
        }
        Use::Hide(path, baseline) => {
            baseline.apply(report);
            if report.stale_baseline > 0 {
                let (entries, verb) = match report.stale_baseline {
                    1 => ("1 baseline entry".to_owned(), "matches"),
                    n => (format!("{n} baseline entries"), "match"),
                };
                notes.push(format!(
                    "{entries} of {} no longer {verb} a finding; rewrite it with --write-baseline",
                    path.display()
                ));
            }
        }
    }
    Ok(notes)
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

    /// Reads the baseline file at `path`: a regular file of at most
    /// [`MAX_BYTES`].
    pub fn read(path: &Path) -> Result<Self, Error> {
        let bytes = input::read_bounded(
            path,
            MAX_BYTES,
            "a baseline of a plan repository is far smaller; check that this is the baseline",
        )
        .map_err(|problem| Error::Read {
            path: path.to_owned(),
            problem,
        })?;
        let text = String::from_utf8(bytes).map_err(|_| Error::Invalid {
            path: path.to_owned(),
            reason: "it is not UTF-8 text".to_owned(),
        })?;
        Self::parse(&text, path)
    }

    /// Reads the text of the baseline file at `path`. Entry paths are
    /// normalised, so `./a.plan.toml`, `sub/../a.plan.toml` and
    /// `a.plan.toml` are one file.
    pub fn parse(text: &str, path: &Path) -> Result<Self, Error> {
        let invalid = |reason: String| Error::Invalid {
            path: path.to_owned(),
            reason,
        };
        let value: Value = serde_json::from_str(text).map_err(|e| invalid(e.to_string()))?;
        let Some(document) = value.as_object() else {
            return Err(invalid("it is not a JSON object".to_owned()));
        };
        match document.get("version") {
            Some(v) if v.as_u64() == Some(u64::from(VERSION)) => {}
            Some(v) => match v.as_u64() {
                Some(found) => {
                    return Err(Error::Version {
                        path: path.to_owned(),
                        found,
                    });
                }
                None => return Err(invalid("its `version` is not a whole number".to_owned())),
            },
            None => return Err(invalid("it has no `version`".to_owned())),
        }
        let Some(entries) = document.get("findings").and_then(Value::as_array) else {
            return Err(invalid("it has no list of `findings`".to_owned()));
        };
        let mut counts = BTreeMap::new();
        for (index, entry) in entries.iter().enumerate() {
            let (fingerprint, count) = read_entry(entry).map_err(|problem| Error::Entry {
                path: path.to_owned(),
                index: index + 1,
                problem,
            })?;
            let total: &mut usize = counts.entry(fingerprint).or_default();
            *total = total.saturating_add(count);
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
    /// The findings the baseline records for the plan at `plan`, counted
    /// by code and subject (for the board report's "since the last plan");
    /// empty for a plan it records none of.
    pub fn recorded(&self, plan: &Path) -> BTreeMap<(String, String), usize> {
        let path = relative(plan, &self.dir);
        self.counts
            .iter()
            .filter(|(fingerprint, _)| fingerprint.file == path)
            .map(|(f, &count)| ((f.code.clone(), f.subject.clone()), count))
            .collect()
    }

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

/// One entry of `findings`; the error says what is wrong with it.
fn read_entry(entry: &Value) -> Result<(Fingerprint, usize), String> {
    let field = |key: &str| -> Result<String, String> {
        match entry.get(key) {
            Some(Value::String(text)) if !text.trim().is_empty() => Ok(text.clone()),
            Some(Value::String(_)) => Err(format!("has an empty `{key}`")),
            Some(_) => Err(format!("has a `{key}` that is not a string")),
            None => Err(format!("has no `{key}`")),
        }
    };
    if !entry.is_object() {
        return Err("is not an object with `file`, `code`, `subject` and `count`".to_owned());
    }
    let file = normalise(&field("file")?);
    // `.`, `./` or `a/..` name the baseline's folder, not a plan; what is
    // left must pass the test every field passes, or the baseline written
    // from this one could not be read again.
    if file.trim().is_empty() || file == "/" {
        return Err("has a `file` that names a folder, not a plan".to_owned());
    }
    let fingerprint = Fingerprint {
        file,
        code: field("code")?,
        subject: field("subject")?,
    };
    let named = format!(
        "({}, {}, {})",
        excerpt(&fingerprint.file),
        excerpt(&fingerprint.code),
        excerpt(&fingerprint.subject)
    );
    let count = match entry.get("count") {
        Some(Value::Number(n)) => n.as_u64(),
        Some(_) => None,
        None => return Err(format!("{named} has no `count`")),
    };
    let count = count
        .filter(|c| (1..=MAX_COUNT).contains(c))
        .and_then(|c| usize::try_from(c).ok());
    match count {
        Some(count) => Ok((fingerprint, count)),
        None => {
            let given = entry.get("count").map(Value::to_string).unwrap_or_default();
            Err(format!(
                "{named} has count {}; a count is a whole number from 1 to {MAX_COUNT}",
                excerpt(&given)
            ))
        }
    }
}

/// A path as written in a baseline, with `/`, without `.` and with `..`
/// only at the start, as [`relative`] writes paths: `./a.plan.toml` and
/// `sub/../a.plan.toml` are `a.plan.toml`, `x/../../b` is `../b`.
fn normalise(file: &str) -> String {
    let absolute = file.starts_with(['/', '\\']);
    let mut parts: Vec<&str> = Vec::new();
    for part in file.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            ".." if absolute => {}
            part => parts.push(part),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
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
    use crate::diagnostic::Subject;
    use crate::rules::find;
    use crate::source::SourceFile;

    fn file(path: &str, findings: &[(&str, Subject)]) -> CheckedFile {
        let findings = findings
            .iter()
            .map(|(code, subject)| {
                find(code)
                    .unwrap()
                    .finding(subject.clone(), 0..0, "m".to_owned())
            })
            .collect();
        CheckedFile {
            source: SourceFile::new(path, ""),
            name: None,
            rules_ran: true,
            feedback: None,
            plan: None,
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

    fn refused(text: &str) -> String {
        Baseline::parse(text, Path::new("ci/b.json"))
            .expect_err("the baseline should be refused")
            .to_string()
    }

    #[test]
    fn other_files_and_versions_are_refused() {
        assert_eq!(
            refused("[1, 2]"),
            "ci/b.json is not a planlint baseline: it is not a JSON object; \
             write one with --write-baseline"
        );
        assert_eq!(
            refused(r#"{"version": 2, "findings": []}"#),
            "ci/b.json: baseline version 2 is not one this planlint reads (it reads version 1); \
             rewrite it with --write-baseline"
        );
        assert_eq!(
            refused(r#"{"version": "1", "findings": []}"#),
            "ci/b.json is not a planlint baseline: its `version` is not a whole number; \
             write one with --write-baseline"
        );
        assert_eq!(
            refused(r#"{"version": 1, "findings": [{"file": "a"}]}"#),
            "ci/b.json: entry 1 of `findings` has no `code`; \
             fix it or rewrite the baseline with --write-baseline"
        );
    }

    #[test]
    fn absurd_counts_are_refused_naming_the_entry() {
        let entry = |count: &str| {
            format!(
                r#"{{"version": 1, "findings": [
                    {{"file": "a.plan.toml", "code": "WHY001", "subject": "why", "count": 1}},
                    {{"file": "a.plan.toml", "code": "TX001", "subject": "touchpoint.x", "count": {count}}}]}}"#
            )
        };
        for (count, shown) in [
            ("0", "0"),
            ("1000001", "1000001"),
            ("-3", "-3"),
            ("2.5", "2.5"),
            ("1e300", "1e+300"),
            ("\"5\"", "\"5\""),
        ] {
            assert_eq!(
                refused(&entry(count)),
                format!(
                    "ci/b.json: entry 2 of `findings` (a.plan.toml, TX001, touchpoint.x) has \
                     count {shown}; a count is a whole number from 1 to 1000000; \
                     fix it or rewrite the baseline with --write-baseline"
                ),
            );
        }
        assert!(Baseline::parse(&entry("1000000"), Path::new("b.json")).is_ok());
    }

    #[test]
    fn entry_paths_are_normalised_as_they_are_read() {
        assert_eq!(normalise("./a.plan.toml"), "a.plan.toml");
        assert_eq!(normalise("sub/../a.plan.toml"), "a.plan.toml");
        assert_eq!(normalise("sub//./b/../a.plan.toml"), "sub/a.plan.toml");
        assert_eq!(normalise("../x/a.plan.toml"), "../x/a.plan.toml");
        assert_eq!(normalise("x/../../a.plan.toml"), "../a.plan.toml");
        assert_eq!(normalise("sub\\a.plan.toml"), "sub/a.plan.toml");
        assert_eq!(normalise("/abs/../a.plan.toml"), "/a.plan.toml");
        let text = r#"{"version": 1, "findings": [
            {"file": "./a.plan.toml", "code": "TX001", "subject": "touchpoint.x", "count": 1},
            {"file": "sub/../a.plan.toml", "code": "TX001", "subject": "touchpoint.x", "count": 1},
            {"file": "a.plan.toml", "code": "WHY001", "subject": "why", "count": 1}]}"#;
        let baseline = Baseline::parse(text, Path::new("baseline.json")).unwrap();
        let mut now = report(vec![file("a.plan.toml", &[tx001("x"), tx001("x")])]);
        baseline.apply(&mut now);
        assert_eq!(now.in_baseline(), 2, "the two spellings are one file");
        assert_eq!(
            now.stale_baseline, 1,
            "WHY001, written ./a.plan.toml, is stale"
        );
        for folder in [".", "./", "a/..", ".\\\\", "./\\\n\\"] {
            let text = format!(
                r#"{{"version": 1, "findings": [{{"file": {folder:?}, "code": "TX001", "subject": "x", "count": 1}}]}}"#
            );
            let error = Baseline::parse(&text, Path::new("b.json")).expect_err(folder);
            assert!(
                error.to_string().contains("names a folder, not a plan"),
                "{error}"
            );
        }
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
