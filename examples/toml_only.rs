//! The baseline for the many-plans benchmark (BENCHMARKS.md): walks a folder
//! like `planlint check` does and parses every plan with the toml crate alone.
//!
//! ```sh
//! cargo run --release --example toml_only -- DIR
//! ```

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("usage: toml_only DIR");
        }
        return ExitCode::from(2);
    };
    let start = Instant::now();
    let (mut plans, mut keys) = (0, 0);
    for entry in ignore::WalkBuilder::new(&dir)
        .require_git(false)
        .build()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy();
        if !(name == "plan.toml" || name.ends_with(".plan.toml")) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        if let Ok(doc) = toml::de::DeTable::parse(&text) {
            keys += doc.get_ref().len();
        }
        plans += 1;
    }
    #[allow(clippy::print_stdout)]
    {
        println!(
            "{plans} plans, {keys} top-level keys, {:.3} s",
            start.elapsed().as_secs_f64()
        );
    }
    ExitCode::SUCCESS
}
