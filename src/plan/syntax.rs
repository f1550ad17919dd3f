//! TOML syntax errors as a person should read them, for plans and for
//! `planlint.toml` alike.
//!
//! The parser's messages are exact but terse, and it keeps going after an
//! error, so one slip can be reported many times over: a file whose lines
//! end in a lone carriage return gets an error per line, and a table header
//! without its `]` leaves the parser unsure which table the next lines
//! belong to, so every key after it may look like a duplicate. Here each
//! such slip becomes one error, on the line where it is, with what to do.
//! Imports only the TOML crates, `source` and the plan's `Span`.

use super::Span;
use crate::source::excerpt;

/// A syntax error to show. `help` is `None` where the caller's own advice
/// for its kind of file fits better than anything said here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

// The parser's messages this module recognises; `toml` does not give its
// errors a kind.
const LONE_CR: &str = "carriage return must be followed by newline";
const UNCLOSED_TABLE: &str = "unclosed table";
const UNCLOSED_ARRAY_TABLE: &str = "unclosed array table";
const DUPLICATE_KEY: &str = "duplicate key";
const CANNOT_EXTEND: &str = "cannot extend value of type";
const DEEP_KEY: &str = "recursion limit";
const DEEP_VALUE: &str = "cannot recurse further";

/// Rewrites the parser's errors for `text`, in the order of the file: the
/// first `limit` of them, and how many more there are.
pub fn explain(text: &str, errors: &[toml::de::Error], limit: usize) -> (Vec<SyntaxError>, usize) {
    // Found once, when first needed: it takes a pass over the whole file,
    // and a file can give the error a thousand times.
    let deepest = std::cell::OnceCell::new();
    let deepest = || deepest.get_or_init(|| deep_key(text)).clone();
    let mut raw: Vec<(Span, &str)> = errors
        .iter()
        .map(|e| {
            let message = e.message().trim_end();
            let span = match e.span() {
                Some(span) => span,
                None if message.starts_with(DEEP_KEY) => deepest().0,
                None => 0..0,
            };
            (span, message)
        })
        .collect();
    raw.sort_by_key(|(span, _)| (span.start, span.end));
    raw.dedup();

    let lone_cr: Vec<&Span> = raw
        .iter()
        .filter(|(_, m)| m.starts_with(LONE_CR))
        .map(|(s, _)| s)
        .collect();
    if let Some(first) = lone_cr.first() {
        // Line ends come first: until they are fixed, the parser reads the
        // file as fewer lines than an editor shows, and its other errors
        // point at places the user cannot find.
        return (vec![lone_carriage_returns(first, lone_cr.len())], 0);
    }

    let header = raw
        .iter()
        .find(|(_, m)| is_unclosed_header(m))
        .map(|(span, _)| line_of(text, span.start));
    enum Kept<'a> {
        /// The one error of the unclosed header on this line.
        Header(Span),
        Error(&'a Span, &'a str),
    }
    let mut header_told = false;
    let mut kept = Vec::new();
    for (span, message) in &raw {
        if let Some(line) = &header {
            // The header gets one error for its line, and what the parser
            // made of the lines after it is a guess.
            if (line.start..=line.end).contains(&span.start) {
                if !header_told {
                    kept.push(Kept::Header(line.clone()));
                    header_told = true;
                }
                continue;
            }
            let guessed = message.starts_with(DUPLICATE_KEY) || message.starts_with(CANNOT_EXTEND);
            if span.start > line.end && guessed {
                continue;
            }
        }
        kept.push(Kept::Error(span, message));
    }
    let more = kept.len().saturating_sub(limit);
    let explained = kept
        .into_iter()
        .take(limit)
        .map(|error| match error {
            Kept::Header(line) => unclosed_header(text, &line),
            Kept::Error(span, message) => explain_one(text, span, message, &deepest),
        })
        .collect();
    (explained, more)
}

fn is_unclosed_header(message: &str) -> bool {
    message.starts_with(UNCLOSED_TABLE) || message.starts_with(UNCLOSED_ARRAY_TABLE)
}

fn explain_one(
    text: &str,
    span: &Span,
    message: &str,
    deepest: &dyn Fn() -> (Span, usize),
) -> SyntaxError {
    if is_unclosed_header(message) {
        return unclosed_header(text, &line_of(text, span.start));
    }
    if message.starts_with(DUPLICATE_KEY) {
        return duplicate_key(text, span);
    }
    if message.starts_with(DEEP_KEY) {
        let (span, parts) = deepest();
        let key = excerpt(text.get(span.clone()).unwrap_or_default()).into_owned();
        return SyntaxError {
            span,
            message: format!("key `{key}` has {parts} parts, too many to read"),
            help: Some(
                "keys of the format have at most three parts, such as allow.TX001.reason; \
                 shorten or remove this one"
                    .to_owned(),
            ),
        };
    }
    if message.starts_with(DEEP_VALUE) {
        return SyntaxError {
            span: span.clone(),
            message: "values are nested too deeply here: lists or inline tables inside each other"
                .to_owned(),
            help: Some(
                "no value of the format nests more than two levels; remove the extra brackets"
                    .to_owned(),
            ),
        };
    }
    SyntaxError {
        span: span.clone(),
        message: format!("not valid TOML: {message}"),
        help: None,
    }
}

fn lone_carriage_returns(first: &Span, count: usize) -> SyntaxError {
    let message = if count == 1 {
        "a carriage return (CR) here is not followed by a newline; TOML ends lines with LF or CR LF"
            .to_owned()
    } else {
        format!(
            "{count} lines end in a carriage return (CR) alone, as on classic Mac OS; \
             TOML ends lines with LF or CR LF"
        )
    };
    SyntaxError {
        span: first.clone(),
        message,
        help: Some(
            "save the file with LF (Unix) or CR LF (Windows) line endings; \
             most editors offer them in the status bar or under \"line endings\""
                .to_owned(),
        ),
    }
}

/// The header on `line`: its text from the `[` to the end of the line.
fn unclosed_header(text: &str, line: &Span) -> SyntaxError {
    let written = text[line.clone()].trim_end();
    let start = line.start + (written.len() - written.trim_start().len());
    let header = written.trim_start();
    let array = header.starts_with("[[");
    let (open, close) = if array { ("[[", "]]") } else { ("[", "]") };
    let name = header
        .trim_start_matches('[')
        .split('#')
        .next()
        .unwrap_or_default()
        .trim()
        .trim_end_matches(']')
        .trim();
    let bare = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    let help = if bare {
        format!("close it on the same line: {open}{name}{close}")
    } else {
        format!("close the header with `{close}` on the same line")
    };
    SyntaxError {
        span: start..line.start + written.len(),
        message: format!(
            "the table header `{}` has no closing `{close}`",
            excerpt(header)
        ),
        help: Some(help),
    }
}

fn duplicate_key(text: &str, span: &Span) -> SyntaxError {
    let key = excerpt(text.get(span.clone()).unwrap_or_default());
    let line = &text[line_of(text, span.start)];
    let (message, help) = if line.trim_start().starts_with('[') {
        (
            format!("table `{}` is defined twice", excerpt(line.trim())),
            "a table is defined once: move the keys under this header into the first one"
                .to_owned(),
        )
    } else {
        (
            format!("key `{key}` is given twice in the same table"),
            format!(
                "a key can be given once per table: keep one `{key}` and delete the other \
                 (if a new item starts here, it needs its own [[...]] header)"
            ),
        )
    };
    SyntaxError {
        span: span.clone(),
        message,
        help: Some(help),
    }
}

/// The parser refuses a dotted key with too many parts without saying where
/// it is: it is the dotted key of the file with the most parts, the first of
/// them on a tie. Its span and number of parts.
fn deep_key(text: &str) -> (Span, usize) {
    struct Run {
        span: Span,
        dots: usize,
        wants_key: bool,
    }
    let mut deepest = (0..0, 0);
    let mut keep = |run: Option<Run>| {
        if let Some(run) = run.filter(|r| r.dots + 1 > deepest.1.max(1)) {
            deepest = (run.span, run.dots + 1);
        }
    };
    let mut run: Option<Run> = None;
    for (kind, span) in KeyTokens::new(text) {
        match kind {
            KeyToken::Space => {}
            KeyToken::Key => match run.as_mut().filter(|r| r.wants_key) {
                Some(r) => {
                    r.span.end = span.end;
                    r.wants_key = false;
                }
                None => {
                    keep(run.take());
                    run = Some(Run {
                        span,
                        dots: 0,
                        wants_key: false,
                    });
                }
            },
            KeyToken::Dot if run.as_ref().is_some_and(|r| !r.wants_key) => {
                if let Some(r) = run.as_mut() {
                    r.dots += 1;
                    r.wants_key = true;
                }
            }
            _ => keep(run.take()),
        }
    }
    keep(run);
    deepest
}

/// What [`deep_key`] tells apart in a file: the parts of dotted keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyToken {
    Space,
    /// A bare word or a quoted string: a part of a key, or a value.
    Key,
    Dot,
    /// Anything else, which ends a dotted key.
    Other,
}

/// Just enough of a TOML lexer to find dotted keys; the parser's own is not
/// called, because using it here too makes the compiler stop inlining it
/// into the parser, which costs every plan 1% more time.
struct KeyTokens<'a> {
    text: &'a [u8],
    at: usize,
}

impl<'a> KeyTokens<'a> {
    fn new(text: &'a str) -> Self {
        KeyTokens {
            text: text.as_bytes(),
            at: 0,
        }
    }

    /// Where the string starting at `self.at` with `quote` ends.
    fn string_end(&self, quote: u8) -> usize {
        let text = self.text;
        let triple = [quote; 3];
        if text[self.at..].starts_with(&triple) {
            let body = self.at + 3;
            return text[body..]
                .windows(3)
                .position(|w| w == triple)
                .map_or(text.len(), |i| body + i + 3);
        }
        let mut i = self.at + 1;
        while i < text.len() && text[i] != quote && text[i] != b'\n' {
            i += if quote == b'"' && text[i] == b'\\' {
                2
            } else {
                1
            };
        }
        (i + 1).min(text.len())
    }
}

impl Iterator for KeyTokens<'_> {
    type Item = (KeyToken, Span);

    fn next(&mut self) -> Option<Self::Item> {
        let text = self.text;
        let start = self.at;
        let first = *text.get(start)?;
        let (kind, end) = match first {
            b' ' | b'\t' => (KeyToken::Space, start + 1),
            b'.' => (KeyToken::Dot, start + 1),
            b'"' | b'\'' => (KeyToken::Key, self.string_end(first)),
            b'#' => {
                let end = text[start..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(text.len(), |i| start + i);
                (KeyToken::Other, end)
            }
            b if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' => {
                let end = text[start..]
                    .iter()
                    .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
                    .map_or(text.len(), |i| start + i);
                (KeyToken::Key, end)
            }
            _ => (KeyToken::Other, start + 1),
        };
        self.at = end.max(start + 1);
        Some((kind, start..self.at))
    }
}

/// The byte range of the line that holds `offset`, without its line end.
fn line_of(text: &str, offset: usize) -> Span {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    start..end
}
