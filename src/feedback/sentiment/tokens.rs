//! Splits a comment into what the scorer weighs: words, numbers, emoticons
//! and emoji, each with the clause and sentence it stands in.
//!
//! Words are lower-cased into one buffer that the caller reuses, so that
//! scoring a comment allocates nothing once the buffers have grown.
//!
//! Floor `feedback`: imports the lexicon it looks words up in; the lexicon
//! does not import it.

use super::lexicon::{Lexicon, NO_ID, Symbols, role};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Word,
    /// Digits, with `.` `,` `/` `:` between them ("6.50", "10/10", "7:30").
    Number,
    /// An emoticon or emoji, whose valence is the unit's.
    Symbol,
}

/// A word, number or symbol as the rules see it: where it stands, how it
/// was written, and what the lexicon says of it, looked up as the word ends
/// while its bytes are at hand. Phrases are matched on units afterwards, and
/// a matched phrase rewrites its units in place.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unit {
    /// Byte range of the lower-cased word in the scratch buffer, which only
    /// the tests read: the rules need the id alone.
    #[cfg(test)]
    pub span: (usize, usize),
    pub kind: Kind,
    /// Written in capitals ("AMAZING"), which VADER reads as emphasis.
    pub caps: bool,
    /// The sentence ends with `?`.
    pub question: bool,
    /// A phrase may start here: the word starts one, or is of a class that
    /// one starts with. Most words start none.
    pub may_start_phrase: bool,
    pub roles: u16,
    pub clause: u32,
    pub sentence: u32,
    /// The word's id in the lexicon, [`NO_ID`] for a symbol or a word not
    /// in it.
    pub id: u32,
    /// Word classes (`@name` in the data files), with `@n` for a number.
    pub classes: u32,
    /// Own sentiment; 0 for neutral words, modifiers and the inner words of a
    /// matched phrase.
    pub valence: f32,
    /// Sentiment that applies only under negation ("no reply").
    pub negated: f32,
    pub booster: f32,
}

impl Unit {
    /// An emoticon or emoji: the writer's own feeling, which no word negates.
    pub fn is_symbol(&self) -> bool {
        self.kind == Kind::Symbol
    }
}

/// What the scorer needs to know about the text as a whole.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Shape {
    pub exclamations: u32,
    pub questions: u32,
    /// Some words are in capitals and some are not, so capitals stand out.
    pub caps_differ: bool,
}

/// A word being read by the general path: where it starts in the buffer and
/// what its letters are like.
#[derive(Default)]
struct Word {
    start: usize,
    upper: u32,
    lower: u32,
    digits_only: bool,
}

/// A word of an ASCII chunk being read: its byte range in the text, which is
/// also its range in the lower-cased copy, and the classes of its characters,
/// with [`PUNCTUATION`] for an apostrophe.
struct AsciiWord {
    start: usize,
    end: usize,
    classes: u8,
}

/// How a finished word was written, which is all the rules need of its letters.
struct Written {
    /// Two or more capitals and no small letter.
    caps: bool,
    /// Two or more letters, not in capitals.
    plain: bool,
    /// No letter at all.
    number: bool,
}

struct Reader<'a> {
    lexicon: &'a Lexicon,
    /// The words the word table read in the text, as (start, end, lexicon
    /// id), in the order of the text.
    shared: &'a [(usize, usize, u32)],
    /// The first of `shared` that may still be at or after the word being read.
    next_shared: usize,
    lower: &'a mut String,
    units: &'a mut Vec<Unit>,
    /// The word that the general path is reading, if any.
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
        let end = self.lower.len();
        let letters = word.upper + word.lower;
        // One capital letter ("I", "A") is not shouting.
        let caps = word.upper >= 2 && word.lower == 0;
        let written = Written {
            caps,
            plain: !caps && letters >= 2,
            number: word.digits_only,
        };
        let id = self.id(word.start, end);
        self.push_word(word.start, end, &written, id);
    }

    /// Ends a word of an ASCII chunk.
    fn push_ascii_word(&mut self, text: &[u8], word: &AsciiWord) {
        if word.classes & PUNCTUATION == 0 {
            self.push_plain_word(text, word);
        } else {
            self.push_word_with_apostrophe(text, word);
        }
    }

    /// [`Reader::push_ascii_word`] for a word with an apostrophe, which may
    /// be a possessive or a contraction. Its letters are counted only when
    /// their classes leave the answer open, which is rare: a word with a
    /// small letter is no shouting, and a word without digits is all letters
    /// but its apostrophes, each of which stands between two letters.
    fn push_word_with_apostrophe(&mut self, text: &[u8], word: &AsciiWord) {
        let count = |f: fn(&u8) -> bool| {
            let bytes = text.get(word.start..word.end).unwrap_or_default();
            bytes.iter().filter(|b| f(b)).count()
        };
        let len = word.end - word.start;
        let caps = word.classes & (LOWER | UPPER) == UPPER && count(u8::is_ascii_uppercase) >= 2;
        let plain = !caps
            && if word.classes & DIGIT == 0 {
                len >= 2
            } else {
                count(u8::is_ascii_alphabetic) >= 2
            };
        let written = Written {
            caps,
            plain,
            number: word.classes & (LOWER | UPPER) == 0,
        };
        let id = self.ascii_id(word.start, word.end);
        self.push_word(word.start, word.end, &written, id);
    }

    /// [`Reader::push_ascii_word`] for a word without an apostrophe, the
    /// common case: such a word is no contraction, which spares that test.
    fn push_plain_word(&mut self, text: &[u8], word: &AsciiWord) {
        // Without an apostrophe, a word without digits is all letters, and
        // one without small letters has only capitals.
        let letters = if word.classes & DIGIT == 0 {
            word.end - word.start
        } else if word.classes & (LOWER | UPPER) == 0 {
            0
        } else {
            count_letters(text, word)
        };
        let caps = word.classes & (LOWER | UPPER) == UPPER && letters >= 2;
        let written = Written {
            caps,
            plain: !caps && letters >= 2,
            number: word.classes & (LOWER | UPPER) == 0,
        };
        self.count_written(&written);
        let id = self.ascii_id(word.start, word.end);
        let kind = if written.number {
            Kind::Number
        } else {
            Kind::Word
        };
        let unit = self.unit(word.start, word.end, kind, written.caps, id);
        self.units.push(unit);
    }

    fn count_written(&mut self, written: &Written) {
        if written.caps {
            self.caps_words += 1;
        } else if written.plain {
            self.plain_words += 1;
        }
    }

    #[inline]
    fn push_word(&mut self, start: usize, end: usize, written: &Written, id: u32) {
        self.count_written(written);
        let kind = if written.number {
            Kind::Number
        } else {
            Kind::Word
        };
        self.push(start, end, kind, written.caps, id);
    }

    /// The lexicon's id of the word at `start..end` of the lower-cased buffer.
    fn id(&self, start: usize, end: usize) -> u32 {
        let word = self.lower.get(start..end).unwrap_or_default();
        self.lexicon.word_id(word)
    }

    /// The id of the word at `start..end` of an ASCII chunk, which is where
    /// it stands in the text: the id the word table's reading of the same
    /// word found, if it read one there, or else looked up.
    fn ascii_id(&mut self, start: usize, end: usize) -> u32 {
        while let Some(&(at, to, id)) = self.shared.get(self.next_shared) {
            if at > start {
                break;
            }
            self.next_shared += 1;
            if (at, to) == (start, end) {
                return id;
            }
        }
        self.id(start, end)
    }

    /// The unit of word `id` (a word or a number) at `start..end`.
    #[inline]
    #[cfg_attr(
        not(test),
        expect(unused_variables, reason = "the span is for the tests")
    )]
    fn unit(&self, start: usize, end: usize, kind: Kind, caps: bool, id: u32) -> Unit {
        let lexicon = self.lexicon;
        let traits = lexicon.traits(id);
        let number = kind == Kind::Number;
        let classes = traits.classes | if number { lexicon.number_class } else { 0 };
        Unit {
            #[cfg(test)]
            span: (start, end),
            kind,
            caps,
            question: false,
            may_start_phrase: traits.may_start_phrase
                || number && classes & lexicon.phrase_classes != 0,
            roles: traits.roles,
            clause: self.clause,
            sentence: self.sentence,
            id,
            classes,
            valence: traits.valence,
            negated: traits.negated,
            booster: traits.booster,
        }
    }

    fn push(&mut self, start: usize, end: usize, kind: Kind, caps: bool, id: u32) {
        let mut unit = self.unit(start, end, kind, caps, id);
        // Contractions negate: "didn't", "won't", "can't". Compared as an
        // array, without a call to `memcmp`.
        let word = self.lower.as_bytes().get(start..end).unwrap_or_default();
        if word.last_chunk() == Some(b"n't") {
            unit.roles |= role::NEGATOR;
            if unit.valence == 0.0 {
                unit.valence = self.lexicon.not_valence;
            }
        }
        self.units.push(unit);
    }

    fn symbol(&mut self, valence: f32) {
        self.end_word();
        self.units.push(Unit {
            #[cfg(test)]
            span: (self.lower.len(), self.lower.len()),
            kind: Kind::Symbol,
            caps: false,
            question: false,
            may_start_phrase: false,
            roles: 0,
            clause: self.clause,
            sentence: self.sentence,
            id: NO_ID,
            classes: 0,
            valence,
            negated: 0.0,
            booster: 0.0,
        });
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
        for unit in self.units.iter_mut().rev() {
            if unit.sentence != sentence || unit.question {
                break;
            }
            unit.question = true;
        }
        self.clause_break(true);
    }
}

/// The letters of an ASCII word with both letters and digits ("b2b").
fn count_letters(text: &[u8], word: &AsciiWord) -> usize {
    let bytes = text.get(word.start..word.end).unwrap_or_default();
    bytes.iter().filter(|b| b.is_ascii_alphabetic()).count()
}

// Classes of bytes, looked up rather than tested one by one in the scans,
// which touch every byte.
const SEPARATOR: u8 = 1;
/// Characters that make a chunk worth looking up as an emoticon; plain words
/// with trailing punctuation never are.
const EMOTICON: u8 = 1 << 1;
const UPPER: u8 = 1 << 2;
const LOWER: u8 = 1 << 3;
const DIGIT: u8 = 1 << 4;
const ALPHANUMERIC: u8 = UPPER | LOWER | DIGIT;
/// `!` and `?`, which the shape of the text counts.
const EMPHASIS: u8 = 1 << 5;
/// A byte of a character beyond ASCII, which needs decoding.
const NON_ASCII: u8 = 1 << 6;
/// Any other ASCII character: `.` `,` `'` `-` `"` and the like.
const PUNCTUATION: u8 = 1 << 7;

const CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if !c.is_ascii() {
            NON_ASCII
        } else if c.is_ascii_whitespace() || c.is_ascii_control() {
            SEPARATOR
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b'!' | b'?') {
            EMPHASIS
        } else if matches!(
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
            EMOTICON
        } else {
            PUNCTUATION
        };
        b += 1;
    }
    table
};

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}')
}

/// Reads `text` into `units`, lower-casing words into `lower` and looking
/// them up in `lexicon`, unless `shared` (see [`Reader::ascii_id`]) has their
/// ids already. Both buffers are cleared first.
pub(super) fn tokenize(
    text: &str,
    lexicon: &Lexicon,
    shared: &[(usize, usize, u32)],
    lower: &mut String,
    units: &mut Vec<Unit>,
) -> Shape {
    tokenize_chunks(text, lexicon, shared, lower, units, true)
}

/// The tokenizer, with the fast path for ASCII chunks or without it, which
/// the tests compare.
///
/// The whole text is lower-cased into `lower` first (ASCII letters only, a
/// vectorised pass), so that a word of an ASCII chunk is a range of the
/// text that needs no copying: its joiners (`'`, and `.` `,` `/` `:` between
/// digits) are kept as they are. The general path reads a chunk character by
/// character and lower-cases its words after the copy of the text.
fn tokenize_chunks(
    text: &str,
    lexicon: &Lexicon,
    shared: &[(usize, usize, u32)],
    lower: &mut String,
    units: &mut Vec<Unit>,
    ascii_fast_path: bool,
) -> Shape {
    lower.clear();
    units.clear();
    lower.push_str(text);
    lower.make_ascii_lowercase();
    let symbols = &lexicon.symbols;
    let mut shape = Shape::default();
    let mut reader = Reader {
        lexicon,
        shared,
        next_shared: 0,
        lower,
        units,
        word: None,
        clause: 0,
        sentence: 0,
        caps_words: 0,
        plain_words: 0,
    };
    let bytes = text.as_bytes();
    // Chunks are separated by whitespace and control characters.
    let mut start = 0;
    while let Some(&b) = bytes.get(start) {
        let class = CLASS[usize::from(b)];
        if class & SEPARATOR != 0 {
            start += 1;
            continue;
        }
        if class & NON_ASCII != 0 {
            let (c, len) = char_at(text, start);
            if is_separator(c) {
                start += len;
                continue;
            }
        }
        let mut end = start;
        let mut classes = 0;
        while let Some(&b) = bytes.get(end) {
            let class = CLASS[usize::from(b)];
            // One test for the common case, an ASCII character in the chunk.
            if class & (SEPARATOR | NON_ASCII) != 0 {
                if class & SEPARATOR != 0 {
                    break;
                }
                let (c, len) = char_at(text, end);
                if is_separator(c) {
                    break;
                }
                end += len - 1;
            }
            end += 1;
            classes |= class;
        }
        if classes & EMPHASIS != 0 {
            for &b in &bytes[start..end] {
                shape.exclamations += u32::from(b == b'!');
                shape.questions += u32::from(b == b'?');
            }
        }
        let maybe_emoticon = classes & EMOTICON != 0;
        let chunk = || &text[start..end];
        if classes & NON_ASCII != 0 || !ascii_fast_path {
            let chunk = chunk();
            if !(maybe_emoticon && emoticon(&mut reader, symbols, chunk)) {
                read_chunk(&mut reader, symbols, chunk);
                reader.end_word();
            }
        } else if maybe_emoticon && ascii_emoticon(&mut reader, symbols, start, chunk()) {
        } else if classes & !ALPHANUMERIC == 0 {
            // A plain word, the common case.
            reader.push_plain_word(
                bytes,
                &AsciiWord {
                    start,
                    end,
                    classes,
                },
            );
        } else {
            read_ascii_chunk(&mut reader, bytes, start, end);
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

/// Sentence punctuation that may follow an emoticon: ":)." or ":(!!".
const AFTER_EMOTICON: [char; 5] = ['.', ',', '!', '?', ';'];

/// Reads the chunk as one emoticon if it is one, allowing trailing sentence
/// punctuation.
fn emoticon(reader: &mut Reader<'_>, symbols: &Symbols, chunk: &str) -> bool {
    let trimmed = chunk.trim_end_matches(AFTER_EMOTICON);
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
            after_emoticon(reader, valence, &chunk[candidate.len()..]);
            return true;
        }
    }
    false
}

/// [`emoticon`] for an ASCII chunk at byte `start` of the text, whose
/// lower-cased copy is already in the buffer.
fn ascii_emoticon(reader: &mut Reader<'_>, symbols: &Symbols, start: usize, chunk: &str) -> bool {
    let trimmed = chunk.trim_end_matches(AFTER_EMOTICON);
    for len in [chunk.len(), trimmed.len()] {
        if len == 0 {
            continue;
        }
        let found = symbols.emoticons.get(&reader.lower[start..start + len]);
        if let Some(&valence) = found {
            after_emoticon(reader, valence, &chunk[len..]);
            return true;
        }
    }
    false
}

fn after_emoticon(reader: &mut Reader<'_>, valence: f32, trailing: &str) {
    reader.symbol(valence);
    if trailing.contains('?') {
        reader.question_mark();
    } else if !trailing.is_empty() {
        reader.clause_break(trailing.contains(['.', '!']));
    }
}

/// [`read_chunk`] for a chunk of ASCII characters, bytes `start..end` of the
/// text: the same decisions, taken on bytes, with words as ranges.
fn read_ascii_chunk(reader: &mut Reader<'_>, text: &[u8], start: usize, end: usize) {
    let mut word: Option<AsciiWord> = None;
    let mut prev = b' ';
    let mut i = start;
    while i < end {
        let b = text[i];
        if CLASS[usize::from(b)] & ALPHANUMERIC != 0 {
            let run = i;
            let mut classes = 0;
            while i < end && CLASS[usize::from(text[i])] & ALPHANUMERIC != 0 {
                classes |= CLASS[usize::from(text[i])];
                i += 1;
            }
            let word = word.get_or_insert(AsciiWord {
                start: run,
                end: i,
                classes: 0,
            });
            word.end = i;
            word.classes |= classes;
            prev = text[i - 1];
            continue;
        }
        i += 1;
        let next = if i < end { text[i] } else { b' ' };
        let joins = match b {
            b'\'' => prev.is_ascii_alphanumeric() && next.is_ascii_alphabetic(),
            b'.' | b',' | b'/' | b':' => prev.is_ascii_digit() && next.is_ascii_digit(),
            _ => false,
        };
        if joins {
            if let (b'\'', Some(word)) = (b, &mut word) {
                word.classes |= PUNCTUATION;
            }
        } else {
            if let Some(word) = word.take() {
                reader.push_ascii_word(text, &word);
            }
            match b {
                b'?' => reader.question_mark(),
                b'.' | b'!' => reader.clause_break(true),
                b',' | b';' | b':' | b'(' | b')' => reader.clause_break(false),
                b'-' if !(prev.is_ascii_alphanumeric() && next.is_ascii_alphanumeric()) => {
                    reader.clause_break(false);
                }
                _ => {}
            }
        }
        prev = b;
    }
    if let Some(word) = word {
        reader.push_ascii_word(text, &word);
    }
}

fn read_chunk(reader: &mut Reader<'_>, symbols: &Symbols, chunk: &str) {
    let mut i = 0;
    let mut prev = ' ';
    while i < chunk.len() {
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

    fn lexicon() -> &'static Lexicon {
        &crate::feedback::sentiment_model().lexicon
    }

    fn words(text: &str) -> Vec<String> {
        let mut lower = String::new();
        let mut tokens = Vec::new();
        tokenize(text, lexicon(), &[], &mut lower, &mut tokens);
        tokens
            .iter()
            .map(|t| match t.kind {
                Kind::Symbol => format!("<{}>", t.valence),
                _ => format!("{}/{}", &lower[t.span.0..t.span.1], t.clause),
            })
            .collect()
    }

    /// What a tokenizer saw in a text, with words as strings rather than as
    /// ranges of a buffer.
    fn read(text: &str, ascii_fast_path: bool) -> (Vec<String>, String) {
        let mut lower = String::new();
        let mut tokens = Vec::new();
        let shape = tokenize_chunks(
            text,
            lexicon(),
            &[],
            &mut lower,
            &mut tokens,
            ascii_fast_path,
        );
        let tokens = tokens
            .iter()
            .map(|t| {
                let word = &lower[t.span.0..t.span.1];
                format!(
                    "{word:?} {:?} caps={} clause={} sentence={} question={} id={} roles={} valence={}",
                    t.kind, t.caps, t.clause, t.sentence, t.question, t.id, t.roles, t.valence
                )
            })
            .collect();
        (tokens, format!("{shape:?}"))
    }

    #[test]
    fn the_ascii_path_reads_like_the_general_path() {
        let pieces = [
            "Great",
            "GREAT",
            "great",
            "I",
            "A",
            "OK",
            "x",
            "ab",
            "A1",
            "1a",
            "B2B",
            "4x4",
            "30",
            "6.50",
            "10/10",
            "7:30",
            "1,000",
            "3.",
            ".5",
            "won't",
            "WON'T",
            "don't",
            "it's",
            "'quoted'",
            "rock'n'roll",
            "5'11",
            "a'1",
            "1'a",
            "o'",
            "hassle-free",
            "-",
            "--",
            "a-",
            "-a",
            "e-bike",
            "10-6",
            ":)",
            ":(",
            ":-)",
            ":D",
            "xD",
            "<3",
            "</3",
            ":)!",
            ":(.",
            ":)?",
            ";)",
            "=)",
            ":P",
            "^_^",
            "(",
            ")",
            "(see)",
            "[x]",
            "a@b.com",
            "50%",
            "$5",
            "&",
            "*",
            "_",
            "|",
            "\\",
            "/",
            "!",
            "?",
            "!!!",
            "???",
            "?!",
            ".",
            "...",
            ",",
            ";",
            ":",
            "a.b",
            "a,b",
            "a;b",
            "a:b",
            "a/b",
            "a?b",
            "a!b",
            "\"",
            "#1",
            "~",
            "+",
            "sooo",
            "GOOOD",
            "Loooove",
            "too",
            "many",
            "emails",
            "not",
            "never",
            "but",
            "café",
            "CAFÉ",
            "won\u{2019}t",
            "\u{2014}",
            "\u{2026}",
            "\u{a0}",
            "\u{1f44d}",
            "\u{1f621}",
        ];
        let separators = ["", " ", "  ", "\t", "\r\n", "\u{0}", "\u{7f}"];
        let mut texts: Vec<String> = Vec::new();
        for a in pieces {
            for b in pieces {
                for sep in separators {
                    texts.push(format!("{a}{sep}{b}"));
                }
            }
        }
        // Triples, chosen by a fixed sequence rather than all of them.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut pick = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            pieces[usize::try_from(state % pieces.len() as u64).unwrap()]
        };
        for _ in 0..20_000 {
            let (a, b, c, d) = (pick(), pick(), pick(), pick());
            texts.push(format!("{a}{b} {c}{d}"));
        }
        let mut files = Vec::new();
        for dir in [
            "eval/sentiment",
            "src/feedback/lexicon",
            "examples/harbor-bikes",
            "examples/blitz-bikes",
            "tests/fixtures-feedback",
        ] {
            files.extend(std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()));
        }
        for file in files.iter().filter(|f| f.is_file()) {
            let data = std::fs::read_to_string(file).unwrap();
            texts.extend(data.lines().map(str::to_owned));
        }
        let mut ascii = 0;
        for text in &texts {
            ascii += usize::from(text.is_ascii());
            assert_eq!(read(text, true), read(text, false), "{text:?}");
        }
        assert!(ascii > 50_000, "only {ascii} ASCII texts checked");
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
        let mut lower = String::new();
        let mut tokens = Vec::new();
        let shape = tokenize(
            "STOP calling!! Why??",
            lexicon(),
            &[],
            &mut lower,
            &mut tokens,
        );
        assert!(tokens[0].caps && !tokens[1].caps);
        assert!(shape.caps_differ);
        assert_eq!((shape.exclamations, shape.questions), (2, 2));
        assert_eq!(tokens[2].sentence, 2);
    }
}
