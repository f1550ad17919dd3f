//! What each command of the binary does with its arguments: read the
//! configuration, call the library, write its output, report on standard
//! error, and return the exit code. Arguments are parsed in `cli`, and
//! everything with judgement in it (checking, baselines, rendering) is in the
//! library.
//!
//! Floor `main` (the binary): imports the library, nothing imports it.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::CommandFactory;

use crate::cli::{
    CheckArgs, Cli, ConfigCommand, FeedbackCommand, Format, MergeCommand, ReportArgs, SchemaKind,
};
use crate::{progress, stderr};
use planlint::baseline::{self, Baseline, Use};
use planlint::feedback::reader::is_stdin;
use planlint::feedback::state;
use planlint::feedback::summary::Summary;
use planlint::input::{Output, refuse_overwrite};
use planlint::render::{self, CsvSink, Options};
use planlint::{CheckOptions, FeedbackInput, Progress};

/// Some findings are at or above `--fail-on`.
const FAILED: u8 = 1;
/// Something could not be checked, or the command could not run.
pub const ERROR: u8 = 2;

/// Checks the plans in `paths`, with the configuration's warnings on
/// standard error; `None`, with the problems on standard error, when a
/// configuration file has errors. Such a file stops the run before any
/// report is written, whichever plans it covers: a report without those
/// plans would read as if they had been checked (and code scanning would
/// close their alerts).
fn check_paths(paths: &[PathBuf], options: &CheckOptions) -> Option<planlint::Report> {
    let report = planlint::check_paths(paths, options, &progress::Bar::new());
    stderr::config_warnings(report.files.iter().map(|f| &*f.config));
    if report
        .problems
        .iter()
        .any(|p| matches!(p, planlint::PathError::Config(_)))
    {
        stderr::problems(&report);
        return None;
    }
    Some(report)
}

/// `planlint report`: the board report, from the same check as `check`.
/// Findings do not fail it: the exit code is 0 when the page is written,
/// and 2 when a plan or a feedback file could not be read (the page is
/// still written, without them) or the page cannot be.
pub fn report(args: ReportArgs) -> Result<u8> {
    let config = match args.config.resolver() {
        Ok(config) => config,
        Err(errors) => {
            stderr::config_errors(&errors);
            return Ok(ERROR);
        }
    };
    let today = planlint::waiver::today_from_env()?;
    // Read before the plans are checked, as `check` reads its baseline.
    let baseline = args
        .previous_baseline
        .as_deref()
        .map(Baseline::read)
        .transpose()?;
    let options = CheckOptions {
        feedback: feedback_input(args.feedback.as_ref(), args.feedback_summary.as_ref()),
        analyze: args.read.options(),
        config,
        today,
        allow_outside_root: args.allow_outside_root,
        keep_plans: true,
    };
    let Some(report) = check_paths(&args.paths, &options) else {
        return Ok(ERROR);
    };
    let old = match &args.previous {
        Some(_) if report.files.len() != 1 => {
            bail!(
                "--previous compares one plan, and these paths hold {}: give one plan, or use --previous-baseline",
                report.files.len()
            )
        }
        Some(path) => {
            let Some(old) = check_paths(std::slice::from_ref(path), &options) else {
                return Ok(ERROR);
            };
            if !old.problems.is_empty() {
                stderr::problems(&old);
                return Ok(ERROR);
            }
            if old.files.len() != 1 {
                bail!(
                    "--previous {} holds {} plans: name the one plan to compare with",
                    path.display(),
                    old.files.len()
                );
            }
            Some(old)
        }
        None => None,
    };
    let mut inputs: Vec<&Path> = report.inputs.iter().map(PathBuf::as_path).collect();
    inputs.extend(
        old.iter()
            .flat_map(|o| o.inputs.iter().map(PathBuf::as_path)),
    );
    inputs.extend(args.previous_baseline.as_deref());
    refuse_overwrite(&[("-o", Some(args.output.as_path()))], &inputs)?;
    let previous = match (&old, &baseline) {
        (Some(old), _) => old.files.first().map(render::board::Previous::Plan),
        (None, Some(baseline)) => Some(render::board::Previous::Baseline(baseline)),
        (None, None) => None,
    };
    let board = render::board::Board {
        report: &report,
        generated: today.unwrap_or_else(planlint::waiver::today).to_string(),
        previous,
    };
    let mut out = create(Some(&args.output))?;
    render::board::write(&board, &mut out)?;
    out.finish().context("cannot write the report")?;
    stderr::problems(&report);
    for note in &report.notes {
        stderr::note(note);
    }
    if args.output != Path::new("-") {
        stderr::note(format!(
            "wrote the board report to {}",
            args.output.display()
        ));
    }
    Ok(if report.problems.is_empty() { 0 } else { ERROR })
}

/// `planlint rules`: the catalog.
pub fn rules(format: Format) -> Result<u8> {
    render::renderer(format, Options::default()).catalog(&mut io::stdout().lock())?;
    Ok(0)
}

/// `planlint explain RULE`: a rule's page.
pub fn explain(rule: &str) -> Result<u8> {
    let Some(rule) = planlint::rules::find(rule) else {
        bail!("no rule is called \"{rule}\"; `planlint rules` lists them");
    };
    render::renderer(Format::Table, Options::default()).explain(rule, &mut io::stdout().lock())?;
    Ok(0)
}

pub fn check(args: CheckArgs) -> Result<u8> {
    if args.statistics && matches!(args.format, Format::Sarif | Format::Github | Format::Junit) {
        bail!("--statistics works with --format table, json or markdown");
    }
    let config = match args.config.resolver() {
        Ok(config) => config,
        Err(errors) => {
            stderr::config_errors(&errors);
            return Ok(ERROR);
        }
    };
    // Read before the plans are checked: a broken baseline stops the run
    // as a broken configuration does.
    let known = args.baseline.as_deref().map(Baseline::read).transpose()?;
    let options = CheckOptions {
        feedback: feedback_input(args.feedback.as_ref(), args.feedback_summary.as_ref()),
        analyze: args.read.options(),
        config,
        today: planlint::waiver::today_from_env()?,
        allow_outside_root: args.allow_outside_root,
        keep_plans: false,
    };
    let Some(mut report) = check_paths(&args.paths, &options) else {
        return Ok(ERROR);
    };
    // The files `check` writes may not be files it read.
    let mut inputs: Vec<&Path> = report.inputs.iter().map(PathBuf::as_path).collect();
    inputs.extend(args.baseline.as_deref());
    let outputs = [
        ("-o", args.output.as_deref()),
        ("--write-baseline", args.write_baseline.as_deref()),
    ];
    refuse_overwrite(&outputs, &inputs)?;
    let notes = match (&args.write_baseline, &args.baseline, &known) {
        (Some(path), _, _) => baseline::update(&mut report, Use::Write(path))
            .with_context(|| format!("cannot write {}", path.display()))?,
        (None, Some(path), Some(known)) => baseline::update(&mut report, Use::Hide(path, known))?,
        _ => Vec::new(),
    };
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let color = to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let options = Options {
        color,
        statistics: args.statistics,
        width: width(args.width, to_terminal),
    };
    let mut out = create(args.output.as_deref())?;
    render::renderer(args.format, options).report(&report, &mut out)?;
    out.finish().context("cannot write the report")?;
    stderr::problems(&report);
    for note in report.notes.iter().chain(&notes) {
        stderr::note(note);
    }
    Ok(if !report.problems.is_empty() {
        ERROR
    } else if report.fails() {
        FAILED
    } else {
        0
    })
}

/// `planlint config [PATH]`: the configuration of the plans in PATH.
pub fn config(command: ConfigCommand) -> Result<u8> {
    let resolver = match command.config.resolver() {
        Ok(resolver) => resolver,
        Err(errors) => {
            stderr::config_errors(&errors);
            return Ok(ERROR);
        }
    };
    let path = &command.path;
    let meta = std::fs::metadata(path)
        .with_context(|| format!("{}: no such file or folder", path.display()))?;
    let mut configs = resolver.configs();
    let found = if meta.is_dir() {
        configs.for_dir(path)
    } else {
        configs.for_plan(path)
    };
    let config = match found {
        Ok(config) => config,
        Err(errors) => {
            stderr::config_errors(&errors);
            return Ok(ERROR);
        }
    };
    stderr::config_warnings([&*config]);
    planlint::config::show(&config, resolver.file(), &mut io::stdout().lock())?;
    Ok(0)
}

/// Standard output, or the file an output option names.
fn create(path: Option<&Path>) -> Result<Output> {
    Output::create(path)
        .with_context(|| format!("cannot write {}", path.unwrap_or(Path::new("-")).display()))
}

/// The feedback `--feedback` or `--feedback-summary` names.
fn feedback_input(csv: Option<&PathBuf>, summary: Option<&PathBuf>) -> Option<FeedbackInput> {
    match (csv, summary) {
        (_, Some(summary)) => Some(FeedbackInput::Summary(summary.clone())),
        (Some(csv), None) => Some(FeedbackInput::Csv(csv.clone())),
        (None, None) => None,
    }
}

pub fn feedback(command: FeedbackCommand) -> Result<u8> {
    let options = command.read.options();
    let plan = command
        .plan
        .as_deref()
        .map(planlint::check::read_valid_plan)
        .transpose()?;
    if command.summary.is_some() && command.format.summary().is_none() {
        bail!("a summary has no rows to write: choose --format table, json or markdown");
    }
    if command.summary_out.as_deref() == Some(Path::new("-")) {
        bail!("--summary-out writes a binary file: name one");
    }
    // The files `feedback` writes may not be files it reads.
    let mut inputs: Vec<&Path> = command.file.iter().map(PathBuf::as_path).collect();
    inputs.extend(command.summary.as_deref());
    inputs.extend(command.plan.as_deref());
    let outputs = [
        ("-o", command.output.as_deref()),
        ("--summary-out", command.summary_out.as_deref()),
    ];
    refuse_overwrite(&outputs, &inputs)?;
    let mut out = create(command.output.as_deref())?;
    let partial = match (&command.summary, &command.file) {
        (Some(summary), _) => state::read(summary)?,
        (None, Some(path)) => scan(path, &command, &options, &mut out)?,
        (None, None) => bail!("name a CSV file, or a summary with --summary"),
    };
    let summary_bytes = match &command.summary_out {
        Some(_) => Some(state::encode(&partial)?),
        None => None,
    };
    // The reader's errors name the file themselves.
    let analysis = partial.finish(&options)?;
    // Written once the analysis stands: a run that fails leaves no summary.
    if let (Some(path), Some(bytes)) = (&command.summary_out, summary_bytes) {
        let mut file = create(Some(path))?;
        file.write_all(&bytes)
            .and_then(|()| file.finish())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if let Some(format) = command.format.summary() {
        let summary = Summary::new(&analysis, plan.as_ref());
        let to_terminal = command.output.is_none() && io::stdout().is_terminal();
        let options = Options {
            width: width(command.width, to_terminal),
            ..Options::default()
        };
        render::renderer(format, options).feedback(summary, &mut out)?;
    } else if analysis.rejected_total > 0 {
        stderr::note(format!(
            "{} rows of {} could not be read and are not in the CSV (--format json lists them)",
            analysis.rejected_total, analysis.path
        ));
    }
    out.finish().context("cannot write the output")?;
    Ok(0)
}

/// Reads the feedback CSV at `path` into a partial analysis, with a
/// progress bar; with `--format csv`, writes its rows to `out` meanwhile.
fn scan(
    path: &Path,
    command: &FeedbackCommand,
    options: &planlint::feedback::AnalyzeOptions,
    out: &mut Output,
) -> Result<planlint::feedback::Partial> {
    let bar = progress::Bar::new();
    // Standard input has no size to show progress against.
    let size = if is_stdin(path) {
        0
    } else {
        std::fs::metadata(path).map_or(0, |m| m.len())
    };
    bar.start(path, size);
    let advance = |read| bar.advance(read);
    let partial = match command.format.summary() {
        None => {
            let mut sink = CsvSink::new(out, command.raw_csv);
            let partial = planlint::feedback::scan_rows(path, options, &advance, &mut sink);
            sink.flush().context("cannot write the CSV")?;
            partial
        }
        Some(_) => planlint::feedback::scan(path, options, &advance),
    };
    bar.finish();
    Ok(partial?)
}

/// `planlint merge`: the summaries merged into one, written to `-o`.
pub fn merge(command: MergeCommand) -> Result<u8> {
    let output = &command.output;
    if output == Path::new("-") {
        bail!("-o: a summary is a binary file: name one");
    }
    let inputs: Vec<&Path> = command.summaries.iter().map(PathBuf::as_path).collect();
    refuse_overwrite(&[("-o", Some(output))], &inputs)?;
    // The same file twice would count its rows twice.
    let mut seen = Vec::new();
    for path in &command.summaries {
        let identity = planlint::input::Identity::of(path);
        if identity.is_some() && seen.contains(&identity) {
            bail!(
                "{}: given twice; each summary is merged once, or its rows would count twice",
                path.display()
            );
        }
        seen.push(identity);
    }
    let mut all = Vec::with_capacity(command.summaries.len());
    for path in &command.summaries {
        all.push((path.display().to_string(), state::read(path)?));
    }
    let name = output.display().to_string();
    let merged = state::merge_all(all, &name)?.context("no summary to merge")?;
    let bytes = state::encode(&merged)?;
    let mut file = create(Some(output))?;
    file.write_all(&bytes)
        .and_then(|()| file.finish())
        .with_context(|| format!("cannot write {}", output.display()))?;
    Ok(0)
}

pub fn schema(kind: SchemaKind) -> Result<u8> {
    let schema = match kind {
        SchemaKind::Plan => planlint::json_schema::plan_schema(),
        SchemaKind::Config => planlint::json_schema::config_schema(),
    };
    let text = serde_json::to_string_pretty(&schema)?;
    writeln!(io::stdout().lock(), "{text}")?;
    Ok(0)
}

pub fn init(dir: &Path, force: bool) -> Result<u8> {
    let written = planlint::init::write_starter(dir, force)?;
    let mut out = io::stdout().lock();
    for path in &written {
        writeln!(out, "created {}", path.display())?;
    }
    writeln!(
        out,
        "next: `planlint check {}` lists what the plan still needs",
        dir.display()
    )?;
    Ok(0)
}

pub fn completions(shell: clap_complete::Shell) -> Result<u8> {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "planlint", &mut io::stdout().lock());
    Ok(0)
}

/// The width tables fit: `--width`, else `COLUMNS` (a number from 20), else
/// the terminal's when the output goes to one; `None` for a pipe or a file,
/// where each row is one line.
fn width(flag: Option<u16>, to_terminal: bool) -> Option<u16> {
    let columns = || {
        std::env::var("COLUMNS")
            .ok()?
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|&w| w >= 20)
    };
    flag.or_else(columns).or_else(|| {
        to_terminal
            .then(|| comfy_table::Table::new().width())
            .flatten()
    })
}
