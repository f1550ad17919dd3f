//! `planlint feedback --format csv`: every analysed row as it was read, with
//! its sentiment, polarity and themes. Cells are cleaned, and, unless asked
//! otherwise, a cell a spreadsheet would run as a formula is made text and
//! every cell but a number is quoted.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::feedback::{Columns, RowSink, Scored};
use crate::text::sanitize::clean;

/// Writes the scored rows of a feedback file as CSV.
pub struct CsvSink<W: Write> {
    writer: csv::Writer<W>,
    /// Cells that start like a formula are written as they are
    /// (`--raw-csv`), for programs rather than spreadsheets.
    raw: bool,
}

impl<W: Write> CsvSink<W> {
    pub fn new(out: W, raw: bool) -> Self {
        // Every cell but a number is quoted: a spreadsheet whose list
        // separator is `;` (German, French, Dutch Excel) splits an unquoted
        // cell at a `;` and would run a formula that starts after one.
        let style = if raw {
            csv::QuoteStyle::Necessary
        } else {
            csv::QuoteStyle::NonNumeric
        };
        Self {
            writer: csv::WriterBuilder::new()
                .quote_style(style)
                .from_writer(out),
            raw,
        }
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }

    fn cell<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let cleaned = clean(text);
        if self.raw || !is_formula(&cleaned) {
            cleaned
        } else {
            Cow::Owned(format!("'{cleaned}"))
        }
    }
}

impl<W: Write> RowSink for CsvSink<W> {
    fn header(&mut self, columns: &Columns) -> io::Result<()> {
        let extra = ["sentiment", "polarity", "themes"];
        let period = columns.date.map(|_| Cow::from("period"));
        let header: Vec<Cow<'_, str>> = columns
            .headers
            .iter()
            .map(|h| self.cell(h))
            .chain(extra.map(Cow::from))
            .chain(period)
            .collect();
        self.writer
            .write_record(header.iter().map(|c| c.as_bytes()))
            .map_err(io::Error::other)
    }

    fn row(&mut self, scored: &Scored<'_>) -> io::Result<()> {
        let (score, polarity) = scored
            .sentiment
            .map_or((String::new(), String::new()), |s| {
                (format!("{:.3}", s.score), s.polarity.as_str().to_owned())
            });
        let themes = scored.themes.join("; ");
        let record: Vec<Cow<'_, str>> = scored
            .row
            .fields
            .iter()
            .map(|f| self.cell(f))
            .chain([score.into(), polarity.into(), self.cell(&themes)])
            .chain(scored.period.map(Cow::from))
            .collect();
        self.writer
            .write_record(record.iter().map(|c| c.as_bytes()))
            .map_err(io::Error::other)
    }
}

/// Whether a spreadsheet would take a cell for a formula: it starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's list; cleaning
/// has made carriage returns line feeds, so those too), and it is not a
/// number such as `-2` or `-0.523`. A `'` in front makes such a cell text.
fn is_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) && !is_number(cell)
}

/// A decimal number as a spreadsheet reads one: digits, a sign, a point
/// and an exponent, nothing else (so not `inf` or `-1+1`).
fn is_number(cell: &str) -> bool {
    cell.bytes().any(|b| b.is_ascii_digit())
        && cell
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'))
        && cell.parse::<f64>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_numbers_stay_numbers() {
        let sink = CsvSink::new(Vec::new(), false);
        let cells = [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\n=1"),
            ("-inf", "'-inf"),
            ("-2", "-2"),
            ("-0.523", "-0.523"),
            ("+1e5", "+1e5"),
            ("a=1", "a=1"),
            ("\u{1b}[31m=1", "'=1"),
        ];
        for (cell, written) in cells {
            assert_eq!(sink.cell(cell), written, "{cell:?}");
        }
        let raw = CsvSink::new(Vec::new(), true);
        assert_eq!(raw.cell("=1+1\u{7}"), "=1+1");
    }
}
