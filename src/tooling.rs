//! The commands around checking: editor schemas, a starter plan, shell
//! completions.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, SchemaKind};

pub fn schema(kind: SchemaKind) -> Result<u8> {
    let schema = match kind {
        SchemaKind::Plan => planlint::schema::plan_schema(),
        SchemaKind::Config => planlint::schema::config_schema(),
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
