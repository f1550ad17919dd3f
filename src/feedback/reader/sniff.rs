//! The header line, read ahead of the CSV parser to choose the delimiter.

use std::io::{self, BufRead, Read};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The most bytes read looking for the end of the header record: past it,
/// the input has no header a person wrote (a binary file, a stream with no
/// line break, a stray quote), and reading on would only fill memory.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;

/// The bytes read ahead: any blank lines, then the header record. They are
/// handed to the CSV parser before the rest of the input, so the parser sees
/// every line and its line numbers match the file.
pub(super) struct Header {
    pub bytes: Vec<u8>,
    /// Where the header record starts in `bytes`.
    pub start: usize,
    /// 3 when the file starts with a UTF-8 byte order mark, which `bytes`
    /// still holds and the parser must skip.
    pub bom_len: usize,
}

impl Header {
    pub fn line(&self) -> &[u8] {
        &self.bytes[self.start..]
    }
}

#[derive(Debug)]
pub(super) enum HeaderError {
    /// No header record ends in the first [`MAX_HEADER_BYTES`].
    TooLong,
    Io(io::Error),
}

impl From<io::Error> for HeaderError {
    fn from(error: io::Error) -> Self {
        HeaderError::Io(error)
    }
}

/// Reads up to the end of the header record: past blank lines (the parser
/// skips them too), and past newlines inside quotes.
pub(super) fn read_header(reader: &mut impl BufRead) -> Result<Header, HeaderError> {
    let mut header = Header {
        bytes: Vec::new(),
        start: 0,
        bom_len: 0,
    };
    loop {
        let line_start = header.bytes.len();
        let room = MAX_HEADER_BYTES.saturating_sub(line_start);
        if room == 0 {
            return Err(HeaderError::TooLong);
        }
        let read = (&mut *reader)
            .take(room as u64)
            .read_until(b'\n', &mut header.bytes)?;
        if read == room && header.bytes.last() != Some(&b'\n') {
            return Err(HeaderError::TooLong);
        }
        if read == 0 {
            break;
        }
        if line_start == 0 && header.bytes.starts_with(BOM) {
            header.bom_len = BOM.len();
            header.start = BOM.len();
        }
        let line = &header.bytes[header.start..];
        if line.iter().all(|&b| b == b'\r' || b == b'\n') {
            header.start = header.bytes.len();
            continue;
        }
        let quotes = line.iter().filter(|&&b| b == b'"').count();
        if quotes % 2 == 0 {
            break;
        }
    }
    Ok(header)
}

/// The candidate (comma, semicolon or tab) seen most often outside quotes;
/// a tie goes to the comma, then the semicolon.
pub(super) fn detect_delimiter(line: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for &b in line {
        match b {
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => counts[0] += 1,
            b';' if !in_quotes => counts[1] += 1,
            b'\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let mut best = (b',', counts[0]);
    for (delimiter, count) in [(b';', counts[1]), (b'\t', counts[2])] {
        if count > best.1 {
            best = (delimiter, count);
        }
    }
    best.0
}

/// Whether the input starts with a UTF-16 byte order mark: read as UTF-8 it
/// would give headers full of NUL bytes and a baffling "no text column".
pub(super) fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

/// Whether the header line has a `\r` that is not followed by `\n` outside
/// quotes: lines then end in `\r` alone, and the parser, which ends records
/// at `\n`, would read the whole file as the header.
pub(super) fn has_lone_carriage_return(line: &[u8]) -> bool {
    let mut in_quotes = false;
    for (index, &b) in line.iter().enumerate() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\r' if !in_quotes && line.get(index + 1).is_some_and(|&next| next != b'\n') => {
                return true;
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(mut input: &[u8]) -> Header {
        match read_header(&mut input) {
            Ok(header) => header,
            Err(err) => panic!("unexpected {err:?}"),
        }
    }

    fn header(input: &str) -> (String, String) {
        let header = read(input.as_bytes());
        let all = String::from_utf8(header.bytes.clone()).expect("test input is UTF-8");
        let line = String::from_utf8(header.line().to_vec()).expect("test input is UTF-8");
        (all, line)
    }

    #[test]
    fn reads_one_line_and_leaves_the_rest() {
        let mut reader = "a,b\n1,2\n".as_bytes();
        let header = read_header(&mut reader);
        assert!(matches!(header, Ok(Header { ref bytes, .. }) if bytes == b"a,b\n"));
        assert_eq!(reader, b"1,2\n");
    }

    #[test]
    fn reads_past_newlines_inside_quotes() {
        let (all, line) = header("\"first\nname\";b\n1;2\n");
        assert_eq!(all, "\"first\nname\";b\n");
        assert_eq!(line, all);
    }

    #[test]
    fn skips_blank_lines_but_keeps_them_for_the_parser() {
        let (all, line) = header("\r\n\na;b\n1;2\n");
        assert_eq!(all, "\r\n\na;b\n");
        assert_eq!(line, "a;b\n");
    }

    #[test]
    fn notes_a_byte_order_mark() {
        let header = read("\u{feff}a;b\n".as_bytes());
        assert_eq!(header.bom_len, 3);
        assert_eq!(header.line(), b"a;b\n");
    }

    #[test]
    fn empty_input_gives_no_header() {
        let (all, line) = header("");
        assert_eq!((all.as_str(), line.as_str()), ("", ""));
    }

    #[test]
    fn a_header_ends_within_the_limit() {
        let mut fits = vec![b'a'; MAX_HEADER_BYTES - 1];
        fits.push(b'\n');
        fits.extend_from_slice(b"more\n");
        assert_eq!(read(&fits).bytes.len(), MAX_HEADER_BYTES);
        let no_break = vec![b'a'; MAX_HEADER_BYTES * 4];
        assert!(matches!(
            read_header(&mut no_break.as_slice()),
            Err(HeaderError::TooLong)
        ));
        let stray_quote = format!("\"a,b\n{}", "1,2\n".repeat(MAX_HEADER_BYTES));
        assert!(matches!(
            read_header(&mut stray_quote.as_bytes()),
            Err(HeaderError::TooLong)
        ));
        let blank_lines = "\n".repeat(MAX_HEADER_BYTES);
        assert!(matches!(
            read_header(&mut blank_lines.as_bytes()),
            Err(HeaderError::TooLong)
        ));
    }

    #[test]
    fn counts_delimiters_outside_quotes() {
        assert_eq!(detect_delimiter(b"a,b,c\n"), b',');
        assert_eq!(detect_delimiter(b"a;b;c\n"), b';');
        assert_eq!(detect_delimiter(b"a\tb\tc\r\n"), b'\t');
        assert_eq!(detect_delimiter(b"\"a,b,c\";d\n"), b';');
        assert_eq!(detect_delimiter(b"id;comment, if any;score\n"), b';');
    }

    #[test]
    fn finds_lines_ended_by_a_carriage_return_alone() {
        assert!(has_lone_carriage_return(b"comment,score\rfine,9\r"));
        assert!(!has_lone_carriage_return(b"comment,score\r\n"));
        assert!(!has_lone_carriage_return(b"comment,score\r"));
        assert!(!has_lone_carriage_return(b"\"a\rb\",score\n"));
    }

    #[test]
    fn ties_go_to_the_comma() {
        assert_eq!(detect_delimiter(b"a,b;c\n"), b',');
        assert_eq!(detect_delimiter(b"comment\n"), b',');
        assert_eq!(detect_delimiter(b"a;b\tc\n"), b';');
    }
}
