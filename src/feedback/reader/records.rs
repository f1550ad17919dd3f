//! The records of a CSV file, each parsed into one reused buffer of bounded
//! size.
//!
//! The csv crate's reader grows its record to whatever a record holds, so
//! one 50 MB field costs hundreds of MB. This is the same loop over its
//! parser, csv-core, with limits: the buffer stops growing at the record
//! limit, and a longer record is read on to its end without being kept, so
//! that reading goes on at the next record and memory stays flat whatever
//! the file holds.

use std::io::{self, BufRead, BufReader, Read};
use std::ops::Range;

use csv_core::ReadRecordResult;

use super::tail::Tail;

/// The input buffer; larger than the header reader's 8 KiB `BufReader`, so
/// that once the header is read, the parser reads straight from the file.
const BUFFER_BYTES: usize = 64 * 1024;

/// The size a buffer first grows to, in bytes or field ends.
const MIN_GROWTH: usize = 64;

/// What to do with a record longer than the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Long {
    /// Stop at once, leaving the input in the middle of the record: for the
    /// header, after which nothing more is read.
    Stop,
    /// Read on to the end of the record, keeping none of it.
    Skip,
}

/// What [`Records::read`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Next {
    /// [`Records::record`] holds the record.
    Record,
    /// A record longer than the limit, which started on [`Fields::line`];
    /// with [`Long::Skip`], `last_line` is the line it ends on.
    TooLong {
        last_line: u64,
    },
    End,
}

pub(super) struct Records<R> {
    parser: csv_core::Reader,
    input: BufReader<Tail<R>>,
    record: Fields,
    /// Bytes parsed so far.
    parsed: u64,
}

/// A record as parsed: its fields' bytes one after another, and where each
/// field ends.
#[derive(Debug, Default)]
pub(super) struct Fields {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    /// How much of `bytes` the record fills.
    used: usize,
    /// The fields whose ends are in `ends`.
    stored: usize,
    /// The fields of the record. More than `stored` when the record had more
    /// fields than the reader keeps ends for: such a record is rejected for
    /// its number of fields, and only that number is needed.
    len: usize,
    line: u64,
    at_end: bool,
}

impl<R: Read> Records<R> {
    /// Records end at `\n` only, with any `\r` left on the last field: then
    /// every record but the file's last is known to end in a newline, which
    /// line numbers depend on.
    pub fn new(input: R, delimiter: u8) -> Records<R> {
        let parser = csv_core::ReaderBuilder::new()
            .delimiter(delimiter)
            .terminator(csv_core::Terminator::Any(b'\n'))
            .build();
        Records {
            parser,
            input: BufReader::with_capacity(BUFFER_BYTES, Tail::new(input)),
            record: Fields::default(),
            parsed: 0,
        }
    }

    /// The record last read.
    pub fn record(&self) -> &Fields {
        &self.record
    }

    /// Bytes of the input parsed so far.
    pub fn parsed(&self) -> u64 {
        self.parsed
    }

    /// The last byte of the input that is not a line break.
    pub fn last_content(&self) -> Option<u8> {
        self.input.get_ref().last_content()
    }

    /// Reads the next record that is not a blank line. A record may take up
    /// to `limit` bytes of the file, not counting the newline that ends it;
    /// the ends of at most `max_fields` fields are kept.
    pub fn read(&mut self, limit: usize, max_fields: usize, long: Long) -> io::Result<Next> {
        loop {
            let next = self.read_one(limit, max_fields, long)?;
            // A blank line ended by `\r\n` is a record of one `\r`: the
            // parser skips blank lines only when they end in `\n` alone.
            if next != Next::Record || self.record.len != 1 || self.record.as_slice() != b"\r" {
                return Ok(next);
            }
        }
    }

    fn read_one(&mut self, limit: usize, max_fields: usize, long: Long) -> io::Result<Next> {
        let Records {
            parser,
            input,
            record,
            parsed,
        } = self;
        record.line = parser.line();
        let mut start = *parsed;
        let (mut used, mut stored, mut dropped) = (0, 0, 0);
        loop {
            let buffered = input.fill_buf()?;
            // Blank lines are skipped here, not by the parser, so that the
            // line the record starts on is known.
            if *parsed == start && buffered.first() == Some(&b'\n') {
                let blank = buffered.iter().take_while(|&&b| b == b'\n').count();
                input.consume(blank);
                *parsed += blank as u64;
                start = *parsed;
                parser.set_line(parser.line() + blank as u64);
                record.line = parser.line();
                continue;
            }
            let at_end = buffered.is_empty();
            let (result, read, written, ended) = parser.read_record(
                buffered,
                &mut record.bytes[used..],
                &mut record.ends[stored..],
            );
            input.consume(read);
            *parsed += read as u64;
            used += written;
            stored += ended;
            match result {
                ReadRecordResult::Record => {
                    record.at_end = at_end;
                    break;
                }
                ReadRecordResult::End => return Ok(Next::End),
                ReadRecordResult::InputEmpty => {}
                // A record whose fields fill more than `limit` bytes takes
                // more than `limit` bytes of the file: it will be rejected,
                // so its bytes are dropped as they come.
                ReadRecordResult::OutputFull if record.bytes.len() > limit => used = 0,
                ReadRecordResult::OutputFull => grow(&mut record.bytes, limit.saturating_add(1)),
                ReadRecordResult::OutputEndsFull if record.ends.len() >= max_fields => {
                    dropped += stored;
                    stored = 0;
                }
                ReadRecordResult::OutputEndsFull => grow(&mut record.ends, max_fields),
            }
            if long == Long::Stop && *parsed - start > limit as u64 {
                return Ok(Next::TooLong {
                    last_line: parser.line(),
                });
            }
        }
        record.used = used;
        record.stored = stored;
        record.len = dropped + stored;
        let size = *parsed - start - u64::from(!record.at_end);
        if size > limit as u64 {
            // The newline that ends a record is counted in the parser's
            // line, and so is one at the very end of the file.
            let ended_by_newline = !record.at_end || input.get_ref().last() == Some(b'\n');
            return Ok(Next::TooLong {
                last_line: parser.line() - u64::from(ended_by_newline),
            });
        }
        Ok(Next::Record)
    }
}

fn grow<T: Default + Clone>(buffer: &mut Vec<T>, most: usize) {
    let len = (buffer.len() * 2).max(MIN_GROWTH).min(most);
    buffer.resize(len, T::default());
}

impl Fields {
    pub fn len(&self) -> usize {
        self.len
    }

    /// Every field's bytes, one after another.
    pub fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.used]
    }

    /// Where field `index` is in [`Fields::as_slice`].
    #[inline]
    pub fn range(&self, index: usize) -> Option<Range<usize>> {
        let ends = &self.ends[..self.stored];
        let end = *ends.get(index)?;
        let start = index.checked_sub(1).map_or(0, |before| ends[before]);
        Some(start..end)
    }

    pub fn get(&self, index: usize) -> Option<&[u8]> {
        self.bytes.get(self.range(index)?)
    }

    /// The line the record starts on.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Whether the end of the input, not a newline, ended the record.
    pub fn at_end(&self) -> bool {
        self.at_end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &str) -> Records<&[u8]> {
        Records::new(input.as_bytes(), b',')
    }

    #[test]
    fn a_long_record_is_skipped_and_reading_goes_on() {
        let mut records = records("a,b\n\"x\ny\",zzzzzzzz\nc,d\n");
        assert_eq!(records.read(3, 8, Long::Skip).ok(), Some(Next::Record));
        assert_eq!(
            records.read(3, 8, Long::Skip).ok(),
            Some(Next::TooLong { last_line: 3 })
        );
        assert_eq!(records.record().line(), 2);
        assert_eq!(records.read(3, 8, Long::Skip).ok(), Some(Next::Record));
        assert_eq!(records.record().get(1), Some(&b"d"[..]));
        assert_eq!(records.record().line(), 4);
        assert_eq!(records.read(3, 8, Long::Skip).ok(), Some(Next::End));
    }

    #[test]
    fn the_limit_does_not_count_the_newline() {
        for (input, expected) in [
            ("abcd\n", Next::Record),
            ("abcd", Next::Record),
            ("abcde\n", Next::TooLong { last_line: 1 }),
            ("abcde", Next::TooLong { last_line: 1 }),
        ] {
            let mut records = records(input);
            assert_eq!(
                records.read(4, 8, Long::Skip).ok(),
                Some(expected),
                "{input:?}"
            );
        }
    }

    #[test]
    fn the_buffer_stops_growing_at_the_limit() {
        let long = format!("{}\nshort\n", "x".repeat(100_000));
        let mut records = records(&long);
        let next = records.read(1000, 8, Long::Skip).ok();
        assert_eq!(next, Some(Next::TooLong { last_line: 1 }));
        assert!(records.record.bytes.len() <= 1001);
        assert_eq!(records.read(1000, 8, Long::Skip).ok(), Some(Next::Record));
        assert_eq!(records.record().as_slice(), b"short");
    }

    #[test]
    fn stopping_leaves_the_rest_unread() {
        let long = "x".repeat(BUFFER_BYTES * 4);
        let mut records = records(&long);
        let next = records.read(1000, 8, Long::Stop).ok();
        assert!(matches!(next, Some(Next::TooLong { .. })));
        assert!(records.parsed() <= (BUFFER_BYTES + 1000) as u64);
    }

    #[test]
    fn fields_past_the_kept_ends_are_counted() {
        let mut records = records("1,2,3,4,5,6,7,8,9,10\nlast\n");
        assert_eq!(records.read(100, 3, Long::Skip).ok(), Some(Next::Record));
        assert_eq!(records.record().len(), 10);
        assert!(records.record.ends.len() <= 3);
        assert_eq!(records.record().as_slice(), b"12345678910");
        assert_eq!(records.read(100, 3, Long::Skip).ok(), Some(Next::Record));
        assert_eq!(records.record().get(0), Some(&b"last"[..]));
    }

    #[test]
    fn blank_lines_are_skipped_with_their_line_numbers() {
        let mut records = records("\n\r\n\na\r\n\r\n\nb");
        assert_eq!(records.read(100, 8, Long::Skip).ok(), Some(Next::Record));
        assert_eq!(
            (records.record().line(), records.record().at_end()),
            (4, false)
        );
        assert_eq!(records.read(100, 8, Long::Skip).ok(), Some(Next::Record));
        assert_eq!(
            (records.record().line(), records.record().at_end()),
            (7, true)
        );
        assert_eq!(records.read(100, 8, Long::Skip).ok(), Some(Next::End));
    }
}
