//! The `planlint` binary: parse arguments, call the library, print, and map
//! the result to an exit code (0 clean, 1 findings, 2 could not check).

mod cli;
mod progress;
mod tooling;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser;

use cli::{
    CatalogFormat, CheckArgs, Cli, Command, ConfigArgs, ConfigCommand, FailOn, FeedbackArgs,
    FeedbackCommand, FeedbackFormat, Format, Scale,
};
use planlint::baseline::Baseline;
use planlint::config::{ConfigError, ConfigFile, Overrides, Resolver};
use planlint::feedback::ScoreScale;
use planlint::feedback::reader::{Columns, MAX_RECORD_BYTES, ReadOptions, is_stdin};
use planlint::feedback::summary::Summary;
use planlint::feedback::{AnalyzeOptions, RowSink, Scored};
use planlint::render::{self, Render, sanitize};
use planlint::source::SourceFile;
use planlint::{CheckOptions, Report, Severity};

const FAILED: u8 = 1;
const ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // The reader went away (`planlint check | head`): nothing is wrong.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("planlint: error: {error:#}");
            }
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
    let options = CheckOptions {
        feedback: args.feedback.clone(),
        analyze: analyze_options(&args.read),
        config,
        today: today()?,
    };
    let mut report = planlint::check_paths(&args.paths, &options, &progress::Bar::new());
    let notes = baseline(&args, &mut report)?;
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
    let mut out = output(args.output.as_deref())?;
    renderer.render(&report, &mut out)?;
    out.flush().context("cannot write the report")?;
    for problem in &report.problems {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("planlint: error: {problem}");
        }
    }
    for note in notes {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("planlint: {note}");
        }
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

/// Prints configuration errors; they make the exit code 2.
fn config_errors(errors: &[ConfigError]) -> u8 {
    for error in errors {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("planlint: error: {error}");
        }
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
/// hides the findings a baseline records. Returns notes for standard error.
fn baseline(args: &CheckArgs, report: &mut Report) -> Result<Vec<String>> {
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
        std::fs::write(path, baseline.to_json())
            .with_context(|| format!("cannot write {}", path.display()))?;
        let total = baseline.total();
        notes.push(format!(
            "recorded {total} {} in {}",
            if total == 1 { "finding" } else { "findings" },
            path.display()
        ));
        baseline.apply(report);
    }
    if let Some(path) = &args.baseline {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the baseline {}", path.display()))?;
        let baseline = Baseline::parse(&text, path).with_context(|| path.display().to_string())?;
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

/// Standard output, or a file.
fn output(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(path) => {
            let file =
                File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
            Box::new(BufWriter::new(file))
        }
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
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
    let mut out = output(command.output.as_deref())?;
    let analysis = match command.format {
        FeedbackFormat::Csv => {
            let mut sink = CsvSink {
                writer: csv::Writer::from_writer(&mut out),
            };
            let analysis = planlint::feedback::analyze_rows(path, &options, &advance, &mut sink);
            sink.writer.flush().context("cannot write the CSV")?;
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
            render::feedback_json(&Summary::new(&analysis, plan.as_ref()), &mut out)?
        }
        FeedbackFormat::Csv if analysis.rejected_total > 0 => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!(
                    "planlint: {} rows of {} could not be read and are not in the CSV (--format json lists them)",
                    analysis.rejected_total, analysis.path
                );
            }
        }
        FeedbackFormat::Csv => {}
    }
    out.flush().context("cannot write the output")?;
    Ok(0)
}

/// A plan for `feedback --plan`: it must read without errors.
fn read_plan(path: &Path) -> Result<planlint::plan::Plan> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    planlint::plan::load(&SourceFile::new(PathBuf::from(path), text)).map_err(|errors| {
        anyhow::anyhow!(
            "{} has {} error(s); `planlint check {}` shows them",
            path.display(),
            errors.len(),
            path.display()
        )
    })
}

/// Writes each row as read, plus its sentiment, polarity and themes. Fields
/// are untrusted: control characters and escape sequences are removed.
struct CsvSink<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> RowSink for CsvSink<W> {
    fn header(&mut self, columns: &Columns) -> io::Result<()> {
        let extra = ["sentiment", "polarity", "themes"];
        let header = columns
            .headers
            .iter()
            .map(|h| sanitize(h))
            .chain(extra.map(str::to_owned));
        self.writer.write_record(header).map_err(io::Error::other)
    }

    fn row(&mut self, scored: &Scored<'_>) -> io::Result<()> {
        let (score, polarity) = scored
            .sentiment
            .map_or((String::new(), String::new()), |s| {
                (format!("{:.3}", s.score), s.polarity.as_str().to_owned())
            });
        let fields = scored.row.fields.iter().map(|f| sanitize(f));
        let record = fields.chain([score, polarity, scored.themes.join("; ")]);
        self.writer.write_record(record).map_err(io::Error::other)
    }
}
