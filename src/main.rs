//! The `planlint` binary: parse arguments, call the library, print, and map
//! the result to an exit code (0 clean, 1 findings, 2 could not check).

mod cli;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser;

use cli::{CatalogFormat, CheckArgs, Cli, Command, FailOn, Format};
use planlint::Severity;
use planlint::render::{self, Render};

const FAILED: u8 = 1;
const ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("planlint: error: {error:#}");
            }
            ExitCode::from(ERROR)
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    let stdout = io::stdout();
    match cli.command {
        Command::Check(args) => check(args),
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
    }
}

fn check(args: CheckArgs) -> Result<u8> {
    let report = planlint::check_paths(&args.paths);
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let color = to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let renderer: Box<dyn Render> = match args.format {
        Format::Table => Box::new(render::Table { color }),
        Format::Json => Box::new(render::Json),
    };
    match &args.output {
        Some(path) => {
            let file =
                File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
            let mut out = BufWriter::new(file);
            renderer.render(&report, &mut out)?;
            out.flush()
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        None => renderer.render(&report, &mut io::stdout().lock())?,
    }
    for problem in &report.problems {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("planlint: error: {problem}");
        }
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    Ok(if !report.problems.is_empty() {
        ERROR
    } else if report.fails(threshold) {
        FAILED
    } else {
        0
    })
}
