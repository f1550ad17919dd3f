//! Shared judgement about words: tokens with their spans, stems, phrase
//! lists and concept sets, the parts a message says, what a goal measures,
//! "did you mean" suggestions, and the sanitiser every output passes
//! untrusted text through. Rules ask this module; they keep no word lists.
//!
//! Floor `text`, above `source`: imports nothing of the crate; every floor
//! above may use it.

mod concepts;
pub mod lexicons;
mod measures;
mod offer;
mod parts;
mod phrases;
pub mod sanitize;
mod suggest;

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};
use unicode_segmentation::UnicodeSegmentation;

pub use concepts::{Concepts, Said, Weights, concepts};
pub use measures::{
    Measure, PROPORTIONS, counts_buyers, counts_contracts, counts_money, counts_orders,
    counts_own_effort, counts_own_money, counts_paying_customers, goal_measure, is_money_amount,
    unread_measure,
};
pub use offer::{Offer, SERVICE_PARTS, first_heads};
pub use parts::{Part, asks_openly, parts};
pub use phrases::{Match, PhraseList, PhraseSet, Tokens, covered, is_negator, starts};
pub use suggest::suggest;

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
    pub word: Word,
    pub start: usize,
    pub end: usize,
    pub clause: usize,
}

/// What the word table knows about a written word, wherever it stands: a
/// struct of its own, so that reading copies it whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
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

/// A written word as the word table keeps it: lower-cased, with typographic
/// apostrophes made plain ("Don’t" -> "don't").
pub fn lower_word(written: &str) -> String {
    // Most words are ASCII, which has no such apostrophe: `replace` would
    // copy them again.
    if written.is_ascii() {
        return written.to_ascii_lowercase();
    }
    written.to_lowercase().replace('\u{2019}', "'")
}

pub fn stem(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(word)
        .into_owned()
}

/// Words longer than this many bytes are no content words and are not kept
/// in the word table: no word of any language is this long, and a hostile
/// file of megabyte-long "words" must not fill memory with them, or show
/// them as themes.
pub const MAX_WORD_BYTES: usize = 100;

/// The words a thread has seen, by how they were written, and the lexemes of
/// the text it read last.
#[derive(Default)]
struct WordTable {
    /// What every word over [`MAX_WORD_BYTES`] reads as, once one was seen.
    overlong: Option<Word>,
    /// The words read lately, in front of `written`: see [`Recent`].
    recent: Recent,
    /// Words as written (up to [`MAX_WORD_BYTES`]).
    written: FxHashMap<Box<str>, Word>,
    /// Lower-cased words and their stems by [`Word::id`].
    words: Vec<(Rc<str>, Rc<str>)>,
    /// What a reader above worked out of each word, by [`Word::id`]: see
    /// [`Lexed::tag`].
    tags: Vec<Cell<Option<u64>>>,
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
        if self.written.len() >= WORD_CACHE {
            *self = WordTable {
                lexemes: std::mem::take(&mut self.lexemes),
                ..WordTable::default()
            };
        }
        let mut lexemes = std::mem::take(&mut self.lexemes);
        lexemes.clear();
        if text.is_ascii() {
            self.read_ascii(text, &mut lexemes);
        } else {
            self.read_unicode(text, &mut lexemes);
        }
        self.lexemes = lexemes;
    }

    /// Reads an ASCII text by the word boundaries of Unicode (UAX #29),
    /// without the general machinery: feedback files are mostly ASCII and
    /// this is on their hot path. Letters, digits and `_` join; `.` `'` `:`
    /// join letters on both sides, `.` `'` `,` `;` join digits on both sides;
    /// anything else is no part of a word. A test holds it to
    /// [`WordTable::read_unicode`].
    fn read_ascii(&mut self, text: &str, lexemes: &mut Vec<Lexeme>) {
        let bytes = text.as_bytes();
        let mut clause = 0;
        let mut i = 0;
        while let Some(&c) = bytes.get(i) {
            let end = match CLASS[usize::from(c)] {
                Class::Word => word_end(bytes, i),
                Class::Symbol => i + 1,
                Class::Break => {
                    clause += 1;
                    i += 1;
                    continue;
                }
                Class::Other => {
                    i += 1;
                    continue;
                }
            };
            // `_` alone makes no word.
            if c != b'_' || bytes[i..end].iter().any(u8::is_ascii_alphanumeric) {
                lexemes.push(Lexeme {
                    word: self.word(&text[i..end]),
                    start: i,
                    end,
                    clause,
                });
            }
            i = end;
        }
    }

    /// Reads any text by its Unicode word boundaries. `%` and `#` are words
    /// of their own.
    fn read_unicode(&mut self, text: &str, lexemes: &mut Vec<Lexeme>) {
        let mut clause = 0;
        for (start, w) in text.split_word_bound_indices() {
            let end = start + w.len();
            if w.chars().any(char::is_alphanumeric) || w == "%" || w == "#" {
                lexemes.push(Lexeme {
                    word: self.word(w),
                    start,
                    end,
                    clause,
                });
            } else if w.bytes().any(|c| CLASS[usize::from(c)] == Class::Break) {
                clause += 1;
            }
        }
    }

    /// The word `written`, learned if it is new. Most words are among those
    /// read lately ([`Recent`]): this is the path of every word of a text,
    /// so it is kept small enough to inline, and the rest is cold.
    #[inline]
    fn word(&mut self, written: &str) -> Word {
        let short = ShortWord::of(written.as_bytes());
        if let Some(word) = short.and_then(|short| self.recent.get(short)) {
            return word;
        }
        self.word_not_recent(written, short)
    }

    /// [`WordTable::word`] for a word not read lately, or too long for
    /// [`Recent`]. Cold: kept out of the loop over the words of a text,
    /// whose registers it would otherwise spill on every word.
    #[cold]
    fn word_not_recent(&mut self, written: &str, short: Option<ShortWord>) -> Word {
        if written.len() > MAX_WORD_BYTES {
            return self.overlong();
        }
        let word = match self.written.get(written) {
            Some(word) => *word,
            None => self.learn(written),
        };
        if let Some(short) = short {
            self.recent.put(short, word);
        }
        word
    }

    /// The one word all words over [`MAX_WORD_BYTES`] are: no content word,
    /// with a stem of its own that no real word has.
    fn overlong(&mut self) -> Word {
        if let Some(word) = self.overlong {
            return word;
        }
        let next_stem = self.stem_ids.len() as u32;
        let stem = *self.stem_ids.entry("".into()).or_insert(next_stem);
        let word = Word {
            id: self.words.len() as u32,
            stem,
            stem_hash: stem_hash(""),
            content: false,
            number: false,
            negator: false,
        };
        self.words.push(("".into(), "".into()));
        self.tags.push(Cell::new(None));
        self.overlong = Some(word);
        word
    }

    /// Lower-cases and stems a word the table does not know yet.
    fn learn(&mut self, written: &str) -> Word {
        let lower = lower_word(written);
        let stem = stem(&lower);
        let next_stem = self.stem_ids.len() as u32;
        let stem_id = *self
            .stem_ids
            .entry(stem.as_str().into())
            .or_insert(next_stem);
        let word = Word {
            id: self.words.len() as u32,
            stem: stem_id,
            stem_hash: stem_hash(&stem),
            content: concepts().is_content_word(&lower, &stem),
            number: phrases::is_number(&lower),
            negator: phrases::is_negator(&lower),
        };
        self.words.push((lower.into(), stem.into()));
        self.tags.push(Cell::new(None));
        self.written.insert(written.into(), word);
        word
    }
}

/// A word of at most 16 bytes as a key that compares in two integer
/// comparisons: its first and last 8 bytes (or 4, or its first, middle and
/// last byte), which together hold every byte of it, and its length.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ShortWord {
    head: u64,
    tail: u64,
    len: usize,
}

impl ShortWord {
    fn of(bytes: &[u8]) -> Option<ShortWord> {
        let len = bytes.len();
        let u64_at = |at: usize| {
            let mut word = [0; 8];
            word.copy_from_slice(&bytes[at..at + 8]);
            u64::from_le_bytes(word)
        };
        let u32_at = |at: usize| {
            let mut word = [0; 4];
            word.copy_from_slice(&bytes[at..at + 4]);
            u64::from(u32::from_le_bytes(word))
        };
        let (head, tail) = match len {
            0 => (0, 0),
            1..4 => (
                u64::from(bytes[0]) | u64::from(bytes[len / 2]) << 8,
                u64::from(bytes[len - 1]),
            ),
            4..8 => (u32_at(0), u32_at(len - 4)),
            8..=16 => (u64_at(0), u64_at(len - 8)),
            _ => return None,
        };
        Some(ShortWord { head, tail, len })
    }

    /// Where the word is kept in [`Recent`].
    fn slot(self) -> usize {
        let mixed = (self.head ^ self.tail.rotate_left(29) ^ self.len as u64)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (mixed >> (64 - Recent::BITS)) as usize
    }
}

/// The short words read lately, each in a slot of its own by its hash,
/// a later word taking the slot of an earlier one: feedback repeats the
/// same few hundred words, and finding one here costs no hashing of its
/// bytes, no probing and no `memcmp`, which the table's map costs.
struct Recent(Box<[Option<(ShortWord, Word)>]>);

impl Recent {
    /// 4,096 slots (192 KB a thread, of which only the slots of the words
    /// read are touched): with 1,024, a quarter of a few hundred words
    /// shared a slot with another and pushed it out, and 8.6% of the
    /// lookups on the generated file went on to the map (3.6% now).
    const BITS: u32 = 12;

    fn get(&self, short: ShortWord) -> Option<Word> {
        match self.0[short.slot()] {
            Some((kept, word)) if kept == short => Some(word),
            _ => None,
        }
    }

    fn put(&mut self, short: ShortWord, word: Word) {
        self.0[short.slot()] = Some((short, word));
    }
}

impl Default for Recent {
    fn default() -> Self {
        Recent(vec![None; 1 << Recent::BITS].into_boxed_slice())
    }
}

/// What a byte is to [`WordTable::read_ascii`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A letter, a digit or `_`.
    Word,
    /// `%` or `#`, a word of its own.
    Symbol,
    /// Ends a clause: `,` `;` `.` `!` `?` `:`.
    Break,
    Other,
}

static CLASS: [Class; 256] = {
    let mut table = [Class::Other; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        table[c] = match b {
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'_' => Class::Word,
            b'%' | b'#' => Class::Symbol,
            b',' | b';' | b'.' | b'!' | b'?' | b':' => Class::Break,
            _ => Class::Other,
        };
        c += 1;
    }
    table
};

/// Where the word starting at `start` of an ASCII text ends.
fn word_end(text: &[u8], start: usize) -> usize {
    let mut end = start + 1;
    loop {
        while text
            .get(end)
            .is_some_and(|&c| CLASS[usize::from(c)] == Class::Word)
        {
            end += 1;
        }
        match (text.get(end), text.get(end + 1)) {
            (Some(&mid), Some(&after)) if joins(text[end - 1], mid, after) => end += 2,
            _ => return end,
        }
    }
}

/// A text as the thread's word table read it: its lexemes, with the words and
/// stems they stand for, and what stands between them.
#[derive(Clone, Copy)]
pub struct Lexed<'a> {
    pub text: &'a str,
    pub lexemes: &'a [Lexeme],
    words: &'a [(Rc<str>, Rc<str>)],
    tags: &'a [Cell<Option<u64>>],
}

impl<'a> Lexed<'a> {
    /// The lower-cased word of lexeme `i`.
    pub fn word(&self, i: usize) -> &'a str {
        &self.strings(i).0
    }

    /// Lexeme `i` as the text writes it.
    pub fn written(&self, i: usize) -> &'a str {
        let lexeme = &self.lexemes[i];
        &self.text[lexeme.start..lexeme.end]
    }

    /// Where the text between lexeme `i` and the one before it stands; for
    /// `i` the number of lexemes, the text after the last.
    pub fn gap(&self, i: usize) -> Range<usize> {
        let start = i.checked_sub(1).map_or(0, |j| self.lexemes[j].end);
        let end = self.lexemes.get(i).map_or(self.text.len(), |l| l.start);
        start..end
    }

    /// What a reader on a floor above works out of lexeme `i` as written
    /// (the sentiment scorer: the word's id in its lexicon and the shape of
    /// its letters): `tag()` the
    /// first time, kept with the word for every time after that the table
    /// reads it. The table has one reader that tags. Overlong words are one
    /// word of the table, so theirs is worked out every time.
    pub fn tag(&self, i: usize, tag: impl FnOnce() -> u64) -> u64 {
        let lexeme = &self.lexemes[i];
        if lexeme.end - lexeme.start > MAX_WORD_BYTES {
            return tag();
        }
        let kept = &self.tags[lexeme.word.id as usize];
        kept.get().unwrap_or_else(|| {
            let value = tag();
            kept.set(Some(value));
            value
        })
    }

    /// The lower-cased word and the stem of lexeme `i`.
    fn strings(&self, i: usize) -> &'a (Rc<str>, Rc<str>) {
        &self.words[self.lexemes[i].word.id as usize]
    }
}

/// Reads `text` with the thread's word table and hands the result to `f`. The
/// table is borrowed once per text, not once per word; `f` should not read
/// another text meanwhile (it would work, on a table of its own, slowly).
pub fn with_lexed<R>(text: &str, f: impl FnOnce(Lexed<'_>) -> R) -> R {
    let read = |table: &mut WordTable| {
        table.read(text);
        f(Lexed {
            text,
            lexemes: &table.lexemes,
            words: &table.words,
            tags: &table.tags,
        })
    };
    WORDS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut table) => read(&mut table),
        Err(_) => read(&mut WordTable::default()),
    })
}

/// Texts tokenized lately, per thread: the rules read the same fields of a
/// plan again and again (a touchpoint's message by TX001, WHY005, WHY006,
/// YOU008...), and a lookup costs less than reading a text into words
/// (BENCHMARKS.md). It is emptied when it holds [`TOKEN_CACHE`] texts or
/// [`TOKEN_CACHE_BYTES`] of them, and a text longer than
/// [`TOKEN_CACHE_TEXT`] is not kept, so that it stays small whatever plans
/// are checked, hostile ones included.
#[derive(Default)]
struct TokenCache {
    texts: FxHashMap<Box<str>, Rc<[Token]>>,
    bytes: usize,
}

const TOKEN_CACHE: usize = 4096;
const TOKEN_CACHE_BYTES: usize = 1 << 20;
const TOKEN_CACHE_TEXT: usize = 4096;

thread_local! {
    static TOKENS: RefCell<TokenCache> = RefCell::default();
}

/// Splits a text into words (Unicode word boundaries). `%` and `#` are kept as
/// tokens of their own, because "30% off" and "#1" mean something to the rules.
pub fn tokenize(text: &str) -> Vec<Token> {
    if text.len() > TOKEN_CACHE_TEXT {
        return read_tokens(text);
    }
    if let Some(tokens) = TOKENS.with_borrow(|cache| cache.texts.get(text).cloned()) {
        return tokens.to_vec();
    }
    let tokens = read_tokens(text);
    TOKENS.with_borrow_mut(|cache| {
        // What an entry holds: the text, and its tokens with their strings
        // (shared with the word table, but kept alive here once it starts
        // afresh).
        let bytes = text.len()
            + tokens
                .iter()
                .map(|t| std::mem::size_of::<Token>() + t.word.len() + t.stem.len())
                .sum::<usize>();
        if cache.texts.len() >= TOKEN_CACHE || cache.bytes + bytes > TOKEN_CACHE_BYTES {
            *cache = TokenCache::default();
        }
        cache.bytes += bytes;
        cache.texts.insert(text.into(), tokens.as_slice().into());
    });
    tokens
}

/// [`tokenize`] without the cache.
fn read_tokens(text: &str) -> Vec<Token> {
    with_lexed(text, |lexed| {
        let tokens = lexed.lexemes.iter().enumerate();
        tokens
            .map(|(i, l)| {
                let (word, stem) = lexed.strings(i);
                Token {
                    word: Rc::clone(word),
                    stem: Rc::clone(stem),
                    content: l.word.content,
                    stem_hash: l.word.stem_hash,
                    span: l.start..l.end,
                    clause: l.clause,
                }
            })
            .collect()
    })
}

/// Whether `mid` keeps `before` and `after` in one word (UAX #29 WB6, WB7,
/// WB11, WB12).
fn joins(before: u8, mid: u8, after: u8) -> bool {
    // Most words end at a space, where the letters around it do not matter:
    // looking at them only past this test saves work on every word.
    if !matches!(mid, b'.' | b'\'' | b':' | b',' | b';') {
        return false;
    }
    let letters = before.is_ascii_alphabetic() && after.is_ascii_alphabetic();
    let digits = before.is_ascii_digit() && after.is_ascii_digit();
    match mid {
        b'.' | b'\'' => letters || digits,
        b':' => letters,
        _ => digits,
    }
}

/// Where the head of a noun phrase that starts at token `first` ends: at a
/// clause break or a word in [`HEAD_ENDS`]. "Plant care tips" in "Plant care
/// tips in the app", "quiet weekday slots" in "our quiet weekday slots, at a
/// discount".
pub fn head_end(tokens: &[Token], first: usize) -> usize {
    (first..tokens.len())
        .find(|&i| {
            tokens[i].clause != tokens[first].clause || HEAD_ENDS.contains(&&*tokens[i].word)
        })
        .unwrap_or(tokens.len())
}

/// Words that open a noun phrase: before a word of keeping they make it a
/// noun ("the report", "a record" is where answers go), and after a verb of
/// selling they open what is sold ("sell the van").
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "their", "its", "your", "this", "that", "each", "every", "his", "her",
    "my",
];

/// Words that end the head of a noun phrase, the thing it names: "tips" in
/// "Plant care tips in the app". Standing right before a phrase, they make
/// it part of another ("access to our slots").
pub const HEAD_ENDS: &[&str] = &[
    "in", "on", "at", "for", "from", "with", "about", "to", "by", "of", "that", "which", "who",
];

/// The text of `span` in double quotes, trimmed, for a message: `"buy
/// now"`. It is not shortened; an empty string when the span is not in the
/// text. Findings are bounded and sanitised where they are made and printed.
pub fn quote(text: &str, span: Range<usize>) -> String {
    let quoted = text.get(span).unwrap_or_default().trim();
    // A quote across a line break of a multi-line string reads as one line:
    // "fits their baby", not "fits their\nbaby".
    if quoted.contains(['\n', '\r', '\t']) {
        let words: Vec<&str> = quoted.split_whitespace().collect();
        return format!("\"{}\"", words.join(" "));
    }
    format!("\"{quoted}\"")
}

/// Adds the [`quote`] of `span` to `quotes` unless it is there already, so
/// that evidence names each word once ("premium", not "premium", "premium").
pub fn push_quote(quotes: &mut Vec<String>, text: &str, span: Range<usize>) {
    let quoted = quote(text, span);
    if !quotes.contains(&quoted) {
        quotes.push(quoted);
    }
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
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_quote_across_lines_reads_as_one_line() {
        let text = "help that fits their\n  baby and values";
        assert_eq!(quote(text, 10..27), "\"fits their baby\"");
        assert_eq!(quote("buy now", 0..7), "\"buy now\"");
    }

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
    fn the_token_cache_gives_what_reading_gives_and_stays_bounded() {
        let texts = [
            "Tonight's twenty-minute dinner",
            "Caf\u{e9} au lait, 30% off",
            "",
        ];
        for text in texts {
            assert_eq!(tokenize(text), read_tokens(text), "{text:?}");
            // The second time comes from the cache.
            assert_eq!(tokenize(text), read_tokens(text), "{text:?}");
        }
        let long = "word ".repeat(TOKEN_CACHE_TEXT);
        assert_eq!(tokenize(&long), read_tokens(&long));
        assert!(TOKENS.with_borrow(|cache| !cache.texts.contains_key(long.as_str())));
        for i in 0..TOKEN_CACHE + 10 {
            tokenize(&format!("text number {i}"));
        }
        TOKENS.with_borrow(|cache| {
            assert!(cache.texts.len() <= TOKEN_CACHE && cache.bytes <= TOKEN_CACHE_BYTES);
        });
    }

    #[test]
    fn the_ascii_path_reads_like_unicode_segmentation() {
        let mut texts: Vec<String> = vec![
            "e.g. U.S. 30.5% off, 1,000;2 don't it's a:b 3:4 x_y __ _a a_ a._b 30mph 4x4".into(),
            "Too many emails!!! Stop... now?! (really) \"quoted\" tab\there\r\nnew  spaces   end."
                .into(),
            "#1 shop; 10am-6pm; e-bike; rock'n'roll; 'quoted'; 5'11; x.y.z; a..b; 1..2".into(),
            "unsubscribingly, internationalisation's 12345678.12345678 abcdefgh_ijklmnop_q".into(),
            "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p 1,2,3,4,5,6,7,8,9 ___ _ __x__ end_".into(),
            "x. 'a 1, ;1 :a a' a: 9,".into(),
        ];
        let mut files = vec![std::path::PathBuf::from("eval/sentiment/marketing.csv")];
        for dir in [
            "src/text/lexicon",
            "examples/harbor-bikes",
            "examples/blitz-bikes",
            "tests/corpus",
        ] {
            let entries = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path());
            files.extend(entries.filter(|p| p.is_file()));
        }
        for file in files {
            texts.extend(
                std::fs::read_to_string(file)
                    .unwrap()
                    .lines()
                    .map(str::to_owned),
            );
        }
        let mut table = WordTable::default();
        let mut checked = 0;
        for text in texts.iter().filter(|t| t.is_ascii()) {
            // Read twice: first the words are new, then known.
            for _ in 0..2 {
                table.read(text);
                let mut general = Vec::new();
                table.read_unicode(text, &mut general);
                assert_eq!(table.lexemes, general, "{text:?}");
            }
            checked += 1;
        }
        assert!(checked > 1000, "only {checked} texts checked");
    }

    #[test]
    fn short_words_are_told_apart_by_their_keys() {
        // Every word of up to 16 bytes over a small alphabet, by length and
        // by the byte at each position: two words with one key would be
        // read as one.
        let mut seen = std::collections::HashMap::new();
        for len in 0..=16usize {
            for at in 0..len.max(1) {
                for c in [b'a', b'b', b'z'] {
                    let mut word = vec![b'a'; len];
                    if len > 0 {
                        word[at] = c;
                    }
                    let short = ShortWord::of(&word).unwrap();
                    let key = (short.head, short.tail, short.len);
                    if let Some(other) = seen.insert(key, word.clone()) {
                        assert_eq!(other, word);
                    }
                }
            }
        }
        assert!(ShortWord::of(&[b'a'; 17]).is_none());
    }

    #[test]
    fn overlong_words_are_one_word_that_is_never_kept() {
        let mut table = WordTable::default();
        for n in 0..100 {
            let text = format!("love {} bikes", "x".repeat(MAX_WORD_BYTES + 1 + n));
            table.read(&text);
            let long = table.lexemes[1].word;
            assert!(!long.content);
            assert_eq!(Some(long), table.overlong);
        }
        assert_eq!(table.written.len(), 2, "no overlong word is cached");
        assert_eq!(table.words.len(), 3, "love, bikes and the overlong word");
        table.read(&"y".repeat(MAX_WORD_BYTES));
        assert!(table.lexemes[0].word != table.overlong.unwrap());
    }

    #[test]
    fn lexemes_say_what_tokens_say() {
        let text = "No SPAM, don\u{2019}t call 30 times: caf\u{e9} spam";
        let tokens = tokenize(text);
        with_lexed(text, |lexed| {
            assert_eq!(lexed.lexemes.len(), tokens.len());
            for (i, (l, t)) in lexed.lexemes.iter().zip(&tokens).enumerate() {
                assert_eq!(lexed.strings(i), &(t.word.clone(), t.stem.clone()));
                assert_eq!((l.start..l.end, l.clause), (t.span.clone(), t.clause));
                assert_eq!((l.word.content, l.word.stem_hash), (t.content, t.stem_hash));
            }
            assert_eq!(lexed.lexemes[1].word.stem, lexed.lexemes[7].word.stem);
            assert!(lexed.lexemes[0].word.negator && lexed.lexemes[4].word.number);
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
