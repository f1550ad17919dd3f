//! How the input ends, which the CSV parser does not tell: its last byte, and
//! whether the last field of a record that the end of the file cut off had
//! closed its quote.

use std::io::{self, Read};

pub(super) struct Tail<R> {
    inner: R,
    last: Option<u8>,
    /// The last byte read that is not a line break.
    last_content: Option<u8>,
}

impl<R> Tail<R> {
    pub fn new(inner: R) -> Tail<R> {
        Tail {
            inner,
            last: None,
            last_content: None,
        }
    }

    pub fn last(&self) -> Option<u8> {
        self.last
    }

    pub fn last_content(&self) -> Option<u8> {
        self.last_content
    }
}

impl<R: Read> Read for Tail<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(&b) = buf[..n].last() {
            self.last = Some(b);
        }
        if let Some(&b) = buf[..n].iter().rev().find(|&&b| b != b'\r' && b != b'\n') {
            self.last_content = Some(b);
        }
        Ok(n)
    }
}
