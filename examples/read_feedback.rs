//! Benchmark: read a feedback CSV with planlint's reader and count rows and
//! rejected records, for comparison with `parse_only` (see BENCHMARKS.md).
//!
//! `cargo run --release --example read_feedback -- FILE.csv [--owned] [--keep-fields]`
//!
//! By default rows are read into one reused `Row`; `--owned` iterates, which
//! builds a new `Row` for each record.

// An example reports on stdout; the crate-wide lint is for the library.
#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use planlint::feedback::{FeedbackReader, ReadOptions, Record, Row};

fn main() -> anyhow::Result<()> {
    let mut path = None;
    let (mut owned, mut keep_fields) = (false, false);
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--owned") => owned = true,
            Some("--keep-fields") => keep_fields = true,
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    let path = path.context("usage: read_feedback FILE.csv [--owned] [--keep-fields]")?;
    let options = ReadOptions {
        keep_fields,
        ..ReadOptions::default()
    };
    let start = Instant::now();
    let mut reader = FeedbackReader::open(&path, &options)?;
    let (mut rows, mut rejected) = (0u64, 0u64);
    if owned {
        for record in reader {
            match record? {
                Record::Row(_) => rows += 1,
                Record::Rejected(_) => rejected += 1,
            }
        }
    } else {
        let mut row = Row::default();
        while let Some(read) = reader.read_row(&mut row)? {
            match read {
                Ok(()) => rows += 1,
                Err(_) => rejected += 1,
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{} records ({rows} rows, {rejected} rejected) in {seconds:.3} s",
        rows + rejected
    );
    Ok(())
}
