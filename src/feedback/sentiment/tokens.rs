//! Splits a comment into what the scorer weighs: words, numbers, emoticons
//! and emoji, each with the clause and sentence it stands in.
//!
//! Words are lower-cased into one buffer that the caller reuses, so that
//! scoring a comment allocates nothing once the buffers have grown.

use rustc_hash::FxHashMap;

/// Emoticons (`:)`, `<3`) and emoji with their valence.
#[derive(Debug, Default)]
pub(super) struct Symbols {
    /// Lower-cased emoticons; matched against a whole whitespace-separated chunk.
    pub emoticons: FxHashMap<Box<str>, f32>,
    pub emoji: FxHashMap<char, f32>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Word,
    /// Digits, with `.` `,` `/` `:` between them ("6.50", "10/10", "7:30").
    Number,
    /// An emoticon or emoji, with its valence.
    Symbol(f32),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    /// Byte range of the lower-cased word in the scratch buffer.
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// Written in capitals ("AMAZING"), which VADER reads as emphasis.
    pub caps: bool,
    pub clause: u32,
    pub sentence: u32,
    /// The sentence ends with `?`.
    pub question: bool,
}

/// What the scorer needs to know about the text as a whole.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Shape {
    pub exclamations: u32,
    pub questions: u32,
    /// Some words are in capitals and some are not, so capitals stand out.
    pub caps_differ: bool,
}

/// A word being read: where it starts in the buffer and what its letters are like.
#[derive(Default)]
struct Word {
    start: usize,
    upper: u32,
    lower: u32,
    digits_only: bool,
}

struct Reader<'a> {
    lower: &'a mut String,
    tokens: &'a mut Vec<Token>,
    word: Option<Word>,
    clause: u32,
    sentence: u32,
    caps_words: u32,
    plain_words: u32,
}

impl Reader<'_> {
    fn push_char(&mut self, c: char) {
        let start = self.lower.len();
        let word = self.word.get_or_insert(Word {
            start,
            digits_only: true,
            ..Word::default()
        });
        if c.is_ascii() {
            word.upper += u32::from(c.is_ascii_uppercase());
            word.lower += u32::from(c.is_ascii_lowercase());
        } else if c.is_uppercase() {
            word.upper += 1;
        } else if c.is_lowercase() {
            word.lower += 1;
        }
        if !c.is_ascii_digit() {
            word.digits_only = false;
        }
        if c.is_ascii() {
            self.lower.push(c.to_ascii_lowercase());
        } else {
            self.lower.extend(c.to_lowercase());
        }
    }

    /// A run of ASCII letters and digits, the common case, in one go.
    fn push_ascii_run(&mut self, run: &str) {
        let start = self.lower.len();
        let word = self.word.get_or_insert(Word {
            start,
            digits_only: true,
            ..Word::default()
        });
        // Runs are short: one plain loop beats vectorised passes.
        let (mut upper, mut digits) = (0, 0);
        for b in run.bytes() {
            upper += u32::from(b.is_ascii_uppercase());
            digits += u32::from(b.is_ascii_digit());
            self.lower.push(char::from(b.to_ascii_lowercase()));
        }
        word.upper += upper;
        word.lower += to_u32(run.len()) - upper - digits;
        word.digits_only &= digits == to_u32(run.len());
    }

    /// Keeps a joining character (an apostrophe, a decimal point) inside the
    /// word; it never starts one.
    fn push_joiner(&mut self, c: char) {
        if self.word.is_some() {
            self.lower.push(c);
        }
    }

    fn end_word(&mut self) {
        let Some(word) = self.word.take() else {
            return;
        };
        let letters = word.upper + word.lower;
        // One capital letter ("I", "A") is not shouting.
        let caps = word.upper >= 2 && word.lower == 0;
        if caps {
            self.caps_words += 1;
        } else if letters >= 2 {
            self.plain_words += 1;
        }
        let kind = if word.digits_only {
            Kind::Number
        } else {
            Kind::Word
        };
        self.push(word.start, kind, caps);
    }

    fn push(&mut self, start: usize, kind: Kind, caps: bool) {
        self.tokens.push(Token {
            start: to_u32(start),
            end: to_u32(self.lower.len()),
            kind,
            caps,
            clause: self.clause,
            sentence: self.sentence,
            question: false,
        });
    }

    fn symbol(&mut self, valence: f32) {
        self.end_word();
        self.push(self.lower.len(), Kind::Symbol(valence), false);
    }

    fn clause_break(&mut self, sentence_end: bool) {
        self.end_word();
        self.clause += 1;
        if sentence_end {
            self.sentence += 1;
        }
    }

    fn question_mark(&mut self) {
        self.end_word();
        let sentence = self.sentence;
        for token in self.tokens.iter_mut().rev() {
            if token.sentence != sentence || token.question {
                break;
            }
            token.question = true;
        }
        self.clause_break(true);
    }
}

/// Offsets fit in 32 bits for any comment under 4 GiB; past that they
/// saturate rather than wrap.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

const SEPARATOR: u8 = 1;
/// Characters that make a chunk worth looking up as an emoticon; plain words
/// with trailing punctuation never are.
const EMOTICON: u8 = 2;

/// Classes of ASCII characters, looked up rather than tested one by one in
/// the scan for chunk ends, which touches every byte.
const ASCII_CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_whitespace() || c.is_ascii_control() {
            table[b] = SEPARATOR;
        }
        if matches!(
            c,
            b':' | b';'
                | b'='
                | b'<'
                | b'>'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'\\'
                | b'/'
                | b'^'
                | b'_'
                | b'|'
                | b'*'
                | b'@'
                | b'$'
                | b'%'
                | b'&'
        ) {
            table[b] = EMOTICON;
        }
        b += 1;
    }
    table
};

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}')
}

/// Reads `text` into `tokens`, lower-casing words into `lower`. Both buffers
/// are cleared first.
pub(super) fn tokenize(
    text: &str,
    symbols: &Symbols,
    lower: &mut String,
    tokens: &mut Vec<Token>,
) -> Shape {
    lower.clear();
    tokens.clear();
    let mut shape = Shape::default();
    let mut reader = Reader {
        lower,
        tokens,
        word: None,
        clause: 0,
        sentence: 0,
        caps_words: 0,
        plain_words: 0,
    };
    // Chunks are separated by whitespace and control characters.
    let mut start = 0;
    while start < text.len() {
        let (c, len) = char_at(text, start);
        if is_separator(c) {
            start += len;
            continue;
        }
        let mut end = start;
        let mut maybe_emoticon = false;
        while let Some(&b) = text.as_bytes().get(end) {
            if b.is_ascii() {
                let class = ASCII_CLASS[usize::from(b)];
                if class & SEPARATOR != 0 {
                    break;
                }
                maybe_emoticon |= class & EMOTICON != 0;
                shape.exclamations += u32::from(b == b'!');
                shape.questions += u32::from(b == b'?');
                end += 1;
            } else {
                let (c, len) = char_at(text, end);
                if is_separator(c) {
                    break;
                }
                end += len;
            }
        }
        let chunk = &text[start..end];
        if !(maybe_emoticon && emoticon(&mut reader, symbols, chunk)) {
            read_chunk(&mut reader, symbols, chunk);
            reader.end_word();
        }
        start = end;
    }
    shape.caps_differ = reader.caps_words > 0 && reader.plain_words > 0;
    shape
}

/// The character at byte `i` (a char boundary) and its length, without
/// decoding when it is ASCII, as most of the text is.
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => (char::from(b), 1),
        _ => text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Reads the chunk as one emoticon if it is one, allowing trailing sentence
/// punctuation (":)." or ":(!!").
fn emoticon(reader: &mut Reader<'_>, symbols: &Symbols, chunk: &str) -> bool {
    let trimmed = chunk.trim_end_matches(['.', ',', '!', '?', ';']);
    for candidate in [chunk, trimmed] {
        if candidate.is_empty() {
            continue;
        }
        let start = reader.lower.len();
        reader
            .lower
            .extend(candidate.chars().flat_map(char::to_lowercase));
        let found = symbols.emoticons.get(&reader.lower[start..]).copied();
        reader.lower.truncate(start);
        if let Some(valence) = found {
            reader.symbol(valence);
            let trailing = &chunk[candidate.len()..];
            if trailing.contains('?') {
                reader.question_mark();
            } else if !trailing.is_empty() {
                reader.clause_break(trailing.contains(['.', '!']));
            }
            return true;
        }
    }
    false
}

fn read_chunk(reader: &mut Reader<'_>, symbols: &Symbols, chunk: &str) {
    let bytes = chunk.as_bytes();
    let mut i = 0;
    let mut prev = ' ';
    while i < chunk.len() {
        if bytes[i].is_ascii_alphanumeric() {
            let run = bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            // ASCII bytes end and start characters, so the slice is whole.
            reader.push_ascii_run(&chunk[i..i + run]);
            i += run;
            prev = char::from(bytes[i - 1]);
            continue;
        }
        let (c, len) = char_at(chunk, i);
        i += len;
        let next = if i < chunk.len() {
            char_at(chunk, i).0
        } else {
            ' '
        };
        if c.is_alphanumeric() {
            reader.push_char(c);
        } else if matches!(c, '\'' | '\u{2019}' | '\u{2018}')
            && prev.is_alphanumeric()
            && next.is_alphabetic()
        {
            reader.push_joiner('\'');
        } else if matches!(c, '.' | ',' | '/' | ':')
            && prev.is_ascii_digit()
            && next.is_ascii_digit()
        {
            reader.push_joiner(c);
        } else if c == '?' {
            reader.question_mark();
        } else if matches!(c, '.' | '!' | '\u{2026}') {
            reader.clause_break(true);
        } else if matches!(c, ',' | ';' | ':' | '(' | ')') {
            reader.clause_break(false);
        } else if is_dash(c) {
            // A dash inside a word joins its parts ("hassle-free" reads as
            // "hassle free"); a dash on its own separates clauses.
            if prev.is_alphanumeric() && next.is_alphanumeric() {
                reader.end_word();
            } else {
                reader.clause_break(false);
            }
        } else if let Some(&valence) = (!c.is_ascii()).then(|| symbols.emoji.get(&c)).flatten() {
            reader.symbol(valence);
        } else {
            reader.end_word();
        }
        prev = c;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut symbols = Symbols::default();
        symbols.emoticons.insert(":)".into(), 2.0);
        symbols.emoji.insert('👍', 2.0);
        let mut lower = String::new();
        let mut tokens = Vec::new();
        tokenize(text, &symbols, &mut lower, &mut tokens);
        tokens
            .iter()
            .map(|t| match t.kind {
                Kind::Symbol(v) => format!("<{v}>"),
                _ => format!("{}/{}", &lower[t.start as usize..t.end as usize], t.clause),
            })
            .collect()
    }

    #[test]
    fn words_numbers_and_clauses() {
        assert_eq!(
            words("Won\u{2019}t OPEN, costs £6.50 - hassle-free:)"),
            [
                "won't/0", "open/0", "costs/1", "6.50/1", "hassle/2", "free/2"
            ]
        );
    }

    #[test]
    fn emoticons_and_emoji() {
        assert_eq!(words("ok :) fine👍"), ["ok/0", "<2>", "fine/0", "<2>"]);
        assert_eq!(words("great :)!"), ["great/0", "<2>"]);
    }

    #[test]
    fn capitals_and_punctuation() {
        let symbols = Symbols::default();
        let mut lower = String::new();
        let mut tokens = Vec::new();
        let shape = tokenize("STOP calling!! Why??", &symbols, &mut lower, &mut tokens);
        assert!(tokens[0].caps && !tokens[1].caps);
        assert!(shape.caps_differ);
        assert_eq!((shape.exclamations, shape.questions), (2, 2));
        assert_eq!(tokens[2].sentence, 2);
    }
}
