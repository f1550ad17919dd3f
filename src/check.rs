//! Finding plan files, reading them safely, and running the rules on each.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use rayon::prelude::*;

use toml::value::Date;

use crate::config::{Config, ConfigError, Resolver};
use crate::diagnostic::{Finding, Severity, Subject};
use crate::feedback::{Analysis, AnalyzeOptions, analyze};
use crate::plan::{self, LoadErrorKind};
use crate::rules::{self, Family, INVALID_PLAN, UNKNOWN_FIELD};
use crate::source::{MAX_PLAN_BYTES, SourceFile, display_path};
use crate::waiver;

/// A problem that stops a path from being checked at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: no such file or folder", display_path(.0))]
    NotFound(PathBuf),
    #[error("{}: cannot be read: {source}", display_path(path))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: no plan files found (looked for *.plan.toml and plan.toml)", display_path(.0))]
    NoPlans(PathBuf),
    #[error(
        "{}: its feedback could not be analysed: {message}",
        display_path(plan)
    )]
    Feedback { plan: PathBuf, message: String },
    /// A configuration file with errors; the plans under it are not checked.
    #[error("{0}")]
    Config(ConfigError),
}

/// Reports the progress of reading a large feedback file.
pub trait Progress: Sync {
    /// A file of `bytes` bytes is about to be read.
    fn start(&self, path: &Path, bytes: u64);
    /// `read` bytes of it have been read so far.
    fn advance(&self, read: u64);
    fn finish(&self);
}

/// Progress that nobody watches.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: &Path, _: u64) {}
    fn advance(&self, _: u64) {}
    fn finish(&self) {}
}

/// How plans are checked.
#[derive(Default)]
pub struct CheckOptions {
    /// Feedback for every plan, instead of each plan's own `feedback`.
    pub feedback: Option<PathBuf>,
    pub analyze: AnalyzeOptions,
    /// Which configuration each plan is checked with (default: no file).
    pub config: Resolver,
    /// The date waivers' `until` is compared with; `None`: today, from the clock.
    pub today: Option<Date>,
}

/// One plan file and what the rules found in it.
#[derive(Debug)]
pub struct CheckedFile {
    pub source: SourceFile,
    /// The plan's `name`, when it could be read.
    pub name: Option<String>,
    /// False when the plan could not be read, so only PLAN001/PLAN002 ran.
    pub rules_ran: bool,
    /// The feedback the FB rules were run with.
    pub feedback: Option<Arc<Analysis>>,
    /// Sorted by line, column and code.
    pub findings: Vec<Finding>,
    /// The configuration the plan was checked with.
    pub config: Arc<Config>,
    /// Findings hidden by the plan's waivers.
    pub waived: usize,
    /// Findings hidden because a baseline records them.
    pub in_baseline: usize,
}

#[derive(Debug, Default)]
pub struct Report {
    /// Sorted by path.
    pub files: Vec<CheckedFile>,
    /// Paths that could not be checked.
    pub problems: Vec<Error>,
    /// Findings a baseline records for the files checked that no longer occur.
    pub stale_baseline: usize,
}

impl Report {
    pub fn findings(&self) -> impl Iterator<Item = (&CheckedFile, &Finding)> {
        self.files
            .iter()
            .flat_map(|f| f.findings.iter().map(move |x| (f, x)))
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings()
            .filter(|(_, f)| f.severity == severity)
            .count()
    }

    /// Findings hidden by waivers, in all files.
    pub fn waived(&self) -> usize {
        self.files.iter().map(|f| f.waived).sum()
    }

    /// Findings hidden by a baseline, in all files.
    pub fn in_baseline(&self) -> usize {
        self.files.iter().map(|f| f.in_baseline).sum()
    }

    /// True when a plan has a finding at or above the `fail-on` of its
    /// configuration. `--fail-on` is part of every plan's configuration, so
    /// it applies to all of them; without it, plans under different
    /// configuration files are each held to their own. Waived findings and
    /// those a baseline hides are no longer in `findings`.
    pub fn fails(&self) -> bool {
        self.files.iter().any(|file| {
            file.config
                .fail_on
                .is_some_and(|t| file.findings.iter().any(|f| f.severity >= t))
        })
    }
}

/// Checks files and folders. Folders are searched for `*.plan.toml` and
/// `plan.toml`, skipping hidden folders, `target/` and what `.gitignore` excludes.
pub fn check_paths(paths: &[PathBuf], options: &CheckOptions, progress: &dyn Progress) -> Report {
    let mut report = Report::default();
    let mut files = BTreeSet::new();
    for path in paths {
        match discover(path) {
            Ok(found) => files.extend(found),
            Err(error) => report.problems.push(error),
        }
    }
    // Configuration files are few and cached: resolve them first, in order.
    let mut configs = options.config.configs();
    let mut jobs = Vec::new();
    for path in files {
        match configs.for_plan(&path) {
            Ok(config) => jobs.push((path, config)),
            Err(errors) => report
                .problems
                .extend(errors.into_iter().map(Error::Config)),
        }
    }
    // Then the plans, in parallel; `collect` keeps them in path order, so the
    // report does not depend on the thread schedule.
    let feedback = FeedbackCache::default();
    let today = options.today.unwrap_or_else(waiver::today);
    let checked: Vec<_> = jobs
        .into_par_iter()
        .map(|(path, config)| check_file(&path, config, today, options, &feedback, progress))
        .collect();
    for (file, problems) in checked {
        report.files.extend(file);
        report.problems.extend(problems);
    }
    report
}

/// Reads and checks one plan file: the checked file, if it could be read,
/// and the problems that stopped part of the check.
fn check_file(
    path: &Path,
    config: Arc<Config>,
    today: Date,
    options: &CheckOptions,
    feedback: &FeedbackCache,
    progress: &dyn Progress,
) -> (Option<CheckedFile>, Vec<Error>) {
    let mut problems = Vec::new();
    let source = match read_plan(path, &config) {
        Ok(source) => source,
        Err(error) => return (None, vec![error]),
    };
    // Feedback is read only for the FB rules: with none selected, a large
    // or missing feedback file costs nothing.
    let wants_feedback = config.selects(Family::Fb);
    let checked = match source {
        Readable::Text(source) => check_plan_source(source, config, today, |plan| {
            if !wants_feedback {
                return None;
            }
            let wanted = options
                .feedback
                .clone()
                .or_else(|| plan.feedback.as_ref().map(|f| relative_to(path, &f.value)))?;
            match feedback.get(&wanted, &options.analyze, progress) {
                Ok(analysis) => Some(analysis),
                Err(message) => {
                    problems.push(Error::Feedback {
                        plan: path.to_owned(),
                        message,
                    });
                    None
                }
            }
        }),
        Readable::Unreadable(checked) => checked,
    };
    (Some(checked), problems)
}

/// A feedback path as written in a plan: relative to the plan's folder. It
/// is never `-`, standard input, which only the command line can name: a
/// plan's `-` is a file of that name.
fn relative_to(plan: &Path, feedback: &str) -> PathBuf {
    let feedback = Path::new(feedback);
    match plan.parent() {
        Some(dir) if feedback.is_relative() && dir.as_os_str().is_empty() => {
            Path::new(".").join(feedback)
        }
        Some(dir) if feedback.is_relative() => dir.join(feedback),
        _ => feedback.to_owned(),
    }
}

/// Each feedback file is analysed once, however many plans use it: plans
/// checked at the same time wait for the first to finish it.
#[derive(Default)]
struct FeedbackCache {
    done: Mutex<HashMap<PathBuf, Arc<Analysed>>>,
}

type Analysed = OnceLock<Result<Arc<Analysis>, String>>;

impl FeedbackCache {
    fn get(
        &self,
        path: &Path,
        options: &AnalyzeOptions,
        progress: &dyn Progress,
    ) -> Result<Arc<Analysis>, String> {
        let cell = {
            let mut done = self.done.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(done.entry(path.to_owned()).or_default())
        };
        cell.get_or_init(|| {
            progress.start(path, fs::metadata(path).map_or(0, |m| m.len()));
            let result = analyze(path, options, &|read| progress.advance(read))
                .map(Arc::new)
                .map_err(|e| e.to_string());
            progress.finish();
            result
        })
        .clone()
    }
}

fn discover(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let meta = fs::metadata(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound(path.to_owned()),
        _ => Error::Io {
            path: path.to_owned(),
            source,
        },
    })?;
    if !meta.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut found = Vec::new();
    let walker = ignore::WalkBuilder::new(path)
        .require_git(false)
        .filter_entry(|e| e.file_name() != "target" || !e.file_type().is_some_and(|t| t.is_dir()))
        .build();
    for entry in walker {
        let entry = entry.map_err(|e| Error::Io {
            path: path.to_owned(),
            source: std::io::Error::other(e.to_string()),
        })?;
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_some_and(|t| t.is_file())
            && (name == "plan.toml" || name.ends_with(".plan.toml"))
        {
            found.push(entry.into_path());
        }
    }
    if found.is_empty() {
        return Err(Error::NoPlans(path.to_owned()));
    }
    Ok(found)
}

enum Readable {
    Text(SourceFile),
    /// Too large or not UTF-8: reported as PLAN001 without parsing.
    Unreadable(CheckedFile),
}

fn read_plan(path: &Path, config: &Arc<Config>) -> Result<Readable, Error> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let file = fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_PLAN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        let source = SourceFile::new(path, "");
        let message = format!(
            "the file is larger than {} MB; a plan is a short TOML file",
            MAX_PLAN_BYTES / (1024 * 1024)
        );
        return Ok(Readable::Unreadable(unreadable(
            source,
            config,
            0..0,
            message,
            "check that this is the plan you meant".into(),
        )));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Readable::Text(SourceFile::new(path, text))),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let source = SourceFile::new(path, String::from_utf8_lossy(e.as_bytes()).into_owned());
            Ok(Readable::Unreadable(unreadable(
                source,
                config,
                at..at,
                "the file is not valid UTF-8".to_owned(),
                "save the plan as UTF-8 (most editors offer it under \"Save with encoding\")"
                    .into(),
            )))
        }
    }
}

fn unreadable(
    source: SourceFile,
    config: &Arc<Config>,
    span: plan::Span,
    message: String,
    help: String,
) -> CheckedFile {
    let finding = Finding::new(&INVALID_PLAN, Subject::Plan, span, message).with_help(help);
    finish(source, config.clone(), None, false, None, vec![finding])
}

/// Checks the text of one plan with the default configuration, without
/// feedback, with waivers judged today.
pub fn check_source(source: SourceFile) -> CheckedFile {
    check_plan_source(source, Arc::default(), waiver::today(), |_| None)
}

/// Checks the text of one plan with `config`; `feedback` is asked for the
/// plan's analysed feedback once the plan has been read. Waivers expire
/// after `today`.
pub fn check_plan_source(
    source: SourceFile,
    config: Arc<Config>,
    today: Date,
    feedback: impl FnOnce(&plan::Plan) -> Option<Arc<Analysis>>,
) -> CheckedFile {
    match plan::load(&source) {
        Ok(plan) => {
            let analysis = feedback(&plan);
            let findings = rules::check_plan(&plan, &source, analysis.as_deref(), &config);
            let waived = waiver::apply(&plan, findings, analysis.is_some(), today, &config);
            let name = plan.name.map(|n| n.value);
            let mut checked = finish(source, config, name, true, analysis, waived.findings);
            checked.waived = waived.waived;
            checked
        }
        Err(errors) => {
            let findings = errors
                .into_iter()
                .map(|e| {
                    let rule = match e.kind {
                        LoadErrorKind::Invalid => &INVALID_PLAN,
                        LoadErrorKind::UnknownKey => &UNKNOWN_FIELD,
                    };
                    Finding::new(rule, Subject::Plan, e.span, e.message).with_help(e.help)
                })
                .collect();
            finish(source, config, None, false, None, findings)
        }
    }
}

fn finish(
    source: SourceFile,
    config: Arc<Config>,
    name: Option<String>,
    rules_ran: bool,
    feedback: Option<Arc<Analysis>>,
    mut findings: Vec<Finding>,
) -> CheckedFile {
    for finding in &mut findings {
        finding.location = source.line_col(finding.span.start);
    }
    findings.sort_by(|a, b| {
        (a.location, a.rule.code, &a.subject, &a.message).cmp(&(
            b.location,
            b.rule.code,
            &b.subject,
            &b.message,
        ))
    });
    CheckedFile {
        source,
        name,
        rules_ran,
        feedback,
        findings,
        config,
        waived: 0,
        in_baseline: 0,
    }
}
