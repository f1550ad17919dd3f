//! The `planlint` binary: parse arguments, call the library, write, and map
//! the result to an exit code (0 clean, 1 findings, 2 could not check).
//! What each command does with its arguments is in `commands`, everything
//! with judgement in it in the library, and what goes to standard error
//! goes through `stderr`.

mod cli;
mod commands;
mod progress;
mod stderr;

use std::io;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use cli::{Cli, Command};
use commands::ERROR;

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
    match cli.command {
        Command::Check(args) => commands::check(args),
        Command::Feedback(command) => commands::feedback(command),
        Command::Merge(command) => commands::merge(command),
        Command::Report(args) => commands::report(args),
        Command::Config(command) => commands::config(command),
        Command::Rules { format } => commands::rules(format.into()),
        Command::Explain { rule } => commands::explain(&rule),
        Command::Schema { kind } => commands::schema(kind),
        Command::Init { dir, force } => commands::init(&dir, force),
        Command::Completions { shell } => commands::completions(shell),
    }
}
