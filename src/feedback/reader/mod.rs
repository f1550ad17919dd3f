//! Streaming reader for feedback CSV files.
//!
//! Files run to tens of millions of rows, so records are read one at a time
//! into one reused buffer, and only the strings a [`Row`] needs are built.
//! Files come from people a repository does not trust, so every read is
//! bounded: the header record by [`MAX_HEADER_BYTES`], every other record by
//! [`ReadOptions::max_record_bytes`]. Nothing is lost silently: every record
//! after the header becomes a [`Row`] or a [`Rejected`] with its line and
//! reason.

mod columns;
mod error;
mod records;
mod sniff;
mod tail;
#[cfg(test)]
mod tests;

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::iter::FusedIterator;
use std::path::Path;

use super::{Rejected, Row};
use crate::input::{open_regular, size};
use crate::source::display_path;
use error::{HEADER_CHARS, quote};
use records::{Fields, Long, Next, Records};
use sniff::HeaderError;

pub use columns::Columns;
pub use error::FeedbackError;
pub use sniff::MAX_HEADER_BYTES;

/// The longest record read unless [`ReadOptions::max_record_bytes`] says
/// otherwise: comments run to a few KB, and a record of a megabyte is more
/// likely a stray quote than something a customer wrote.
pub const MAX_RECORD_BYTES: usize = 1024 * 1024;

/// The path that names standard input.
const STDIN: &str = "-";

/// Whether `path` names standard input: `-`. A file named `-` is `./-`.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// How messages name a feedback file: `<stdin>` for standard input, else the
/// path as given.
pub fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_owned()
    } else {
        display_path(path)
    }
}

/// How to read a feedback file. The default detects the delimiter, finds
/// columns by their usual names and reads records of up to
/// [`MAX_RECORD_BYTES`].
#[derive(Debug, Clone)]
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
    /// The most bytes a record may take in the file, not counting the
    /// newline that ends it; a longer record is rejected without being kept.
    pub max_record_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            delimiter: None,
            text_column: None,
            score_column: None,
            persona_column: None,
            touchpoint_column: None,
            channel_column: None,
            date_column: None,
            keep_fields: false,
            max_record_bytes: MAX_RECORD_BYTES,
        }
    }
}

/// One data record of the file: read, or rejected with the reason.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Row(Row),
    Rejected(Rejected),
}

/// What [`FeedbackReader::open`] reads: a regular file, or standard input.
pub enum Input {
    File(File),
    Stdin(io::Stdin),
}

impl Read for Input {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Input::File(file) => file.read(buf),
            Input::Stdin(stdin) => stdin.read(buf),
        }
    }
}

/// The header as read ahead, then the rest of the input.
type Stream<R> = io::Chain<io::Cursor<Vec<u8>>, BufReader<R>>;

/// Reads a feedback file record by record. Iterating yields a [`Record`] for
/// each data record, then stops; an `Err` (input that cannot be read on from)
/// is the last item.
pub struct FeedbackReader<R: Read> {
    records: Records<Stream<R>>,
    columns: Columns,
    file: String,
    keep_fields: bool,
    max_record_bytes: usize,
    bom_len: u64,
    done: bool,
}

impl FeedbackReader<Input> {
    /// Opens a feedback file, or standard input when the path is `-`. Only a
    /// regular file is opened: a FIFO, a device or a file under `/proc` is
    /// refused before a byte is read.
    pub fn open(path: &Path, options: &ReadOptions) -> Result<Self, FeedbackError> {
        let file = display_name(path);
        let input = if is_stdin(path) {
            Input::Stdin(io::stdin())
        } else {
            match open_regular(path) {
                Ok(opened) => Input::File(opened),
                Err(error) => return Err(FeedbackError::Open { file, error }),
            }
        };
        FeedbackReader::new(input, &file, options)
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
            Err(HeaderError::TooLong) => return Err(FeedbackError::HeaderTooLong { file }),
            Err(HeaderError::Io(error)) => {
                return Err(FeedbackError::Read {
                    file,
                    line: 1,
                    error,
                });
            }
        };
        if sniff::is_utf16(&header.bytes) {
            return Err(FeedbackError::Utf16 { file });
        }
        if header.line().contains(&0) {
            return Err(FeedbackError::NotText { file });
        }
        if sniff::has_lone_carriage_return(header.line()) {
            return Err(FeedbackError::CarriageReturnLines { file });
        }
        let delimiter = options
            .delimiter
            .unwrap_or_else(|| sniff::detect_delimiter(header.line()));
        let bom_len = header.bom_len as u64;
        let mut ahead = io::Cursor::new(header.bytes);
        ahead.set_position(bom_len);
        let mut records = Records::new(ahead.chain(buffered), delimiter);
        // Counting quotes, as reading the header ahead does, is not parsing:
        // the parser may run the header record on past that, so its read
        // is bounded too.
        match records.read(MAX_HEADER_BYTES, usize::MAX, Long::Stop) {
            Ok(Next::Record) => {}
            Ok(Next::End) => return Err(FeedbackError::Empty { file }),
            Ok(Next::TooLong { .. }) => return Err(FeedbackError::HeaderTooLong { file }),
            Err(error) => {
                return Err(FeedbackError::Read {
                    file,
                    line: 1,
                    error,
                });
            }
        }
        let record = records.record();
        let headers = (0..record.len())
            .map(|index| String::from_utf8_lossy(field(record, index)).into_owned())
            .collect();
        let columns = Columns::find(&file, headers, delimiter, options)?;
        Ok(FeedbackReader {
            records,
            columns,
            file,
            keep_fields: options.keep_fields,
            max_record_bytes: options.max_record_bytes,
            bom_len,
            done: false,
        })
    }

    pub fn columns(&self) -> &Columns {
        &self.columns
    }

    /// Bytes of the file parsed so far, for a progress bar.
    pub fn bytes_read(&self) -> u64 {
        self.records.parsed() + self.bom_len
    }

    /// Reads the next data record into `row`, reusing its strings, which
    /// spares the allocations the iterator makes for every row: `Ok(None)`
    /// at the end of the file, `Some(Ok(()))` when `row` now holds the
    /// record, `Some(Err(_))` when the record was rejected (and `row` holds
    /// nothing of use).
    pub fn read_row(
        &mut self,
        row: &mut Row,
    ) -> Result<Option<Result<(), Rejected>>, FeedbackError> {
        if self.done {
            return Ok(None);
        }
        // Ends are kept for one field more than the header has: enough to
        // read a record, and to know that one with more fields is wrong.
        let fields = self.columns.headers.len() + 1;
        let next = self.records.read(self.max_record_bytes, fields, Long::Skip);
        let line = self.records.record().line();
        match next {
            Ok(Next::Record) => {}
            Ok(Next::TooLong { last_line }) => {
                let reason = too_long(self.max_record_bytes, line, last_line);
                return Ok(Some(Err(Rejected { line, reason })));
            }
            Ok(Next::End) => {
                self.done = true;
                return Ok(None);
            }
            Err(error) => {
                self.done = true;
                let file = self.file.clone();
                return Err(FeedbackError::Read { file, line, error });
            }
        }
        match self.fill(row, line) {
            Ok(()) => Ok(Some(Ok(()))),
            Err(reason) => Ok(Some(Err(Rejected { line, reason }))),
        }
    }

    fn fill(&self, row: &mut Row, line: u64) -> Result<(), String> {
        let record = self.records.record();
        let columns = &self.columns;
        let expected = columns.headers.len();
        if record.len() != expected {
            let found = record.len();
            let last = line + newlines(record);
            return Err(if last > line {
                format!(
                    "expected {expected} fields, found {found} in a record running to line {last}; check for an unclosed quote"
                )
            } else {
                format!("expected {expected} fields, found {found}")
            });
        }
        if self.unclosed() {
            let header = quote(&columns.headers[expected - 1], HEADER_CHARS);
            let last = line + newlines(record);
            return Err(format!(
                "a quote in column {header} is never closed, so the field runs to the end of the file at line {last}"
            ));
        }
        let invalid = |index: usize| invalid_utf8(columns, index);
        // One check of the whole record is much cheaper than one per field.
        let whole = std::str::from_utf8(record.as_slice()).map_err(|err| {
            let bad = err.valid_up_to();
            invalid(
                (0..expected)
                    .find(|&i| record.range(i).is_some_and(|r| r.end > bad))
                    .unwrap_or(0),
            )
        })?;
        // Every field is checked, used or not, so that whether a row is read
        // does not depend on `keep_fields`. The record is valid, so a field
        // is invalid alone only when a character is split between it and the
        // next; looking at the ends of fields is cheaper than at every byte.
        if let Some(split) = (0..expected).find(|&index| {
            record
                .range(index)
                .is_some_and(|range| !whole.is_char_boundary(range.end))
        }) {
            return Err(invalid(split));
        }
        let value = |index: usize| field_str(whole, record, index).ok_or_else(|| invalid(index));
        fill_row(columns, row, line, value)?;
        if self.keep_fields {
            row.fields.resize_with(expected, String::new);
            for (index, kept) in row.fields.iter_mut().enumerate() {
                replace(kept, value(index)?);
            }
        } else {
            row.fields.clear();
        }
        Ok(())
    }

    /// Whether the last field of the record just read opened a quote that
    /// the end of the file cut off. The parser ends a quoted field at the end
    /// of the input without a word; a field that was closed would end in a
    /// quote.
    fn unclosed(&self) -> bool {
        let record = self.records.record();
        record.at_end()
            && self.records.last_content() != Some(b'"')
            && record
                .len()
                .checked_sub(1)
                .and_then(|last| record.get(last))
                .is_some_and(|f| f.contains(&b'\n'))
    }
}

impl<R: Read> Iterator for FeedbackReader<R> {
    type Item = Result<Record, FeedbackError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut row = Row::default();
        match self.read_row(&mut row) {
            Ok(Some(Ok(()))) => Some(Ok(Record::Row(row))),
            Ok(Some(Err(rejected))) => Some(Ok(Record::Rejected(rejected))),
            Ok(None) => None,
            Err(err) => Some(Err(err)),
        }
    }
}

impl<R: Read> FusedIterator for FeedbackReader<R> {}

/// Fills `row` (but its `fields`) from the values of a record's fields, as
/// the reader reads a CSV record: trimmed, an empty value no value, and a
/// score that is no number from 0 to 10 a reason to reject the row, which
/// is what `Err` holds. For rows read elsewhere (an Arrow batch), with the
/// same results as from a CSV of the same values.
#[inline]
pub fn fill_row<'a>(
    columns: &Columns,
    row: &mut Row,
    line: u64,
    value: impl Fn(usize) -> Result<&'a str, String>,
) -> Result<(), String> {
    row.line = line;
    replace(&mut row.text, trim(value(columns.text)?));
    row.score = match columns.score {
        Some(index) => parse_score(value(index)?)?,
        None => None,
    };
    for (slot, index) in [
        (&mut row.persona, columns.persona),
        (&mut row.touchpoint, columns.touchpoint),
        (&mut row.channel, columns.channel),
        (&mut row.date, columns.date),
    ] {
        match index {
            Some(index) => replace_optional(slot, trim(value(index)?)),
            None => *slot = None,
        }
    }
    Ok(())
}

/// Why a record whose field `index` is no UTF-8 is rejected. Cold: kept out
/// of reading each field of each record, which it made a call.
#[cold]
fn invalid_utf8(columns: &Columns, index: usize) -> String {
    let header = quote(&columns.headers[index], HEADER_CHARS);
    format!("invalid UTF-8 in column {header}")
}

/// A field of a record, without the `\r` of a `\r\n` line ending.
fn field(record: &Fields, index: usize) -> &[u8] {
    let raw = record.get(index).unwrap_or_default();
    match raw.strip_suffix(b"\r") {
        Some(stripped) if index + 1 == record.len() => stripped,
        _ => raw,
    }
}

/// A field of a record that `whole` holds, as [`field`] does.
#[inline]
fn field_str<'a>(whole: &'a str, record: &Fields, index: usize) -> Option<&'a str> {
    let value = whole.get(record.range(index)?)?;
    Some(match value.strip_suffix('\r') {
        Some(stripped) if index + 1 == record.len() => stripped,
        _ => value,
    })
}

/// The newlines inside a record, but for those ending its last field: an
/// unclosed quote swallows the lines after it, and reasons say how far.
fn newlines(record: &Fields) -> u64 {
    let content = record.as_slice();
    let end = content
        .iter()
        .rposition(|&b| b != b'\r' && b != b'\n')
        .map_or(0, |i| i + 1);
    content[..end].iter().filter(|&&b| b == b'\n').count() as u64
}

/// Why a record longer than `limit` is rejected: it started on `line` and
/// ended on `last_line`.
fn too_long(limit: usize, line: u64, last_line: u64) -> String {
    let limit = size(limit as u64);
    if last_line > line {
        format!(
            "record running to line {last_line} is longer than {limit}; check for an unclosed quote, or raise the limit with --max-record-bytes"
        )
    } else {
        format!("record is longer than {limit}; raise the limit with --max-record-bytes to read it")
    }
}

/// Characters of a score that a reason quotes.
const SCORE_CHARS: usize = 30;

/// A score is a number from 0 to 10, or empty. A decimal comma is accepted
/// because files from European spreadsheets write `8,5`.
fn parse_score(value: &str) -> Result<Option<f64>, String> {
    // Most scores are one or two digits, quicker seen than parsed.
    match value.as_bytes() {
        [digit @ b'0'..=b'9'] => return Ok(Some(f64::from(digit - b'0'))),
        b"10" => return Ok(Some(10.0)),
        _ => {}
    }
    let value = trim(value);
    if value.is_empty() {
        return Ok(None);
    }
    // Most scores are whole numbers, which parse much faster as integers.
    if let Ok(score) = value.parse::<u8>()
        && score <= 10
    {
        return Ok(Some(f64::from(score)));
    }
    let parsed = value.parse::<f64>().ok().or_else(|| {
        let (whole, fraction) = value.split_once(',')?;
        format!("{whole}.{fraction}").parse().ok()
    });
    // A misplaced column can put a whole comment where the score belongs;
    // the reason quotes only its start.
    let quoted = || quote(value, SCORE_CHARS);
    match parsed {
        Some(score) if (0.0..=10.0).contains(&score) => Ok(Some(score)),
        // `1e309` parses as infinity, as `inf` does: numbers, if too large.
        Some(score) if !score.is_nan() => Err(format!("score {} is outside 0 to 10", quoted())),
        _ => Err(format!("score {} is not a number", quoted())),
    }
}

/// `str::trim` decodes characters at both ends; most fields begin and end in
/// ASCII, where looking at bytes is enough, and most not even in white space.
#[inline]
fn trim(value: &str) -> &str {
    let visible = |b: Option<&u8>| matches!(b, Some(b'!'..=b'~'));
    if visible(value.as_bytes().first()) && visible(value.as_bytes().last()) {
        return value;
    }
    let value = value.trim_ascii();
    match (value.as_bytes().first(), value.as_bytes().last()) {
        (Some(first), Some(last)) if !first.is_ascii() || !last.is_ascii() => value.trim(),
        _ => value,
    }
}

#[inline]
fn replace(kept: &mut String, value: &str) {
    kept.clear();
    kept.push_str(value);
}

/// An empty field is no value.
#[inline]
fn replace_optional(kept: &mut Option<String>, value: &str) {
    match kept {
        _ if value.is_empty() => *kept = None,
        Some(kept) => replace(kept, value),
        None => *kept = Some(value.to_owned()),
    }
}
