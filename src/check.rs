//! Finding plan files, reading them safely, and running the rules on each.
//!
//! Floor `check`, the orchestrator, as ruff's checker: it reads a plan
//! ([`load_plan`] validates its waivers against the registry), decides
//! which rules run and at what severity from the plan's [`Config`], runs
//! them, and applies waivers. It imports every floor below it (`config`,
//! `rules`, `feedback`, `plan`, `diagnostic`, `text`, `source`, `input`,
//! `discover`) and `waiver`; renderers and the binary import it.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use rayon::prelude::*;

use toml::value::Date;

use crate::config::{Config, ConfigError, Resolver};
use crate::diagnostic::{Finding, Severity, Subject};
use crate::discover::{self, LinkProblem, Nothing, Unreadable};
use crate::feedback::{Analysis, AnalyzeOptions, analyze, state};
use crate::input::{self, Confinement, InputError};
use crate::plan::{self, LoadErrorKind};
use crate::rules::plan008_refused_path::{self, Refused};
use crate::rules::{
    Context, Family, INVALID_PLAN, Phase, RULES, Rule, UNKNOWN_FIELD, lower_follow_ons,
};
use crate::source::{MAX_PLAN_BYTES, SourceFile, display_path};
use crate::waiver;

/// A problem that stops a path from being checked at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum PathError {
    #[error("{}: no such file or folder", display_path(.0))]
    NotFound(PathBuf),
    #[error("{}: cannot be read: {source}", display_path(path))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A plan file that is not a regular file, or too large to read.
    #[error("{}: {source}", display_path(path))]
    Input { path: PathBuf, source: InputError },
    /// A link named like a plan, or a path given that is a link, that
    /// cannot be followed to a plan: dangling, looping, or leading out of
    /// the repository.
    #[error("{}: {problem}; it is not checked", display_path(path))]
    Link { path: PathBuf, problem: LinkProblem },
    #[error("{}: no plan files found (looked for *.plan.toml and plan.toml)", display_path(.0))]
    NoPlans(PathBuf),
    /// Feedback that could not be analysed, reported once for all the plans
    /// that use it.
    #[error(
        "{message} (the feedback of {})",
        plans.iter().map(|p| display_path(p)).collect::<Vec<_>>().join(", ")
    )]
    Feedback {
        /// The feedback file, as the plans name it.
        file: PathBuf,
        plans: Vec<PathBuf>,
        message: String,
    },
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

/// Feedback given on the command line: a CSV, or a summary of one or more
/// ([`crate::feedback::state`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FeedbackInput {
    Csv(PathBuf),
    Summary(PathBuf),
}

impl FeedbackInput {
    pub fn path(&self) -> &Path {
        match self {
            FeedbackInput::Csv(path) | FeedbackInput::Summary(path) => path,
        }
    }
}

/// How plans are checked.
#[derive(Default)]
pub struct CheckOptions {
    /// Feedback for every plan, instead of each plan's own `feedback`.
    pub feedback: Option<FeedbackInput>,
    pub analyze: AnalyzeOptions,
    /// Which configuration each plan is checked with (default: no file).
    pub config: Resolver,
    /// The date waivers' `until` is compared with; `None`: today, from the clock.
    pub today: Option<Date>,
    /// Lets paths that plans name, and links in folders, lead out of the
    /// plan's root (`--allow-outside-root`); they must still be regular
    /// files. Only the person running planlint can allow this, never a file.
    pub allow_outside_root: bool,
    /// Keep each plan as read in [`CheckedFile::plan`] (for the board
    /// report); otherwise it is let go once checked.
    pub keep_plans: bool,
}

/// One plan file and what the rules found in it.
#[derive(Debug)]
pub struct CheckedFile {
    pub source: SourceFile,
    /// The plan's `name`, when it could be read.
    pub name: Option<String>,
    /// False when the plan could not be read, so only PLAN001/PLAN002 and the
    /// text rules (PLAN009) ran.
    pub rules_ran: bool,
    /// The feedback the FB rules were run with.
    pub feedback: Option<Arc<Analysis>>,
    /// The plan as read, when [`CheckOptions::keep_plans`] asked for it
    /// and it could be read.
    pub plan: Option<Arc<plan::Plan>>,
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
    pub problems: Vec<PathError>,
    /// Findings a baseline records for the files checked that no longer occur.
    pub stale_baseline: usize,
    /// What the person running planlint should know but that does not stop
    /// the check, for standard error.
    pub notes: Vec<String>,
    /// Every file the run read or meant to read: the plans found, their
    /// configuration files and their feedback, read or not. No output may
    /// replace one of them.
    pub inputs: Vec<PathBuf>,
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
        match discover::discover(path, options.allow_outside_root) {
            Ok(found) => {
                files.extend(found.plans);
                report
                    .problems
                    .extend(found.unreadable.into_iter().map(|u| match u {
                        Unreadable::Link(path, problem) => PathError::Link { path, problem },
                        Unreadable::Input(path, source) => PathError::Input { path, source },
                    }));
                report.notes.extend(found.notes);
                report.inputs.extend(found.read);
            }
            Err(Nothing::NoPlans) => report.problems.push(PathError::NoPlans(path.clone())),
            Err(Nothing::Missing(error)) if error.kind() == std::io::ErrorKind::NotFound => {
                report.problems.push(PathError::NotFound(path.clone()));
            }
            Err(Nothing::Missing(source)) => report.problems.push(PathError::Io {
                path: path.clone(),
                source,
            }),
        }
    }
    let files = discover::unique(files);
    report.inputs.extend(files.iter().cloned());
    // Configuration files are few and cached: resolve them first, in order.
    let mut configs = options.config.configs();
    let mut jobs = Vec::new();
    for path in files {
        match configs.for_plan(&path) {
            Ok(config) => {
                report.inputs.extend(config.file.clone());
                jobs.push((path, config));
            }
            Err(errors) => report
                .problems
                .extend(errors.into_iter().map(PathError::Config)),
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
        for problem in problems {
            add_problem(&mut report.problems, problem);
        }
    }
    report.inputs.extend(feedback.paths());
    for problem in &report.problems {
        if let PathError::Feedback { file, .. } = problem {
            report.inputs.push(file.clone());
        }
    }
    // The same problem or note met from two paths given is told once.
    let mut told = std::collections::HashSet::new();
    report.problems.retain(|p| told.insert(p.to_string()));
    let mut noted = std::collections::HashSet::new();
    report.notes.retain(|n| noted.insert(n.clone()));
    report
}

/// Adds a problem, merging feedback that several plans share into one.
fn add_problem(problems: &mut Vec<PathError>, problem: PathError) {
    if let PathError::Feedback { plans, message, .. } = &problem {
        for earlier in problems.iter_mut() {
            if let PathError::Feedback {
                plans: earlier_plans,
                message: earlier_message,
                ..
            } = earlier
                && earlier_message == message
            {
                earlier_plans.extend(plans.iter().cloned());
                return;
            }
        }
    }
    problems.push(problem);
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
) -> (Option<CheckedFile>, Vec<PathError>) {
    let mut problems = Vec::new();
    let source = match read_plan(path, &config) {
        Ok(source) => source,
        Err(error) => return (None, vec![error]),
    };
    // Feedback is read only for the FB rules: with none selected, a large
    // or missing feedback file costs nothing.
    let wants_feedback = config.selects(Family::Fb);
    let checked = match source {
        Readable::Text(source) => {
            check_plan_source(source, config, today, options.keep_plans, |plan| {
                if !wants_feedback {
                    return Ok(None);
                }
                let wanted = match (&options.feedback, &plan.feedback) {
                    (Some(given), _) => given.clone(),
                    (None, Some(named)) => match plan_path(path, named, options.allow_outside_root)
                    {
                        Ok(resolved) => FeedbackInput::Csv(resolved),
                        Err(Refusal::Finding(finding)) => return Err(finding),
                        Err(Refusal::Problem(file, message)) => {
                            problems.push(PathError::Feedback {
                                file,
                                plans: vec![path.to_owned()],
                                message,
                            });
                            return Ok(None);
                        }
                    },
                    (None, None) => return Ok(None),
                };
                match feedback.get(&wanted, &options.analyze, progress) {
                    Ok(analysis) => Ok(Some(analysis)),
                    Err(message) => {
                        problems.push(PathError::Feedback {
                            file: wanted.path().to_owned(),
                            plans: vec![path.to_owned()],
                            message,
                        });
                        Ok(None)
                    }
                }
            })
        }
        Readable::Unreadable(checked) => checked,
    };
    (Some(checked), problems)
}

/// Why a path a plan names is not read.
enum Refusal {
    /// It leads out of the plan's root, or to something that is not a
    /// regular file: a PLAN008 finding at the key.
    Finding(Box<Finding>),
    /// It cannot be read for an ordinary reason (it does not exist): a
    /// problem of the run, as for a file named on the command line, with
    /// the path and the message.
    Problem(PathBuf, String),
}

/// Resolves a path as written in a plan (relative to the plan's folder), and
/// refuses it unless it is a regular file inside the plan's root, or, with
/// `allow_outside_root`, a regular file anywhere.
fn plan_path(
    plan: &Path,
    named: &plan::Field<String>,
    allow_outside_root: bool,
) -> Result<PathBuf, Refusal> {
    let path = relative_to(plan, &named.value);
    let checked = if allow_outside_root {
        input::open_regular(&path)
            .map(|_| ())
            .map_err(Confinement::from)
    } else {
        input::confine(&path, &input::root_of(plan)).map(|_| ())
    };
    let refused = match checked {
        Ok(()) => return Ok(path),
        Err(Confinement::Input(InputError::NotFound)) => {
            let message = format!("{}: no such file", display_path(&path));
            return Err(Refusal::Problem(path, message));
        }
        Err(Confinement::Input(InputError::Io(error))) => {
            let message = format!("{}: cannot be read: {error}", display_path(&path));
            return Err(Refusal::Problem(path, message));
        }
        Err(Confinement::Outside { .. }) => Refused::Outside,
        Err(Confinement::Input(error)) => Refused::NotRegular(error),
    };
    let finding = plan008_refused_path::finding("feedback", named, &refused);
    Err(Refusal::Finding(Box::new(finding)))
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
    done: Mutex<HashMap<FeedbackInput, Arc<Analysed>>>,
}

type Analysed = OnceLock<Result<Arc<Analysis>, String>>;

impl FeedbackCache {
    fn get(
        &self,
        input: &FeedbackInput,
        options: &AnalyzeOptions,
        progress: &dyn Progress,
    ) -> Result<Arc<Analysis>, String> {
        let cell = {
            let mut done = self.done.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(done.entry(input.clone()).or_default())
        };
        cell.get_or_init(|| {
            let result = match input {
                FeedbackInput::Csv(path) => {
                    progress.start(path, fs::metadata(path).map_or(0, |m| m.len()));
                    let result = analyze(path, options, &|read| progress.advance(read));
                    progress.finish();
                    result.map_err(|e| e.to_string())
                }
                FeedbackInput::Summary(path) => state::read(path)
                    .map_err(|e| e.to_string())
                    .and_then(|partial| partial.finish(options).map_err(|e| e.to_string())),
            };
            result.map(Arc::new)
        })
        .clone()
    }

    /// The feedback files asked for, whether they could be read or not.
    fn paths(&self) -> Vec<PathBuf> {
        let done = self.done.lock().unwrap_or_else(PoisonError::into_inner);
        done.keys().map(|input| input.path().to_owned()).collect()
    }
}

enum Readable {
    Text(SourceFile),
    /// Too large or not UTF-8: reported as PLAN001 without parsing.
    Unreadable(CheckedFile),
}

fn read_plan(path: &Path, config: &Arc<Config>) -> Result<Readable, PathError> {
    let io = |source| PathError::Io {
        path: path.to_owned(),
        source,
    };
    let file = input::open_regular(path).map_err(|source| match source {
        InputError::NotFound => PathError::NotFound(path.to_owned()),
        InputError::Io(source) => io(source),
        source => PathError::Input {
            path: path.to_owned(),
            source,
        },
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_PLAN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        let source = SourceFile::new(path, "");
        let message = format!(
            "the file is larger than {}; a plan is a short TOML file",
            input::size(MAX_PLAN_BYTES)
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
    let finding = INVALID_PLAN
        .finding(Subject::Plan, span, message)
        .with_help(help);
    finish(source, config.clone(), None, false, None, vec![finding])
}

/// Reads a plan and checks its waivers against the registry: the plan, or
/// its errors (see [`plan::MAX_ERRORS`]).
pub fn load_plan(source: &SourceFile) -> Result<plan::Plan, Vec<plan::LoadError>> {
    plan::read(source, waiver::validate)
}

/// Why a plan could not be read whole.
#[derive(Debug, thiserror::Error)]
pub enum PlanFileError {
    #[error("{}", .path.display())]
    Input {
        path: PathBuf,
        #[source]
        problem: InputError,
    },
    #[error("{}: the plan is not valid UTF-8", .path.display())]
    NotUtf8 { path: PathBuf },
    #[error(
        "{} has {count} error(s); `planlint check {}` shows them",
        .path.display(),
        .path.display()
    )]
    Invalid { path: PathBuf, count: usize },
}

/// The plan at `path`, for a command that needs it whole (`feedback
/// --plan`): bounded like every plan, and refused when it has errors, which
/// `planlint check` is the place to show.
pub fn read_valid_plan(path: &Path) -> Result<plan::Plan, PlanFileError> {
    let bytes = input::read_bounded(path, MAX_PLAN_BYTES, "a plan is a short TOML file").map_err(
        |problem| PlanFileError::Input {
            path: path.to_owned(),
            problem,
        },
    )?;
    let text = String::from_utf8(bytes).map_err(|_| PlanFileError::NotUtf8 {
        path: path.to_owned(),
    })?;
    load_plan(&SourceFile::new(path.to_owned(), text)).map_err(|errors| PlanFileError::Invalid {
        path: path.to_owned(),
        count: errors.len(),
    })
}

/// Checks the text of one plan with the default configuration, without
/// feedback, with waivers judged today.
pub fn check_source(source: SourceFile) -> CheckedFile {
    check_plan_source(source, Arc::default(), waiver::today(), false, |_| Ok(None))
}

/// Checks the text of one plan with `config`; `feedback` is asked for the
/// plan's analysed feedback once the plan has been read, and answers with
/// the analysis, none, or a finding that says why the feedback the plan
/// names is refused. Waivers expire after `today`.
pub fn check_plan_source(
    source: SourceFile,
    config: Arc<Config>,
    today: Date,
    keep_plan: bool,
    feedback: impl FnOnce(&plan::Plan) -> Result<Option<Arc<Analysis>>, Box<Finding>>,
) -> CheckedFile {
    match load_plan(&source) {
        Ok(plan) => {
            let (analysis, refused) = match feedback(&plan) {
                Ok(analysis) => (analysis, None),
                Err(finding) => (None, Some(*finding)),
            };
            let mut findings = run_plan_rules(&plan, &source, analysis.as_deref(), &config);
            findings.extend(refused);
            let mut waived = waiver::apply(&plan, findings, analysis.is_some(), today, &config);
            lower_follow_ons(&mut waived.findings);
            let name = plan.name.as_ref().map(|n| n.value.clone());
            let mut checked = finish(source, config, name, true, analysis, waived.findings);
            checked.waived = waived.waived;
            checked.plan = keep_plan.then(|| Arc::new(plan));
            checked
        }
        Err(errors) => {
            let mut findings: Vec<Finding> = errors
                .into_iter()
                .map(|e| {
                    let rule = match e.kind {
                        LoadErrorKind::Invalid => &INVALID_PLAN,
                        LoadErrorKind::UnknownKey => &UNKNOWN_FIELD,
                    };
                    rule.finding(Subject::Plan, e.span, e.message)
                        .with_help(e.help)
                })
                .collect();
            findings.extend(run_text_rules(&source, &config));
            finish(source, config, None, false, None, findings)
        }
    }
}

/// The rules `config` selects, in registry order.
fn selected(config: &Config) -> impl Iterator<Item = &'static Rule> + '_ {
    RULES
        .iter()
        .copied()
        .filter(|rule| config.is_selected(rule))
}

/// Gives findings the severities `config` sets for their rules.
fn configured(config: &Config, mut findings: Vec<Finding>) -> Vec<Finding> {
    for finding in &mut findings {
        finding.severity = config.severity_of(finding.rule.code);
    }
    findings
}

/// Runs the selected text and plan rules on a plan that loaded cleanly,
/// with the configured settings, and gives their findings the configured
/// severities.
pub(crate) fn run_plan_rules(
    plan: &plan::Plan,
    source: &SourceFile,
    feedback: Option<&Analysis>,
    config: &Config,
) -> Vec<Finding> {
    let mut findings = run_text_rules(source, config);
    let mut cx = Context::new(plan, source, feedback, &config.settings);
    for rule in selected(config) {
        if let Phase::Plan(check) = rule.phase {
            check(&mut cx);
        }
    }
    findings.extend(configured(config, cx.into_findings()));
    findings
}

/// Runs the selected text rules on a plan's text, which need no plan: they
/// run on a plan that cannot be read too. Severities as configured.
fn run_text_rules(source: &SourceFile, config: &Config) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in selected(config) {
        if let Phase::Text(check) = rule.phase {
            findings.extend(check(source));
        }
    }
    configured(config, findings)
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
        finding.bound();
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
        plan: None,
        findings,
        config,
        waived: 0,
        in_baseline: 0,
    }
}
