//! Shared judgement about words: tokens with their spans, stems, phrase
//! lists and concept sets. Rules ask this module; they keep no word lists.

mod concepts;
pub mod lexicons;
mod phrases;

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};
use unicode_segmentation::UnicodeSegmentation;

pub use concepts::{Concepts, concepts};
pub use phrases::{Match, PhraseList, PhraseSet, Tokens};

/// A word of a text: lower-cased, stemmed, and where it stands (bytes). The
/// strings are shared with a per-thread cache, so a token costs no allocation
/// once its word has been seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub word: Rc<str>,
    pub stem: Rc<str>,
    /// Whether the word carries a concept (see [`Concepts::is_content`]),
    /// judged by the shipped lexicons once per distinct word.
    pub content: bool,
    /// A hash of the stem, so that lists of cues can rule a word out cheaply.
    pub stem_hash: u64,
    pub span: Range<usize>,
    /// Counts clause breaks (`,` `;` `.` `!` `?` `:`) before the token, so that
    /// a negation does not reach into the next clause.
    pub clause: usize,
}

/// A word of a text as the per-thread word table knows it: what [`Token`]
/// says, with the strings replaced by ids into the table. It is `Copy`, so the
/// feedback path reads millions of comments without an allocation or a
/// reference count per word. The ids hold until the thread reads its next text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lexeme {
    /// The word as written, in the table.
    pub id: u32,
    /// Equal stems, equal ids: phrases are told apart by integers.
    pub stem: u32,
    pub stem_hash: u64,
    pub content: bool,
    /// All ASCII digits: a number in a cue stands for any number.
    pub number: bool,
    /// A word that cancels a cue shortly after it ("no", "never").
    pub negator: bool,
    pub start: usize,
    pub end: usize,
    pub clause: usize,
}

/// Words kept per thread with their lower-cased form and stem: feedback
/// repeats the same few thousand words millions of times, and a lookup is
/// several times cheaper than lower-casing and stemming.
const WORD_CACHE: usize = 50_000;

/// The hash of a stem (FxHash: fast, and the same in every thread and run).
pub fn stem_hash(stem: &str) -> u64 {
    let mut hasher = FxHasher::default();
    stem.hash(&mut hasher);
    hasher.finish()
}

pub fn stem(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(word)
        .into_owned()
}

/// The words a thread has seen, by how they were written, and the lexemes of
/// the text it read last.
#[derive(Default)]
struct WordTable {
    /// A written word of up to [`SHORT`] bytes to its lexeme, without span
    /// and clause, keyed by [`short_key`]: most words are short, and an
    /// integer hashes and compares much faster than a string.
    short: FxHashMap<u128, Lexeme>,
    /// The longer written words.
    long: FxHashMap<Box<str>, Lexeme>,
    /// Lower-cased words and their stems by [`Lexeme::id`].
    words: Vec<(Rc<str>, Rc<str>)>,
    stem_ids: FxHashMap<Rc<str>, u32>,
    lexemes: Vec<Lexeme>,
}

thread_local! {
    static WORDS: RefCell<WordTable> = RefCell::new(WordTable::default());
}

impl WordTable {
    /// Splits a text into words (Unicode word boundaries). `%` and `#` are
    /// kept as words of their own, because "30% off" and "#1" mean something
    /// to the rules.
    fn read(&mut self, text: &str) {
        // The ids of the previous text are given up here, never in the middle
        // of a text.
        if self.short.len() + self.long.len() >= WORD_CACHE {
            let lexemes = std::mem::take(&mut self.lexemes);
            *self = WordTable {
                lexemes,
                ..WordTable::default()
            };
        }
        let mut lexemes = std::mem::take(&mut self.lexemes);
        lexemes.clear();
        let mut reading = Reading {
            table: self,
            lexemes: &mut lexemes,
            clause: 0,
        };
        if text.is_ascii() {
            ascii_segments(text, &mut reading);
        } else {
            for (start, w) in text.split_word_bound_indices() {
                let is_word = w.chars().any(char::is_alphanumeric);
                reading.segment(text, start..start + w.len(), is_word);
            }
        }
        self.lexemes = lexemes;
    }

    /// The lexeme of the word at `span` of `text`, without its place in the
    /// text. Inlined into the reading loop: a call cost a third of a lookup.
    #[inline(always)]
    fn lexeme(&mut self, text: &str, span: Range<usize>) -> Lexeme {
        let key = short_key(text.as_bytes(), span.clone());
        let known = match key {
            Some(key) => self.short.get(&key),
            None => self.long.get(&text[span.clone()]),
        };
        match known {
            Some(known) => *known,
            None => self.learn(&text[span], key),
        }
    }

    /// Lower-cases and stems a word the table does not know yet.
    #[cold]
    #[inline(never)]
    fn learn(&mut self, written: &str, key: Option<u128>) -> Lexeme {
        let word = written.to_lowercase().replace('\u{2019}', "'");
        let stem = stem(&word);
        let next_stem = self.stem_ids.len() as u32;
        let stem_id = *self
            .stem_ids
            .entry(stem.as_str().into())
            .or_insert(next_stem);
        let lexeme = Lexeme {
            id: self.words.len() as u32,
            stem: stem_id,
            stem_hash: stem_hash(&stem),
            content: concepts().is_content_word(&word, &stem),
            number: phrases::is_number(&word),
            negator: phrases::is_negator(&word),
            start: 0,
            end: 0,
            clause: 0,
        };
        self.words.push((word.into(), stem.into()));
        match key {
            Some(key) => self.short.insert(key, lexeme),
            None => self.long.insert(written.into(), lexeme),
        };
        lexeme
    }
}

/// Bytes of a word that [`short_key`] packs into an integer.
const SHORT: usize = 15;

/// The word at `span` of `text`, if it has up to [`SHORT`] bytes, as one
/// integer: its bytes, then its length in the last byte, so that two words
/// have the same key only if they are the same word. Away from the end of the
/// text this is one load and a mask, not a copy.
fn short_key(text: &[u8], span: Range<usize>) -> Option<u128> {
    let len = span.len();
    if len > SHORT {
        return None;
    }
    let bytes = match text[span.start..].first_chunk::<16>() {
        Some(chunk) => u128::from_le_bytes(*chunk),
        None => {
            let mut packed = [0u8; 16];
            packed[..len].copy_from_slice(&text[span]);
            u128::from_le_bytes(packed)
        }
    };
    let mask = (1u128 << (8 * len)) - 1;
    Some(bytes & mask | (len as u128) << (8 * SHORT))
}

/// Receives the segments of a text in order: where each stands, and whether
/// it is a word (has a letter or a digit). A span rather than a `&str`, so that
/// what only looks at bytes skips the slicing checks.
trait Segments {
    fn segment(&mut self, text: &str, span: Range<usize>, is_word: bool);
}

impl<F: FnMut(usize, &str, bool)> Segments for F {
    fn segment(&mut self, text: &str, span: Range<usize>, is_word: bool) {
        self(span.start, &text[span], is_word);
    }
}

/// A text being read into the table's lexemes.
struct Reading<'a> {
    table: &'a mut WordTable,
    lexemes: &'a mut Vec<Lexeme>,
    clause: usize,
}

impl Segments for Reading<'_> {
    /// Inlined into the segmentation loop: it runs for every segment.
    #[inline(always)]
    fn segment(&mut self, text: &str, span: Range<usize>, is_word: bool) {
        let bytes = &text.as_bytes()[span.clone()];
        if is_word || bytes == b"%" || bytes == b"#" {
            self.lexemes.push(Lexeme {
                start: span.start,
                end: span.end,
                clause: self.clause,
                ..self.table.lexeme(text, span)
            });
        } else if bytes
            .iter()
            .any(|c| matches!(c, b',' | b';' | b'.' | b'!' | b'?' | b':'))
        {
            self.clause += 1;
        }
    }
}

/// A text as the thread's word table read it: its lexemes, with the words and
/// stems they stand for.
#[derive(Clone, Copy)]
pub struct Lexed<'a> {
    pub lexemes: &'a [Lexeme],
    words: &'a [(Rc<str>, Rc<str>)],
}

impl<'a> Lexed<'a> {
    /// The lower-cased word of lexeme `i`.
    pub fn word(&self, i: usize) -> &'a str {
        &self.words[self.lexemes[i].id as usize].0
    }

    fn strings(&self, i: usize) -> &'a (Rc<str>, Rc<str>) {
        &self.words[self.lexemes[i].id as usize]
    }
}

/// Reads `text` with the thread's word table and hands the result to `f`. The
/// table is borrowed once per text, not once per word; `f` should not read
/// another text meanwhile (it would work, on a table of its own, slowly).
pub fn with_lexed<R>(text: &str, f: impl FnOnce(Lexed<'_>) -> R) -> R {
    let read = |table: &mut WordTable| {
        table.read(text);
        f(Lexed {
            lexemes: &table.lexemes,
            words: &table.words,
        })
    };
    WORDS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut table) => read(&mut table),
        Err(_) => read(&mut WordTable::default()),
    })
}

/// Splits a text into words (Unicode word boundaries). `%` and `#` are kept as
/// tokens of their own, because "30% off" and "#1" mean something to the rules.
pub fn tokenize(text: &str) -> Vec<Token> {
    with_lexed(text, |lexed| {
        let tokens = lexed.lexemes.iter().enumerate();
        tokens
            .map(|(i, l)| {
                let (word, stem) = lexed.strings(i);
                Token {
                    word: Rc::clone(word),
                    stem: Rc::clone(stem),
                    content: l.content,
                    stem_hash: l.stem_hash,
                    span: l.start..l.end,
                    clause: l.clause,
                }
            })
            .collect()
    })
}

/// The word boundaries of Unicode (UAX #29) for ASCII text, without the
/// general machinery: feedback files are mostly ASCII and this is on their hot
/// path. Letters, digits and `_` join; `.` `'` `:` join letters on both sides,
/// `.` `'` `,` `;` join digits on both sides; runs of spaces are one segment;
/// any other character is a segment of its own. A test holds it to
/// `unicode-segmentation` on every text of the repository.
fn ascii_segments(text: &str, emit: &mut impl Segments) {
    let b = text.as_bytes();
    let wordish = |c: u8| WORDISH[usize::from(c)];
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let is_word = if wordish(b[i]) {
            i += 1;
            loop {
                while i < b.len() && wordish(b[i]) {
                    i += 1;
                }
                if i + 1 < b.len() && joins(b[i - 1], b[i], b[i + 1]) {
                    i += 2;
                } else {
                    break;
                }
            }
            // Most words start with a letter; `_` alone makes no word.
            b[start].is_ascii_alphanumeric() || b[start..i].iter().any(u8::is_ascii_alphanumeric)
        } else if b[i] == b' ' {
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            false
        } else {
            i += if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            false
        };
        emit.segment(text, start..i, is_word);
    }
}

/// Letters, digits and `_` by byte: one load per byte on the hot path.
static WORDISH: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        table[c] = b.is_ascii_alphanumeric() || b == b'_';
        c += 1;
    }
    table
};

/// Whether `mid` keeps `before` and `after` in one word (UAX #29 WB6, WB7,
/// WB11, WB12).
fn joins(before: u8, mid: u8, after: u8) -> bool {
    // Most words end at a space: rule that out before looking around.
    if !matches!(mid, b'.' | b'\'' | b':' | b',' | b';') {
        return false;
    }
    let letters = before.is_ascii_alphabetic() && after.is_ascii_alphabetic();
    let digits = before.is_ascii_digit() && after.is_ascii_digit();
    match mid {
        b'.' | b'\'' => letters || digits,
        b':' => letters,
        b',' | b';' => digits,
        _ => false,
    }
}

/// Quotes a span of a text for a message, shortened to a readable length.
pub fn quote(text: &str, span: Range<usize>) -> String {
    let quoted = text.get(span).unwrap_or_default().trim();
    format!("\"{quoted}\"")
}

/// Lines of a lexicon data file, without blank lines and comments. A comment
/// is `#` followed by a space or the end of the line, so a cue like `#1` stays.
pub(crate) fn lexicon_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(|line| {
            let line = line.trim();
            let comment = (line == "#" || line.starts_with("# "))
                .then_some(0)
                .or_else(|| line.find(" # "))
                .unwrap_or(line.len());
            line[..comment].trim()
        })
        .filter(|line| !line.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_spans_percent_and_apostrophes() {
        let text = "BUY now: 30% off, don\u{2019}t wait!";
        let words: Vec<_> = tokenize(text)
            .into_iter()
            .map(|t| t.word.to_string())
            .collect();
        assert_eq!(words, ["buy", "now", "30", "%", "off", "don't", "wait"]);
        let tokens = tokenize(text);
        assert_eq!(&text[tokens[0].span.clone()], "BUY");
    }

    #[test]
    fn the_ascii_path_segments_exactly_like_unicode_segmentation() {
        let mut texts: Vec<String> = vec![
            "e.g. U.S. 30.5% off, 1,000;2 don't it's a:b 3:4 x_y __ _a a_ a._b 30mph 4x4".into(),
            "Too many emails!!! Stop... now?! (really) \"quoted\" tab\there\r\nnew  spaces   end."
                .into(),
            "#1 shop; 10am-6pm; e-bike; rock'n'roll; 'quoted'; 5'11; x.y.z; a..b; 1..2".into(),
        ];
        let mut files = vec![std::path::PathBuf::from("eval/sentiment/marketing.csv")];
        for dir in [
            "src/text/lexicon",
            "examples/harbor-bikes",
            "examples/blitz-bikes",
            "tests/corpus",
        ] {
            files.extend(std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()));
        }
        for file in files {
            texts.extend(
                std::fs::read_to_string(file)
                    .unwrap()
                    .lines()
                    .map(str::to_owned),
            );
        }
        let mut checked = 0;
        for text in texts.iter().filter(|t| t.is_ascii()) {
            let mut fast = Vec::new();
            ascii_segments(text, &mut |start, w: &str, word| {
                fast.push((start, w.to_owned(), word))
            });
            let slow: Vec<_> = text
                .split_word_bound_indices()
                .map(|(start, w)| (start, w.to_owned(), w.chars().any(char::is_alphanumeric)))
                .collect();
            assert_eq!(fast, slow, "{text:?}");
            checked += 1;
        }
        assert!(checked > 1000, "only {checked} texts checked");
    }

    #[test]
    fn short_keys_pack_a_word_wherever_it_stands() {
        let text = b"bike bikes and a few more words, bike";
        let at_end = text.len() - 4..text.len();
        assert_eq!(short_key(text, 0..4), short_key(text, at_end));
        assert_ne!(short_key(text, 0..4), short_key(text, 5..10));
        assert_ne!(short_key(text, 5..9), short_key(text, 5..10));
        assert_eq!(short_key(b"unsubscribingly!", 0..16), None);
    }

    #[test]
    fn lexemes_say_what_tokens_say() {
        let text = "No SPAM, don\u{2019}t call 30 times: caf\u{e9} spam";
        let tokens = tokenize(text);
        with_lexed(text, |lexed| {
            assert_eq!(lexed.lexemes.len(), tokens.len());
            for (i, (l, t)) in lexed.lexemes.iter().zip(&tokens).enumerate() {
                assert_eq!(lexed.word(i), &*t.word);
                assert_eq!((l.start..l.end, l.clause), (t.span.clone(), t.clause));
                assert_eq!((l.content, l.stem_hash), (t.content, t.stem_hash));
            }
            assert_eq!(lexed.lexemes[1].stem, lexed.lexemes[7].stem);
            assert!(lexed.lexemes[0].negator && lexed.lexemes[4].number);
        });
    }

    #[test]
    fn stems_fold_inflections() {
        assert_eq!(stem("riders"), stem("rider"));
        assert_eq!(stem("commuting"), stem("commute"));
    }

    #[test]
    fn lexicon_lines_drop_comments() {
        let lines: Vec<_> =
            lexicon_lines("# head\nbuy now  # cue\n\n  last chance\n#1\n#\n").collect();
        assert_eq!(lines, ["buy now", "last chance", "#1"]);
    }
}
