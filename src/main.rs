//! The `planlint` binary: parse arguments, call the library, print, and map
//! the result to an exit code (0 clean, 1 findings, 2 could not check).

mod cli;
mod progress;
mod stderr;
mod tooling;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser;

use cli::{
    CatalogFormat, CheckArgs, Cli, Command, ConfigArgs, ConfigCommand, FailOn, FeedbackArgs,
    FeedbackCommand, FeedbackFormat, Format, Scale,
};
use planlint::baseline::Baseline;
use planlint::config::{Config, ConfigError, ConfigFile, Overrides, Resolver};
use planlint::feedback::AnalyzeOptions;
use planlint::feedback::ScoreScale;
use planlint::feedback::reader::{MAX_RECORD_BYTES, ReadOptions, is_stdin};
use planlint::feedback::summary::Summary;
use planlint::input::{self, Output, OverwriteError};
use planlint::render::{self, Render};
use planlint::source::SourceFile;
use planlint::{CheckOptions, Report, Severity};

const FAILED: u8 = 1;
const ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(problem) => return stderr::usage::<Cli>(problem),
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // The reader went away (`planlint check | head`): nothing is wrong.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            stderr::error(format!("{error:#}"));
            ExitCode::from(ERROR)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

fn run(cli: Cli) -> Result<u8> {
    let stdout = io::stdout();
    match cli.command {
        Command::Check(args) => check(args),
        Command::Feedback(command) => feedback(command),
        Command::Config(command) => config(command),
        Command::Rules { format } => {
            let mut out = stdout.lock();
            match format {
                CatalogFormat::Table => render::rules_table(&mut out)?,
                CatalogFormat::Json => render::rules_json(&mut out)?,
            }
            Ok(0)
        }
        Command::Explain { rule } => {
            let Some(rule) = planlint::rules::find(&rule) else {
                bail!("no rule is called \"{rule}\"; `planlint rules` lists them");
            };
            let mut out = stdout.lock();
            writeln!(
                out,
                "# {} {}\n\n{}\n\n{}",
                rule.code, rule.name, rule.summary, rule.docs
            )?;
            writeln!(
                out,
                "\nFamily: {} ({}). Default severity: {}.",
                rule.family,
                rule.family.title(),
                rule.severity
            )?;
            Ok(0)
        }
        Command::Schema { kind } => tooling::schema(kind),
        Command::Init { dir, force } => tooling::init(&dir, force),
        Command::Completions { shell } => tooling::completions(shell),
    }
}

fn check(args: CheckArgs) -> Result<u8> {
    if args.statistics && matches!(args.format, Format::Sarif | Format::Github | Format::Junit) {
        bail!("--statistics works with --format table, json or markdown");
    }
    let config = match resolver(&args.config) {
        Ok(config) => config,
        Err(errors) => return Ok(config_errors(&errors)),
    };
    // Read before the plans are checked: a broken baseline stops the run
    // as a broken configuration does.
    let known = args.baseline.as_deref().map(Baseline::read).transpose()?;
    let options = CheckOptions {
        feedback: args.feedback.clone(),
        analyze: analyze_options(&args.read),
        config,
        today: today()?,
        allow_outside_root: args.allow_outside_root,
    };
    let mut report = planlint::check_paths(&args.paths, &options, &progress::Bar::new());
    config_warnings(report.files.iter().map(|f| &*f.config));
    // A configuration file with errors stops the run before any report is
    // written, whichever plans it covers: a report without those plans
    // would read as if they had been checked (and code scanning would
    // close their alerts).
    if report
        .problems
        .iter()
        .any(|p| matches!(p, planlint::Error::Config(_)))
    {
        print_problems(&report);
        return Ok(ERROR);
    }
    check_outputs(&args, &report)?;
    let notes = baseline(&args, known.as_ref(), &mut report)?;
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let color = to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let renderer: Box<dyn Render> = match args.format {
        Format::Table => Box::new(render::Table {
            color,
            statistics: args.statistics,
        }),
        Format::Json => Box::new(render::Json {
            statistics: args.statistics,
        }),
        Format::Sarif => Box::new(render::Sarif),
        Format::Github => Box::new(render::Github),
        Format::Junit => Box::new(render::Junit),
        Format::Markdown => Box::new(render::Markdown {
            statistics: args.statistics,
        }),
    };
    let mut out = create(args.output.as_deref())?;
    renderer.render(&report, &mut out)?;
    out.finish().context("cannot write the report")?;
    print_problems(&report);
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

/// The configuration choices of the command line, checked.
fn resolver(args: &ConfigArgs) -> Result<Resolver, Vec<ConfigError>> {
    let file = match (&args.config, args.no_config) {
        (Some(path), _) => ConfigFile::Path(path.clone()),
        (None, true) => ConfigFile::None,
        (None, false) => ConfigFile::Nearest,
    };
    let overrides = Overrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        severity: args.severity.clone(),
        fail_on: args.fail_on.map(|f| match f {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }),
    };
    Resolver::new(file, &overrides)
}

/// Prints the paths that could not be checked, and why.
fn print_problems(report: &Report) {
    for problem in &report.problems {
        match problem {
            planlint::Error::Config(error) => stderr::config_error(error),
            problem => stderr::error(problem),
        }
    }
}

/// Prints the warnings of the configurations plans were checked with, each
/// once however many plans share its file.
fn config_warnings<'a>(configs: impl IntoIterator<Item = &'a Config>) {
    let mut shown: Vec<&ConfigError> = Vec::new();
    for warning in configs.into_iter().flat_map(|c| &c.warnings) {
        if !shown.contains(&warning) {
            shown.push(warning);
            stderr::config_warning(warning);
        }
    }
}

/// Prints configuration errors; they make the exit code 2.
fn config_errors(errors: &[ConfigError]) -> u8 {
    for error in errors {
        stderr::config_error(error);
    }
    ERROR
}

/// `planlint config [PATH]`: the configuration of the plans in PATH.
fn config(command: ConfigCommand) -> Result<u8> {
    let resolver = match resolver(&command.config) {
        Ok(resolver) => resolver,
        Err(errors) => return Ok(config_errors(&errors)),
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
        Err(errors) => return Ok(config_errors(&errors)),
    };
    config_warnings([&*config]);
    let mut out = io::stdout().lock();
    planlint::config::show(&config, resolver.file(), &mut out)?;
    Ok(0)
}

/// The date waivers expire against: `PLANLINT_TODAY=YYYY-MM-DD` when set (for
/// tests and reproducible runs), else today.
fn today() -> Result<Option<toml::value::Date>> {
    match std::env::var("PLANLINT_TODAY") {
        Ok(value) if !value.is_empty() => planlint::waiver::parse_date(&value)
            .map(Some)
            .with_context(|| format!("PLANLINT_TODAY is \"{value}\", not a date like 2027-01-31")),
        _ => Ok(None),
    }
}

/// `--write-baseline` records the findings and hides them; `--baseline`
/// hides the findings of `known`, the baseline it read. Returns notes for
/// standard error.
fn baseline(
    args: &CheckArgs,
    known: Option<&Baseline>,
    report: &mut Report,
) -> Result<Vec<String>> {
    let mut notes = Vec::new();
    if let Some(path) = &args.write_baseline {
        if !report.problems.is_empty() {
            notes.push(format!(
                "error: {} was not written, because some paths could not be checked",
                path.display()
            ));
            return Ok(notes);
        }
        let baseline = Baseline::record(report, path);
        let mut file = create(Some(path))?;
        file.write_all(baseline.to_json().as_bytes())
            .and_then(|()| file.finish())
            .with_context(|| format!("cannot write {}", path.display()))?;
        let total = baseline.total();
        notes.push(format!(
            "recorded {total} {} in {}",
            if total == 1 { "finding" } else { "findings" },
            path.display()
        ));
        baseline.apply(report);
    }
    if let (Some(path), Some(baseline)) = (&args.baseline, known) {
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
    Ok(notes)
}

/// Standard output, or the file an output option names.
fn create(path: Option<&Path>) -> Result<Output> {
    Output::create(path).with_context(|| {
        let path = path.unwrap_or(Path::new("-"));
        format!("cannot write {}", path.display())
    })
}

/// The files `check` writes may not be files it read.
fn check_outputs(args: &CheckArgs, report: &Report) -> Result<(), OverwriteError> {
    let mut inputs: Vec<&Path> = report.inputs.iter().map(PathBuf::as_path).collect();
    inputs.extend(args.baseline.as_deref());
    let outputs = [
        ("-o", args.output.as_deref()),
        ("--write-baseline", args.write_baseline.as_deref()),
    ];
    input::refuse_overwrite(&outputs, &inputs)
}

/// The file `feedback` writes may not be the file it reads.
fn feedback_outputs(command: &FeedbackCommand) -> Result<(), OverwriteError> {
    let mut inputs = vec![command.file.as_path()];
    inputs.extend(command.plan.as_deref());
    input::refuse_overwrite(&[("-o", command.output.as_deref())], &inputs)
}

fn analyze_options(args: &FeedbackArgs) -> AnalyzeOptions {
    AnalyzeOptions {
        read: ReadOptions {
            delimiter: args.delimiter,
            text_column: args.text_column.clone(),
            score_column: args.score_column.clone(),
            persona_column: args.persona_column.clone(),
            touchpoint_column: args.touchpoint_column.clone(),
            channel_column: args.channel_column.clone(),
            date_column: args.date_column.clone(),
            max_record_bytes: args.max_record_bytes.unwrap_or(MAX_RECORD_BYTES),
            ..ReadOptions::default()
        },
        scale: args.score_scale.map(|s| match s {
            Scale::Nps => ScoreScale::Nps,
            Scale::Stars => ScoreScale::Stars,
        }),
        workers: 0,
    }
}

fn feedback(command: FeedbackCommand) -> Result<u8> {
    let options = analyze_options(&command.read);
    let plan = command.plan.as_deref().map(read_plan).transpose()?;
    let bar = progress::Bar::new();
    let path = &command.file;
    // Standard input has no size to show progress against.
    let size = if is_stdin(path) {
        0
    } else {
        std::fs::metadata(path).map_or(0, |m| m.len())
    };
    planlint::Progress::start(&bar, path, size);
    let advance = |read| planlint::Progress::advance(&bar, read);
    feedback_outputs(&command)?;
    let mut out = create(command.output.as_deref())?;
    let analysis = match command.format {
        FeedbackFormat::Csv => {
            let mut sink = render::CsvSink::new(&mut out, command.raw_csv);
            let analysis = planlint::feedback::analyze_rows(path, &options, &advance, &mut sink);
            sink.flush().context("cannot write the CSV")?;
            analysis
        }
        FeedbackFormat::Table | FeedbackFormat::Json => {
            planlint::feedback::analyze(path, &options, &advance)
        }
    };
    planlint::Progress::finish(&bar);
    // The reader's errors name the file themselves.
    let analysis = analysis?;
    match command.format {
        FeedbackFormat::Table => {
            render::feedback_table(&Summary::new(&analysis, plan.as_ref()), &mut out)?
        }
        FeedbackFormat::Json => {
            render::feedback_json(Summary::new(&analysis, plan.as_ref()), &mut out)?
        }
        FeedbackFormat::Csv if analysis.rejected_total > 0 => stderr::note(format!(
            "{} rows of {} could not be read and are not in the CSV (--format json lists them)",
            analysis.rejected_total, analysis.path
        )),
        FeedbackFormat::Csv => {}
    }
    out.finish().context("cannot write the output")?;
    Ok(0)
}

/// A plan for `feedback --plan`: it must read without errors.
fn read_plan(path: &Path) -> Result<planlint::plan::Plan> {
    let bytes = planlint::input::read_bounded(
        path,
        planlint::source::MAX_PLAN_BYTES,
        "a plan is a short TOML file",
    )
    .with_context(|| path.display().to_string())?;
    let text = String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("{}: the plan is not valid UTF-8", path.display()))?;
    planlint::check::load_plan(&SourceFile::new(PathBuf::from(path), text)).map_err(|errors| {
        anyhow::anyhow!(
            "{} has {} error(s); `planlint check {}` shows them",
            path.display(),
            errors.len(),
            path.display()
        )
    })
}
