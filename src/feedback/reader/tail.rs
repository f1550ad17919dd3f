//! How the input ends, which the CSV parser does not tell: whether the last
//! record was ended by a newline or by the end of the file, and whether its
//! last field closed its quote.

use std::io::{self, Read};

pub(super) struct Tail<R> {
    inner: R,
    /// Bytes read so far.
    total: u64,
    last: Option<u8>,
    /// The last byte read that is not a line break.
    last_content: Option<u8>,
    at_end: bool,
}

impl<R> Tail<R> {
    pub fn new(inner: R) -> Tail<R> {
        Tail {
            inner,
            total: 0,
            last: None,
            last_content: None,
            at_end: false,
        }
    }

    /// Whether a parser now at byte `parsed` has used every byte read so far,
    /// so that its last byte is [`Tail::last`].
    pub fn used_up(&self, parsed: u64) -> bool {
        parsed == self.total
    }

    pub fn last(&self) -> Option<u8> {
        self.last
    }

    pub fn last_content(&self) -> Option<u8> {
        self.last_content
    }

    /// Whether the input has reported its end.
    pub fn at_end(&self) -> bool {
        self.at_end
    }
}

impl<R: Read> Read for Tail<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let read = &buf[..n];
        if n == 0 && !buf.is_empty() {
            self.at_end = true;
        }
        self.total += n as u64;
        if let Some(&b) = read.last() {
            self.last = Some(b);
        }
        if let Some(&b) = read.iter().rev().find(|&&b| b != b'\r' && b != b'\n') {
            self.last_content = Some(b);
        }
        Ok(n)
    }
}
