//! The commands around checking: editor schemas.

use std::io::{self, Write};

use anyhow::Result;

use crate::cli::SchemaKind;

pub fn schema(kind: SchemaKind) -> Result<u8> {
    let schema = match kind {
        SchemaKind::Plan => planlint::schema::plan_schema(),
        SchemaKind::Config => planlint::schema::config_schema(),
    };
    let text = serde_json::to_string_pretty(&schema)?;
    writeln!(io::stdout().lock(), "{text}")?;
    Ok(0)
}
