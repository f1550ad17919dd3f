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
pub use phrases::{Match, PhraseList, PhraseSet};

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

/// Words kept per thread with their lower-cased form and stem: feedback
/// repeats the same few thousand words millions of times, and a lookup is
/// several times cheaper than lower-casing and stemming.
const WORD_CACHE: usize = 50_000;

/// A word's lower-cased form, its stem, whether it carries a concept, and
/// the hash of its stem.
type Interned = (Rc<str>, Rc<str>, bool, u64);

/// The hash of a stem (FxHash: fast, and the same in every thread and run).
pub fn stem_hash(stem: &str) -> u64 {
    let mut hasher = FxHasher::default();
    stem.hash(&mut hasher);
    hasher.finish()
}

thread_local! {
    static WORDS: RefCell<FxHashMap<Box<str>, Interned>> = RefCell::new(FxHashMap::default());
}

pub fn stem(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(word)
        .into_owned()
}

/// The lower-cased form and the stem of a word as written.
fn intern(written: &str) -> Interned {
    WORDS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(known) = cache.get(written) {
            return known.clone();
        }
        let word = written.to_lowercase().replace('\u{2019}', "'");
        let stem = stem(&word);
        let content = concepts().is_content_word(&word, &stem);
        let hash = stem_hash(&stem);
        let interned: Interned = (Rc::from(word), Rc::from(stem), content, hash);
        if cache.len() >= WORD_CACHE {
            cache.clear();
        }
        cache.insert(written.into(), interned.clone());
        interned
    })
}

/// Splits a text into words (Unicode word boundaries). `%` and `#` are kept as
/// tokens of their own, because "30% off" and "#1" mean something to the rules.
pub fn tokenize(text: &str) -> Vec<Token> {
    // Words average five or six bytes with their space.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut clause = 0;
    let mut push = |start: usize, w: &str, is_word: bool| {
        if is_word || w == "%" || w == "#" {
            let (word, stem, content, stem_hash) = intern(w);
            tokens.push(Token {
                stem,
                word,
                content,
                stem_hash,
                span: start..start + w.len(),
                clause,
            });
        } else if w
            .chars()
            .any(|c| matches!(c, ',' | ';' | '.' | '!' | '?' | ':'))
        {
            clause += 1;
        }
    };
    if text.is_ascii() {
        ascii_segments(text, &mut push);
    } else {
        for (start, w) in text.split_word_bound_indices() {
            push(start, w, w.chars().any(char::is_alphanumeric));
        }
    }
    tokens
}

/// The word boundaries of Unicode (UAX #29) for ASCII text, without the
/// general machinery: feedback files are mostly ASCII and this is on their hot
/// path. Letters, digits and `_` join; `.` `'` `:` join letters on both sides,
/// `.` `'` `,` `;` join digits on both sides; runs of spaces are one segment;
/// any other character is a segment of its own. A test holds it to
/// `unicode-segmentation` on every text of the repository.
fn ascii_segments(text: &str, emit: &mut impl FnMut(usize, &str, bool)) {
    let b = text.as_bytes();
    let wordish = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        let start = i;
        if wordish(b[i]) {
            i += 1;
            loop {
                if i < b.len() && wordish(b[i]) {
                    i += 1;
                } else if i + 1 < b.len() && joins(b[i - 1], b[i], b[i + 1]) {
                    i += 2;
                } else {
                    break;
                }
            }
            emit(
                start,
                &text[start..i],
                b[start..i].iter().any(u8::is_ascii_alphanumeric),
            );
        } else if b[i] == b' ' {
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            emit(start, &text[start..i], false);
        } else {
            i += if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            emit(start, &text[start..i], false);
        }
    }
}

/// Whether `mid` keeps `before` and `after` in one word (UAX #29 WB6, WB7,
/// WB11, WB12).
fn joins(before: u8, mid: u8, after: u8) -> bool {
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
