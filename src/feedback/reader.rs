//! Streaming reader for feedback CSV files.
//!
//! Files run to tens of millions of rows, so records are read one at a time
//! into one reused buffer, and only the strings a [`Row`] needs are built.
//! Nothing is lost silently: every record after the header becomes a [`Row`]
//! or a [`Rejected`] with its line and reason.

mod columns;
mod error;
mod sniff;
mod tail;
#[cfg(test)]
mod tests;

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::iter::FusedIterator;
use std::path::Path;

use csv::ByteRecord;

use super::{Rejected, Row};
use crate::source::display_path;
use tail::Tail;

pub use columns::Columns;
pub use error::FeedbackError;

/// How to read a feedback file. The default detects the delimiter and finds
/// columns by their usual names.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The field delimiter; detected from the header line when not given.
    pub delimiter: Option<u8>,
    /// Header names that override the usual names, compared trimmed and
    /// case-insensitively.
    pub text_column: Option<String>,
    pub score_column: Option<String>,
    pub persona_column: Option<String>,
    pub touchpoint_column: Option<String>,
    pub channel_column: Option<String>,
    pub date_column: Option<String>,
    /// Fill [`Row::fields`]; costs a string per field, so only output that
    /// repeats the input asks for it.
    pub keep_fields: bool,
}

/// One data record of the file: read, or rejected with the reason.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Row(Row),
    Rejected(Rejected),
}

/// The parser's buffer; larger than the `BufReader`'s 8 KiB so that, once the
/// header is read, the parser reads straight from the file.
const BUFFER_BYTES: usize = 64 * 1024;

type Input<R> = Tail<io::Chain<io::Cursor<Vec<u8>>, BufReader<R>>>;

/// Reads a feedback file record by record. Iterating yields a [`Record`] for
/// each data record, then stops; an `Err` (input that cannot be read on from)
/// is the last item.
pub struct FeedbackReader<R: Read> {
    csv: csv::Reader<Input<R>>,
    /// Reused for every record, so reading allocates only what rows keep.
    record: ByteRecord,
    columns: Columns,
    file: String,
    keep_fields: bool,
    bom_len: u64,
    done: bool,
}

impl FeedbackReader<File> {
    pub fn open(path: &Path, options: &ReadOptions) -> Result<Self, FeedbackError> {
        let file = display_path(path);
        match File::open(path) {
            Ok(reader) => FeedbackReader::new(reader, &file, options),
            Err(source) => Err(FeedbackError::Open { file, source }),
        }
    }
}

impl<R: Read> FeedbackReader<R> {
    /// Reads the header and finds the columns; `name` is the file name that
    /// messages give.
    pub fn new(reader: R, name: &str, options: &ReadOptions) -> Result<Self, FeedbackError> {
        let file = name.to_owned();
        if let Some(delimiter) = options.delimiter
            && matches!(delimiter, b'"' | b'\r' | b'\n' | 0x80..)
        {
            return Err(FeedbackError::BadDelimiter { file, delimiter });
        }
        let mut buffered = BufReader::new(reader);
        let header = match sniff::read_header(&mut buffered) {
            Ok(header) => header,
            Err(source) => {
                let source = source.into();
                return Err(FeedbackError::Read {
                    file,
                    line: 1,
                    source,
                });
            }
        };
        if sniff::is_utf16(&header.bytes) {
            return Err(FeedbackError::Utf16 { file });
        }
        if sniff::has_lone_carriage_return(header.line()) {
            return Err(FeedbackError::CarriageReturnLines { file });
        }
        let delimiter = options
            .delimiter
            .unwrap_or_else(|| sniff::detect_delimiter(header.line()));
        let bom_len = header.bom_len;
        let mut ahead = io::Cursor::new(header.bytes);
        ahead.set_position(bom_len as u64);
        // Records end at `\n` only, with any `\r` left on the last field: then
        // every record but the file's last is known to end in a newline,
        // which line numbers depend on.
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .terminator(csv::Terminator::Any(b'\n'))
            .buffer_capacity(BUFFER_BYTES)
            .from_reader(Tail::new(ahead.chain(buffered)));

        let mut record = ByteRecord::new();
        match read_record(&mut csv, &mut record) {
            Ok(true) => {}
            Ok(false) => return Err(FeedbackError::Empty { file }),
            Err(source) => {
                return Err(FeedbackError::Read {
                    file,
                    line: 1,
                    source,
                });
            }
        }
        let headers = fields(&record)
            .map(|name| String::from_utf8_lossy(name).into_owned())
            .collect();
        let columns = Columns::find(&file, headers, delimiter, options)?;
        Ok(FeedbackReader {
            csv,
            record,
            columns,
            file,
            keep_fields: options.keep_fields,
            bom_len: bom_len as u64,
            done: false,
        })
    }

    pub fn columns(&self) -> &Columns {
        &self.columns
    }

    /// Bytes of the file parsed so far, for a progress bar.
    pub fn bytes_read(&self) -> u64 {
        self.csv.position().byte() + self.bom_len
    }

    fn build(&self) -> Record {
        let record = &self.record;
        let columns = &self.columns;
        let (line, unclosed) = self.locate();
        let reject = |reason| Record::Rejected(Rejected { line, reason });
        let expected = columns.headers.len();
        if record.len() != expected {
            let found = record.len();
            let last = line + newlines(record);
            return reject(if last > line {
                format!(
                    "expected {expected} fields, found {found} in a record running to line {last}; check for an unclosed quote"
                )
            } else {
                format!("expected {expected} fields, found {found}")
            });
        }
        if unclosed {
            let header = &columns.headers[expected - 1];
            let last = line + newlines(record);
            return reject(format!(
                "a quote in column {header:?} is never closed, so the field runs to the end of the file at line {last}"
            ));
        }
        let mut row = Row {
            line,
            ..Row::default()
        };
        if self.keep_fields {
            row.fields.reserve_exact(record.len());
        }
        // Every field is checked, used or not, so that whether a row is read
        // does not depend on `keep_fields`.
        for (index, raw) in fields(record).enumerate() {
            let Ok(value) = std::str::from_utf8(raw) else {
                let header = &columns.headers[index];
                return reject(format!("invalid UTF-8 in column {header:?}"));
            };
            if index == columns.text {
                row.text = value.trim().to_owned();
            }
            if Some(index) == columns.score {
                match parse_score(value) {
                    Ok(score) => row.score = score,
                    Err(reason) => return reject(reason),
                }
            }
            if Some(index) == columns.persona {
                row.persona = optional(value);
            }
            if Some(index) == columns.touchpoint {
                row.touchpoint = optional(value);
            }
            if Some(index) == columns.channel {
                row.channel = optional(value);
            }
            if Some(index) == columns.date {
                row.date = optional(value);
            }
            if self.keep_fields {
                row.fields.push(value.to_owned());
            }
        }
        Record::Row(row)
    }

    /// The line the record just read starts on, and whether its last field
    /// opened a quote that the end of the file cut off.
    ///
    /// The parser notes where a record starts before it skips blank lines and
    /// the `\n` of a `\r\n`, so the start is counted back from the end.
    fn locate(&self) -> (u64, bool) {
        let record = &self.record;
        let tail = self.csv.get_ref();
        let used_up = tail.used_up(self.csv.position().byte());
        // The parser ends a quoted field at the end of the input without a
        // word; a field that was closed would end in a quote.
        let unclosed = used_up
            && tail.at_end()
            && tail.last_content() != Some(b'"')
            && record
                .iter()
                .next_back()
                .is_some_and(|f| f.contains(&b'\n'));
        let ended_by_newline = !used_up || (tail.last() == Some(b'\n') && !unclosed);
        let start = record.position().map_or(1, csv::Position::line);
        let end = self
            .csv
            .position()
            .line()
            .saturating_sub(u64::from(ended_by_newline));
        let line = if end == start {
            start
        } else {
            end.saturating_sub(record.as_slice().iter().filter(|&&b| b == b'\n').count() as u64)
        };
        (line, unclosed)
    }
}

impl<R: Read> Iterator for FeedbackReader<R> {
    type Item = Result<Record, FeedbackError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match read_record(&mut self.csv, &mut self.record) {
            Ok(true) => Some(Ok(self.build())),
            Ok(false) => {
                self.done = true;
                None
            }
            Err(source) => {
                self.done = true;
                let line = self.record.position().map_or(1, csv::Position::line);
                let file = self.file.clone();
                Some(Err(FeedbackError::Read { file, line, source }))
            }
        }
    }
}

impl<R: Read> FusedIterator for FeedbackReader<R> {}

/// Reads the next record, past blank `\r\n` lines: the parser skips blank
/// lines only when they end in `\n` alone.
fn read_record<R: Read>(csv: &mut csv::Reader<R>, record: &mut ByteRecord) -> csv::Result<bool> {
    loop {
        let found = csv.read_byte_record(record)?;
        if !found || record.len() != 1 || record.as_slice() != b"\r" {
            return Ok(found);
        }
    }
}

/// The fields of a record without the `\r` of a `\r\n` line ending.
fn fields(record: &ByteRecord) -> impl Iterator<Item = &[u8]> {
    let last = record.len().saturating_sub(1);
    record
        .iter()
        .enumerate()
        .map(move |(index, field)| match field.strip_suffix(b"\r") {
            Some(stripped) if index == last => stripped,
            _ => field,
        })
}

/// The newlines inside a record, but for those ending its last field: an
/// unclosed quote swallows the lines after it, and reasons say how far.
fn newlines(record: &ByteRecord) -> u64 {
    let content = record.as_slice();
    let end = content
        .iter()
        .rposition(|&b| b != b'\r' && b != b'\n')
        .map_or(0, |i| i + 1);
    content[..end].iter().filter(|&&b| b == b'\n').count() as u64
}

/// A score is a number from 0 to 10, or empty. A decimal comma is accepted
/// because files from European spreadsheets write `8,5`.
fn parse_score(value: &str) -> Result<Option<f64>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let parsed = value.parse::<f64>().ok().or_else(|| {
        let (whole, fraction) = value.split_once(',')?;
        format!("{whole}.{fraction}").parse().ok()
    });
    match parsed {
        Some(score) if (0.0..=10.0).contains(&score) => Ok(Some(score)),
        Some(score) if score.is_finite() => {
            Err(format!("score {:?} is outside 0 to 10", excerpt(value)))
        }
        _ => Err(format!("score {:?} is not a number", excerpt(value))),
    }
}

fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// A misplaced column can put a whole comment where the score belongs; the
/// reason quotes only its start.
fn excerpt(value: &str) -> String {
    const MAX_CHARS: usize = 30;
    match value.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => format!("{}...", &value[..end]),
        None => value.to_owned(),
    }
}
