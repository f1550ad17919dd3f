//! Standard error. Every message planlint prints there passes through here,
//! one line each, with [`one_line`] applied: file names, arguments and text
//! quoted from files are untrusted, and on standard error a line break could
//! start a CI workflow command (`::error::`) and an escape sequence could
//! drive the terminal.

use std::fmt::Display;
use std::process::ExitCode;

use planlint::Report;
use planlint::config::{Config, ConfigError};
use planlint::text::sanitize::{clean, cut, one_line};

/// `planlint: error: MESSAGE`.
pub fn error(message: impl Display) {
    line(&format!("error: {}", one_line(&message.to_string())));
}

/// `planlint: MESSAGE`: something the user should know that is not an error.
pub fn note(message: impl Display) {
    line(&one_line(&message.to_string()));
}

/// The paths that could not be checked, and why.
pub fn problems(report: &Report) {
    for problem in &report.problems {
        match problem {
            planlint::PathError::Config(problem) => config_error(problem),
            problem => error(problem),
        }
    }
}

/// Configuration errors (they make the exit code 2).
pub fn config_errors(problems: &[ConfigError]) {
    for problem in problems {
        config_error(problem);
    }
}

/// The warnings of the configurations plans were checked with, each once
/// however many plans share its file.
pub fn config_warnings<'a>(configs: impl IntoIterator<Item = &'a Config>) {
    let mut shown: Vec<&ConfigError> = Vec::new();
    for warning in configs.into_iter().flat_map(|c| &c.warnings) {
        if !shown.contains(&warning) {
            shown.push(warning);
            config_warning(warning);
        }
    }
}

/// A configuration error and, on the line after it, its help.
fn config_error(problem: &ConfigError) {
    error(format!("{}: {}", problem.place, problem.message));
    help(&problem.help);
}

/// A configuration that works but may not do what was meant (`select = []`).
fn config_warning(problem: &ConfigError) {
    line(&format!(
        "warning: {}",
        one_line(&format!("{}: {}", problem.place, problem.message))
    ));
    help(&problem.help);
}

fn help(text: &str) {
    if !text.is_empty() {
        print(&format!("  help: {}", one_line(text)));
    }
}

/// Prints clap's message for a usage error (or its help and version, to
/// standard output) and gives its exit code. clap quotes the arguments it
/// did not understand, and an argument can hold anything: the message is
/// made from the arguments put on one line each, so that clap's own line
/// breaks stay and the arguments' go.
pub fn usage<P: clap::Parser>(problem: clap::Error) -> ExitCode {
    let shown: Vec<String> = std::env::args_os()
        .map(|argument| one_line(&argument.to_string_lossy()).into_owned())
        .collect();
    let same = shown
        .iter()
        .zip(std::env::args_os())
        .all(|(shown, argument)| argument.to_str() == Some(shown.as_str()));
    let problem = match P::try_parse_from(&shown) {
        _ if same => problem,
        Err(shown) if shown.kind() == problem.kind() => shown,
        // Cleaned, the arguments parse, or fail otherwise: only the kind of
        // error is told.
        _ => P::command().error(
            problem.kind(),
            "an argument holds a control character or a line break; check the command line",
        ),
    };
    let text = problem.render().to_string();
    let text = clean(&text);
    if problem.use_stderr() {
        #[allow(clippy::print_stderr)]
        {
            eprint!("{text}");
        }
    } else {
        #[allow(clippy::print_stdout)]
        {
            print!("{text}");
        }
    }
    ExitCode::from(u8::try_from(problem.exit_code()).unwrap_or(2))
}

fn line(text: &str) {
    print(&format!("planlint: {text}"));
}

/// A line of standard error is cut to this many characters: a message
/// names files, and a path can be megabytes long.
const MAX_LINE_CHARS: usize = 2000;

fn print(text: &str) {
    let text = cut(text, MAX_LINE_CHARS);
    #[allow(clippy::print_stderr)]
    {
        eprintln!("{text}");
    }
}
