//! Command-line definitions (clap derive), and their translation into the
//! library's options.
//!
//! Floor `main` (the binary): imports the library's option types.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use planlint::Severity;
use planlint::config::{ConfigError, ConfigFile, Overrides, Resolver};
use planlint::feedback::analysis::TimeOptions;
use planlint::feedback::dates::{self, Period, SlashOrder};
use planlint::feedback::reader::{MAX_RECORD_BYTES, ReadOptions};
use planlint::feedback::{AnalyzeOptions, ScoreScale};
pub use planlint::render::Format;

#[derive(Debug, Parser)]
#[command(
    name = "planlint",
    version,
    about = "Lint marketing plans: WHY/HOW/WHAT alignment, measurable goals, customer-centred touchpoints",
    after_help = "Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage error, unreadable path or internal error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check plan files, or folders searched for *.plan.toml and plan.toml
    Check(CheckArgs),
    /// List the rules
    Rules {
        #[arg(long, value_enum, default_value_t = CatalogFormat::Table)]
        format: CatalogFormat,
    },
    /// Show a rule's documentation
    Explain {
        /// A rule code (WHY002) or name (why-is-a-what)
        rule: String,
    },
    /// Summarise a CSV of customer feedback: NPS, themes, wants, fatigue
    Feedback(FeedbackCommand),
    /// Merge summaries of feedback (see `feedback --summary-out`) into one,
    /// as if one analysis had read all their rows
    Merge(MergeCommand),
    /// Write a board report: one self-contained HTML page with charts, to
    /// open in a browser or print to PDF
    Report(ReportArgs),
    /// Show the configuration plans in a folder are checked with, and where
    /// each value comes from
    Config(ConfigCommand),
    // The commands around checking.
    /// Print the JSON Schema of a plan or of planlint.toml, for editors
    ///
    /// Editors with TOML schema support (Taplo, Even Better TOML) complete and
    /// validate plans with it.
    Schema {
        /// The file the schema describes
        #[arg(value_enum, default_value_t = SchemaKind::Plan)]
        kind: SchemaKind,
    },
    /// Write a commented starter plan (plan.toml) and planlint.toml into a folder
    Init {
        /// The folder, created if it does not exist
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Overwrite plan.toml and planlint.toml if they exist
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script, e.g. `planlint completions bash`
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SchemaKind {
    /// A plan (*.plan.toml, plan.toml)
    Plan,
    /// The configuration file, planlint.toml
    Config,
}

#[derive(Debug, clap::Args)]
pub struct ConfigCommand {
    /// A plan file or a folder of plans
    #[arg(default_value = ".")]
    pub path: PathBuf,
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// Which configuration file is read, and the values that override it;
/// shared by `check` and `config`.
#[derive(Debug, Clone, clap::Args)]
pub struct ConfigArgs {
    /// Read this configuration file instead of the nearest planlint.toml or
    /// .planlint.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Read no configuration file: defaults and command line only
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Rules to check instead of the file's select and ignore: codes, names,
    /// families (WHY, TX, ...) or ALL; comma-separated or repeated
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Rules not to check, on top of the file's: codes, names or families;
    /// comma-separated or repeated
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Option<Vec<String>>,
    /// Exit with 1 when a finding has this severity or a higher one
    /// (default: the configuration's fail-on, else warning)
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// A rule's severity, e.g. GOAL005=error; comma-separated or repeated
    #[arg(long, value_delimiter = ',', value_name = "RULE=LEVEL")]
    pub severity: Vec<String>,
}

impl ConfigArgs {
    /// The configuration choices of the command line, checked.
    pub fn resolver(&self) -> Result<Resolver, Vec<ConfigError>> {
        let file = match (&self.config, self.no_config) {
            (Some(path), _) => ConfigFile::Path(path.clone()),
            (None, true) => ConfigFile::None,
            (None, false) => ConfigFile::Nearest,
        };
        let overrides = Overrides {
            select: self.select.clone(),
            ignore: self.ignore.clone(),
            severity: self.severity.clone(),
            fail_on: self.fail_on.map(|f| match f {
                FailOn::Error => Some(Severity::Error),
                FailOn::Warning => Some(Severity::Warning),
                FailOn::Info => Some(Severity::Info),
                FailOn::Never => None,
            }),
        };
        Resolver::new(file, &overrides)
    }
}

#[derive(Debug, clap::Args)]
pub struct FeedbackCommand {
    /// The CSV file, or - for standard input
    #[arg(required_unless_present = "summary")]
    pub file: Option<PathBuf>,
    /// Read a summary (see --summary-out, `planlint merge`) instead of a CSV;
    /// how the CSV was read (its columns, delimiter, record limit) was
    /// decided when the summary was made
    #[arg(
        long,
        value_name = "SUMMARY",
        conflicts_with_all = [
            "file", "delimiter", "text_column", "score_column", "persona_column",
            "touchpoint_column", "channel_column", "date_column", "max_record_bytes",
        ]
    )]
    pub summary: Option<PathBuf>,
    /// Also write the summary of the analysis to this file: what the rows
    /// add up to, to merge with others (`planlint merge`) and check plans
    /// against (--feedback-summary)
    #[arg(long, value_name = "SUMMARY")]
    pub summary_out: Option<PathBuf>,
    /// A plan whose personas and touchpoints the feedback is linked to
    #[arg(long, value_name = "PLAN")]
    pub plan: Option<PathBuf>,
    /// table: a readable summary; json: the summary as data; csv: every row
    /// with sentiment, polarity and themes added
    #[arg(long, value_enum, default_value_t = FeedbackFormat::Table)]
    pub format: FeedbackFormat,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The width the tables fit, in columns; else COLUMNS, else the
    /// terminal's; else (a pipe, a file) each row is one line
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
    /// With --format csv: write cells as they are, for programs: no ' before
    /// cells that start with =, +, -, @ or a tab (which keeps spreadsheets
    /// from running them as formulas), and quotes only where CSV needs them
    #[arg(long)]
    pub raw_csv: bool,
    #[command(flatten)]
    pub read: FeedbackArgs,
}

#[derive(Debug, clap::Args)]
pub struct MergeCommand {
    /// The summaries, in any order
    #[arg(required = true, value_name = "SUMMARY")]
    pub summaries: Vec<PathBuf>,
    /// The merged summary
    #[arg(short, long, value_name = "SUMMARY")]
    pub output: PathBuf,
}

/// How a feedback CSV is read; shared by `check` and `feedback`.
#[derive(Debug, Clone, clap::Args)]
pub struct FeedbackArgs {
    /// Field delimiter: , ; or tab (default: detected from the header)
    #[arg(long, value_parser = parse_delimiter, value_name = "CHAR")]
    pub delimiter: Option<u8>,
    /// Column with the comment (default: text, comment, feedback, review, ...)
    #[arg(long, value_name = "NAME")]
    pub text_column: Option<String>,
    /// Column with the score (default: nps, score, rating, stars, likelihood)
    #[arg(long, value_name = "NAME")]
    pub score_column: Option<String>,
    /// Column naming the persona (default: persona, segment)
    #[arg(long, value_name = "NAME")]
    pub persona_column: Option<String>,
    /// Column naming the touchpoint (default: touchpoint, source, campaign)
    #[arg(long, value_name = "NAME")]
    pub touchpoint_column: Option<String>,
    /// Column naming the channel (default: channel)
    #[arg(long, value_name = "NAME")]
    pub channel_column: Option<String>,
    /// Column with the date (default: date)
    #[arg(long, value_name = "NAME")]
    pub date_column: Option<String>,
    /// The order of day and month in dates like 03/04/2026: DD/MM/YYYY or
    /// MM/DD/YYYY (default: decided by the file's dates, day first when
    /// none has a day above 12)
    #[arg(long, value_parser = parse_date_format, value_name = "FORMAT")]
    pub date_format: Option<SlashOrder>,
    /// Length of the periods of the analysis over time: week, month or
    /// quarter (default: weeks for up to 13 weeks of dates, months for up to
    /// two years, quarters beyond)
    #[arg(long, value_parser = parse_period, value_name = "PERIOD")]
    pub period: Option<Period>,
    /// Analyse only rows dated on or after this day (YYYY-MM-DD); rows
    /// outside the window or without a readable date are counted, not
    /// analysed
    #[arg(long, value_parser = parse_day, value_name = "DATE")]
    pub since: Option<i32>,
    /// Analyse only rows dated on or before this day (YYYY-MM-DD)
    #[arg(long, value_parser = parse_day, value_name = "DATE")]
    pub until: Option<i32>,
    /// How to read scores when the column does not say: nps (0-10) or stars (1-5)
    #[arg(long, value_enum, value_name = "SCALE")]
    pub score_scale: Option<Scale>,
    /// The longest record (row) read, in bytes, or with K, M or G (1024,
    /// 1024², 1024³); a longer record is rejected (default: 1M)
    #[arg(long, value_parser = parse_bytes, value_name = "BYTES")]
    pub max_record_bytes: Option<usize>,
}

impl FeedbackArgs {
    /// How the library reads and analyses the file.
    pub fn options(&self) -> AnalyzeOptions {
        AnalyzeOptions {
            read: ReadOptions {
                delimiter: self.delimiter,
                text_column: self.text_column.clone(),
                score_column: self.score_column.clone(),
                persona_column: self.persona_column.clone(),
                touchpoint_column: self.touchpoint_column.clone(),
                channel_column: self.channel_column.clone(),
                date_column: self.date_column.clone(),
                max_record_bytes: self.max_record_bytes.unwrap_or(MAX_RECORD_BYTES),
                ..ReadOptions::default()
            },
            scale: self.score_scale.map(|s| match s {
                Scale::Nps => ScoreScale::Nps,
                Scale::Stars => ScoreScale::Stars,
            }),
            workers: 0,
            time: TimeOptions {
                order: self.date_format,
                period: self.period,
                since: self.since,
                until: self.until,
            },
        }
    }
}

fn parse_date_format(value: &str) -> Result<SlashOrder, String> {
    SlashOrder::parse_name(value).ok_or_else(|| "expected DD/MM/YYYY or MM/DD/YYYY".to_owned())
}

fn parse_period(value: &str) -> Result<Period, String> {
    Period::parse_name(value).ok_or_else(|| "expected week, month or quarter".to_owned())
}

fn parse_day(value: &str) -> Result<i32, String> {
    dates::parse_iso_day(value).ok_or_else(|| "expected a day as YYYY-MM-DD".to_owned())
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FeedbackFormat {
    Table,
    Json,
    Markdown,
    Csv,
}

impl FeedbackFormat {
    /// The format of the summary; `None` for the scored rows (CSV).
    pub fn summary(self) -> Option<Format> {
        match self {
            FeedbackFormat::Table => Some(Format::Table),
            FeedbackFormat::Json => Some(Format::Json),
            FeedbackFormat::Markdown => Some(Format::Markdown),
            FeedbackFormat::Csv => None,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Scale {
    Nps,
    Stars,
}

fn parse_delimiter(value: &str) -> Result<u8, String> {
    match value {
        "," | "comma" => Ok(b','),
        ";" | "semicolon" => Ok(b';'),
        "\\t" | "\t" | "tab" => Ok(b'\t'),
        other => Err(format!(
            "\"{other}\" is not a delimiter planlint reads: use , ; or tab"
        )),
    }
}

/// `1048576`, `64K`, `1M`, `1MB`, `1MiB`: a size in bytes; a suffix counts
/// in 1024s, as the limits are shown.
fn parse_bytes(value: &str) -> Result<usize, String> {
    let text = value.trim().to_ascii_uppercase();
    let text = text
        .strip_suffix("IB")
        .or_else(|| text.strip_suffix('B'))
        .unwrap_or(&text);
    let (number, power) = match text.as_bytes().last() {
        Some(b'K') => (&text[..text.len() - 1], 1),
        Some(b'M') => (&text[..text.len() - 1], 2),
        Some(b'G') => (&text[..text.len() - 1], 3),
        _ => (text, 0),
    };
    number
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(1024_usize.pow(power)))
        .filter(|&bytes| bytes > 0)
        .ok_or_else(|| {
            format!(
                "\"{value}\" is not a size: write a number of bytes, such as 1048576, 1024K or 1M"
            )
        })
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Plan files or folders
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Count findings by rule and by family, after the report (table,
    /// markdown) or as `statistics` (json)
    #[arg(long)]
    pub statistics: bool,
    /// The width the table fits, in columns; else COLUMNS, else the
    /// terminal's; else (a pipe, a file) each row is one line
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Write the report to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Customer feedback (CSV) for every plan checked, instead of each plan's
    /// own `feedback`; adds the FB rules. - reads standard input
    #[arg(long, value_name = "FILE")]
    pub feedback: Option<PathBuf>,
    /// A summary of feedback (see `feedback --summary-out`, `planlint
    /// merge`) for every plan, instead of a CSV
    #[arg(long, value_name = "SUMMARY", conflicts_with = "feedback")]
    pub feedback_summary: Option<PathBuf>,
    /// Hide the findings recorded in this baseline (see --write-baseline):
    /// only new findings are reported and fail
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings in this file (JSON) as the baseline, then
    /// report as if checked with it
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Let paths in plans (`feedback`) and links in folders lead out of the
    /// plan's repository; only for plans you trust
    #[arg(long, env = "PLANLINT_ALLOW_OUTSIDE_ROOT", value_parser = clap::builder::FalseyValueParser::new())]
    pub allow_outside_root: bool,
    #[command(flatten)]
    pub read: FeedbackArgs,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Plan files or folders
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Write the page to this file; - for standard output
    #[arg(
        short,
        long,
        value_name = "FILE",
        default_value = "planlint-report.html"
    )]
    pub output: PathBuf,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Customer feedback (CSV) for every plan, instead of each plan's own
    /// `feedback`. - reads standard input
    #[arg(long, value_name = "FILE")]
    pub feedback: Option<PathBuf>,
    /// A summary of feedback (see `feedback --summary-out`, `planlint
    /// merge`) for every plan, instead of a CSV
    #[arg(long, value_name = "SUMMARY", conflicts_with = "feedback")]
    pub feedback_summary: Option<PathBuf>,
    /// The last version of the plan (one plan only): adds "since the last
    /// plan", the scorecard then and now and the findings fixed and new
    #[arg(
        long,
        value_name = "OLD.plan.toml",
        conflicts_with = "previous_baseline"
    )]
    pub previous: Option<PathBuf>,
    /// A baseline (see check --write-baseline) recorded for the plans
    /// before: "since the last plan" from its findings
    #[arg(long, value_name = "FILE")]
    pub previous_baseline: Option<PathBuf>,
    /// Let paths in plans (`feedback`) and links in folders lead out of the
    /// plan's repository; only for plans you trust
    #[arg(long, env = "PLANLINT_ALLOW_OUTSIDE_ROOT", value_parser = clap::builder::FalseyValueParser::new())]
    pub allow_outside_root: bool,
    #[command(flatten)]
    pub read: FeedbackArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CatalogFormat {
    Table,
    Json,
}

impl From<CatalogFormat> for Format {
    fn from(format: CatalogFormat) -> Self {
        match format {
            CatalogFormat::Table => Format::Table,
            CatalogFormat::Json => Format::Json,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}
