//! Benchmark baseline: count the records of a CSV file with the csv crate
//! alone, for comparison with `read_feedback` (see BENCHMARKS.md).
//!
//! `cargo run --release --example parse_only -- FILE.csv`

// An example reports on stdout; the crate-wide lint is for the library.
#![allow(clippy::print_stdout)]

use std::time::Instant;

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let path = std::env::args_os()
        .nth(1)
        .context("usage: parse_only FILE.csv")?;
    let start = Instant::now();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(&path)
        .with_context(|| format!("cannot open {}", path.to_string_lossy()))?;
    let mut record = csv::ByteRecord::new();
    let mut records = 0u64;
    while reader.read_byte_record(&mut record)? {
        records += 1;
    }
    let seconds = start.elapsed().as_secs_f64();
    println!("{records} records in {seconds:.3} s");
    Ok(())
}
