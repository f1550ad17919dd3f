//! Reads a comment into what the scorer weighs: words, numbers, emoticons
//! and emoji, each with the clause and sentence it stands in. It reads the
//! words the thread's word table read ([`Lexed`]) and the text between them,
//! and never splits the comment itself.
//!
//! The scorer's words are the table's, with VADER's differences: a number
//! keeps `.` `,` `/` `:` between digits ("10/10", "7:30", "3.5"), and a word
//! keeps an apostrophe before a letter ("1'a"); `_` ends a word ("x_y"), `.`
//! and `:` between letters end a clause ("e.g", "a:b"), and so does `;`
//! between digits ("1;2"), and an apostrophe before a digit ends a word
//! ("5'11"). A table word of ASCII letters and digits is one of the scorer's
//! words as it stands; any other word, and the text between words, is read
//! character by character for those differences, clause and sentence breaks,
//! `!` and `?`, and emoji. An emoticon is a chunk of text between spaces of
//! its own (":)", ":-D!"), which is known only when the chunk ends: what the
//! chunk was read as is then taken back.
//!
//! Floor `feedback`: imports the lexicon it looks words up in, and `text`;
//! the lexicon does not import it.

use std::ops::Range;

use super::lexicon::{Lexicon, NO_ID, role};
use crate::text::Lexed;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Word,
    /// Digits, with `.` `,` `/` `:` between them ("6.50", "10/10", "7:30").
    Number,
    /// An emoticon or emoji, whose valence is the unit's.
    Symbol,
}

/// A word, number or symbol as the rules see it: where it stands, how it
/// was written, and what the lexicon says of it. Phrases are matched on units
/// afterwards, and a matched phrase rewrites its units in place.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unit {
    /// Byte range of the word in the text, which only the tests read: the
    /// rules need the id alone.
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

/// Where the reading stood when a chunk began, to take the chunk back when
/// it turns out to be an emoticon.
#[derive(Clone, Copy, Default)]
struct Mark {
    start: usize,
    units: usize,
    clause: u32,
    sentence: u32,
    caps_words: u32,
    plain_words: u32,
}

/// A word being read: a byte range of the text.
struct Word {
    start: usize,
    end: usize,
    /// The lexeme it started in, which it may be, as written.
    lexeme: usize,
    /// Its letters, when it is one table word of ASCII letters and digits
    /// taken whole; other words are counted when they end.
    letters: Option<Letters>,
}

/// What the rules need of a word's letters.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Letters {
    /// Two capitals or more and no small letter: "AMAZING", not "I".
    caps: bool,
    /// Two letters or more, not in capitals.
    plain: bool,
    /// No letters but ASCII digits ("10/10" has none but digits).
    digits: bool,
}

impl Letters {
    fn new(upper: u32, lower: u32, digits: bool) -> Letters {
        let caps = upper >= 2 && lower == 0;
        Letters {
            caps,
            plain: !caps && upper + lower >= 2,
            digits,
        }
    }

    /// The letters of `word` if it is all ASCII letters and digits.
    fn ascii(word: &[u8]) -> Option<Letters> {
        let (mut upper, mut lower, mut digits) = (0, 0, true);
        for &b in word {
            if !b.is_ascii_alphanumeric() {
                return None;
            }
            upper += u32::from(b.is_ascii_uppercase());
            lower += u32::from(b.is_ascii_lowercase());
            digits &= b.is_ascii_digit();
        }
        Some(Letters::new(upper, lower, digits))
    }
}

/// What the scorer keeps with a word of the table as written, so that a
/// word read again costs no lower-casing, lookup or counting: its id in the
/// lexicon, and its letters when it is all ASCII letters and digits.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Tag {
    id: u32,
    letters: Option<Letters>,
}

impl Tag {
    fn pack(self) -> u64 {
        let letters = self.letters.map_or(0, |l| {
            1 | u64::from(l.caps) << 1 | u64::from(l.plain) << 2 | u64::from(l.digits) << 3
        });
        u64::from(self.id) | letters << 32
    }

    fn unpack(packed: u64) -> Tag {
        let bits = packed >> 32;
        Tag {
            id: packed as u32,
            letters: (bits & 1 != 0).then_some(Letters {
                caps: bits & 2 != 0,
                plain: bits & 4 != 0,
                digits: bits & 8 != 0,
            }),
        }
    }
}

struct Reader<'a> {
    lexicon: &'a Lexicon,
    lexed: &'a Lexed<'a>,
    word: Option<Word>,
    /// The lexeme being read, or the last one read.
    lexeme: usize,
    /// Take a table word of ASCII letters and digits whole; the tests read
    /// every word character by character too.
    whole_words: bool,
    lower: &'a mut String,
    units: &'a mut Vec<Unit>,
    shape: Shape,
    clause: u32,
    sentence: u32,
    caps_words: u32,
    plain_words: u32,
    chunk: Mark,
    /// The chunk has a character that emoticons are made of.
    maybe_emoticon: bool,
}

impl Reader<'_> {
    #[inline]
    fn lexeme(&mut self, i: usize) {
        self.lexeme = i;
        let text = self.lexed.text.as_bytes();
        let lexeme = &self.lexed.lexemes[i];
        let tag = self.tag(i);
        match tag.letters.filter(|_| self.whole_words) {
            // Most words end where the table's word ends: nothing after it
            // may join it.
            Some(letters)
                if self.word.is_none()
                    && text.get(lexeme.end).is_none_or(|&b| {
                        b.is_ascii() && !matches!(b, b'\'' | b'.' | b',' | b'/' | b':')
                    }) =>
            {
                self.push(lexeme.start, lexeme.end, letters, tag.id);
            }
            Some(letters) if self.word.is_none() => {
                self.word = Some(Word {
                    start: lexeme.start,
                    end: lexeme.end,
                    lexeme: i,
                    letters: Some(letters),
                });
            }
            Some(_) => self.letters(lexeme.start, lexeme.end),
            None => self.chars(lexeme.start, lexeme.end),
        }
    }

    /// The tag of lexeme `i`, worked out the first time the table reads its
    /// word as written.
    #[inline]
    fn tag(&mut self, i: usize) -> Tag {
        let lexed = self.lexed;
        Tag::unpack(lexed.tag(i, || {
            let written = lexed.written(i);
            let letters = Letters::ascii(written.as_bytes());
            lower_case(written, self.lower);
            let id = self.lexicon.word_id(self.lower);
            Tag { id, letters }.pack()
        }))
    }

    /// Letters or digits at `start..end`, which start a word or go on with it.
    fn letters(&mut self, start: usize, end: usize) {
        let word = self.word.get_or_insert(Word {
            start,
            end,
            lexeme: self.lexeme,
            letters: None,
        });
        word.end = end;
        word.letters = None;
    }

    /// The text between two words, most often one space, and none before
    /// the first word and after the last. Forced inline: it runs between
    /// every two words, and the call cost more than the single space does.
    #[inline(always)]
    fn gap(&mut self, gap: Range<usize>) {
        match self.lexed.text.as_bytes()[gap.clone()] {
            [] => {}
            [b' '] => self.chunk_end(gap.start, gap.end),
            _ => self.chars(gap.start, gap.end),
        }
    }

    fn chars(&mut self, start: usize, end: usize) {
        let text = self.lexed.text;
        for (at, c) in text[start..end].char_indices() {
            self.char(start + at, c);
        }
    }

    fn char(&mut self, at: usize, c: char) {
        let text = self.lexed.text;
        let end = at + c.len_utf8();
        let prev = || text[..at].chars().next_back().unwrap_or(' ');
        let next = || text[end..].chars().next().unwrap_or(' ');
        self.maybe_emoticon |= is_emoticon_char(c);
        match c {
            _ if c.is_alphanumeric() => self.letters(at, end),
            _ if c.is_whitespace() || c.is_control() => self.chunk_end(at, end),
            // An apostrophe before a letter, and a separator between digits,
            // stay in the word: "don't", "10/10".
            '\'' | '\u{2019}' | '\u{2018}'
                if prev().is_alphanumeric() && next().is_alphabetic() =>
            {
                self.letters(at, end);
            }
            '.' | ',' | '/' | ':' if prev().is_ascii_digit() && next().is_ascii_digit() => {
                self.letters(at, end);
            }
            '?' => {
                self.shape.questions += 1;
                self.question_mark();
            }
            '!' => {
                self.shape.exclamations += 1;
                self.clause_break(true);
            }
            '.' | '\u{2026}' => self.clause_break(true),
            ',' | ';' | ':' | '(' | ')' => self.clause_break(false),
            // A dash inside a word joins its parts ("hassle-free" reads as
            // "hassle free"); a dash on its own separates clauses.
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' => {
                if prev().is_alphanumeric() && next().is_alphanumeric() {
                    self.end_word();
                } else {
                    self.clause_break(false);
                }
            }
            _ => match (!c.is_ascii()).then(|| self.lexicon.symbols.emoji.get(&c)) {
                Some(Some(&valence)) => self.symbol(valence),
                _ => self.end_word(),
            },
        }
    }

    /// Ends the chunk of text at `at`, the next one starting at `next`: the
    /// chunk is read again as one emoticon if it is one.
    #[inline]
    fn chunk_end(&mut self, at: usize, next: usize) {
        self.end_word();
        if std::mem::take(&mut self.maybe_emoticon) {
            self.emoticon(at);
        }
        self.chunk = Mark {
            start: next,
            units: self.units.len(),
            clause: self.clause,
            sentence: self.sentence,
            caps_words: self.caps_words,
            plain_words: self.plain_words,
        };
    }

    /// Reads the chunk that ends at `at` as one emoticon if it is one.
    /// Cold: few chunks are emoticons, and inlined into
    /// [`Reader::chunk_end`], which runs at every space, it made that a call
    /// that saves and restores every register.
    #[cold]
    fn emoticon(&mut self, at: usize) {
        let chunk = &self.lexed.text[self.chunk.start..at];
        if let Some((valence, trailing)) = emoticon(self.lexicon, self.lower, chunk) {
            self.take_back();
            self.symbol(valence);
            if trailing.contains('?') {
                self.question_mark();
            } else if !trailing.is_empty() {
                self.clause_break(trailing.contains(['.', '!']));
            }
        }
    }

    /// Takes back what the chunk was read as. A `?` in it marked the units
    /// of its sentence before it, which were unmarked, since a `?` ends a
    /// sentence.
    fn take_back(&mut self) {
        let mark = self.chunk;
        self.units.truncate(mark.units);
        for unit in self.units.iter_mut().rev() {
            if unit.sentence != mark.sentence {
                break;
            }
            unit.question = false;
        }
        self.clause = mark.clause;
        self.sentence = mark.sentence;
        self.caps_words = mark.caps_words;
        self.plain_words = mark.plain_words;
    }

    #[inline]
    fn end_word(&mut self) {
        if let Some(word) = self.word.take() {
            self.push_word(word);
        }
    }

    fn push_word(&mut self, word: Word) {
        if let Some(letters) = word.letters {
            let id = self.tag(word.lexeme).id;
            self.push(word.start, word.end, letters, id);
            return;
        }
        let lexicon = self.lexicon;
        let lexeme = self.lexed.lexemes.get(word.lexeme);
        // A word that is one table word as written has its id kept; the tag
        // is worked out first, as working it out lower-cases into `lower`.
        let kept = lexeme
            .is_some_and(|l| (l.start, l.end) == (word.start, word.end))
            .then(|| self.tag(word.lexeme).id);
        let letters = lower_case(&self.lexed.text[word.start..word.end], self.lower);
        let id = kept.unwrap_or_else(|| lexicon.word_id(self.lower));
        let negates = self.lower.ends_with("n't");
        let unit = self.push(word.start, word.end, letters, id);
        // Contractions negate: "didn't", "won't", "can't".
        if negates {
            unit.roles |= role::NEGATOR;
            if unit.valence == 0.0 {
                unit.valence = lexicon.not_valence;
            }
        }
    }

    /// Pushes the unit of the word at `start..end`, of lexicon id `id`.
    #[cfg_attr(
        not(test),
        expect(unused_variables, reason = "the span is for the tests")
    )]
    #[inline]
    fn push(&mut self, start: usize, end: usize, letters: Letters, id: u32) -> &mut Unit {
        let lexicon = self.lexicon;
        // One capital letter ("I", "A") is not shouting.
        let caps = letters.caps;
        if caps {
            self.caps_words += 1;
        } else if letters.plain {
            self.plain_words += 1;
        }
        let kind = if letters.digits {
            Kind::Number
        } else {
            Kind::Word
        };
        let traits = lexicon.traits(id);
        let number = kind == Kind::Number;
        let classes = traits.classes | if number { lexicon.number_class } else { 0 };
        self.units.push(Unit {
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
        });
        let last = self.units.len() - 1;
        &mut self.units[last]
    }

    fn symbol(&mut self, valence: f32) {
        self.end_word();
        self.units.push(Unit {
            #[cfg(test)]
            span: (0, 0),
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

/// Lower-cases `word` (letters and digits, and the apostrophes and
/// separators that join them) into `lower`, apostrophes made plain, and
/// counts its letters.
fn lower_case(word: &str, lower: &mut String) -> Letters {
    lower.clear();
    let (mut upper, mut small, mut digits) = (0, 0, true);
    for c in word.chars() {
        if c.is_ascii() {
            upper += u32::from(c.is_ascii_uppercase());
            small += u32::from(c.is_ascii_lowercase());
            digits &= c.is_ascii_digit() || !c.is_ascii_alphanumeric();
            lower.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            upper += u32::from(c.is_uppercase());
            small += u32::from(c.is_lowercase());
            digits = false;
            lower.extend(c.to_lowercase());
        } else {
            // An apostrophe, the only joiner beyond ASCII.
            lower.push('\'');
        }
    }
    Letters::new(upper, small, digits)
}

/// The characters emoticons are made of, beyond letters and digits and
/// sentence punctuation: a chunk without any is no emoticon.
fn is_emoticon_char(c: char) -> bool {
    usize::try_from(u32::from(c))
        .ok()
        .and_then(|i| EMOTICON_CHARS.get(i))
        .is_some_and(|&is| is)
}

/// The characters of [`is_emoticon_char`], by their code (all ASCII): a
/// table, as this is asked of every character between words.
static EMOTICON_CHARS: [bool; 128] = {
    let chars = b":;=<>()[]{}\\/^_|*@$%&";
    let mut table = [false; 128];
    let mut i = 0;
    while i < chars.len() {
        table[chars[i] as usize] = true;
        i += 1;
    }
    table
};

/// Sentence punctuation that may follow an emoticon: ":)." or ":(!!".
const AFTER_EMOTICON: [char; 5] = ['.', ',', '!', '?', ';'];

/// The valence of `chunk` as an emoticon, allowing trailing sentence
/// punctuation, and that punctuation.
fn emoticon<'c>(lexicon: &Lexicon, lower: &mut String, chunk: &'c str) -> Option<(f32, &'c str)> {
    let trimmed = chunk.trim_end_matches(AFTER_EMOTICON);
    [chunk, trimmed]
        .into_iter()
        .filter(|candidate| !candidate.is_empty())
        .find_map(|candidate| {
            lower.clear();
            lower.extend(candidate.chars().flat_map(char::to_lowercase));
            let valence = lexicon.symbols.emoticons.get(lower.as_str())?;
            Some((*valence, &chunk[candidate.len()..]))
        })
}

/// Reads the comment `lexed` into `units`, using `lower` for the words
/// lower-cased; both are cleared first.
pub(super) fn read(
    lexed: &Lexed<'_>,
    lexicon: &Lexicon,
    lower: &mut String,
    units: &mut Vec<Unit>,
) -> Shape {
    read_words(lexed, lexicon, lower, units, true)
}

fn read_words(
    lexed: &Lexed<'_>,
    lexicon: &Lexicon,
    lower: &mut String,
    units: &mut Vec<Unit>,
    whole_words: bool,
) -> Shape {
    units.clear();
    let mut reader = Reader {
        lexicon,
        lexed,
        word: None,
        lexeme: 0,
        whole_words,
        lower,
        units,
        shape: Shape::default(),
        clause: 0,
        sentence: 0,
        caps_words: 0,
        plain_words: 0,
        chunk: Mark::default(),
        maybe_emoticon: false,
    };
    for i in 0..lexed.lexemes.len() {
        reader.gap(lexed.gap(i));
        reader.lexeme(i);
    }
    reader.gap(lexed.gap(lexed.lexemes.len()));
    let end = lexed.text.len();
    reader.chunk_end(end, end);
    let mut shape = reader.shape;
    shape.caps_differ = reader.caps_words > 0 && reader.plain_words > 0;
    shape
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::with_lexed;

    fn lexicon() -> &'static Lexicon {
        &crate::feedback::sentiment_model().lexicon
    }

    /// The units of `text` and its shape, read taking ASCII words whole or
    /// not.
    fn units(text: &str, whole_words: bool) -> (Vec<Unit>, Shape) {
        let mut lower = String::new();
        let mut units = Vec::new();
        let shape = with_lexed(text, |lexed| {
            read_words(&lexed, lexicon(), &mut lower, &mut units, whole_words)
        });
        (units, shape)
    }

    /// A unit's word as the lexicon reads it.
    fn word(text: &str, unit: &Unit) -> String {
        text[unit.span.0..unit.span.1]
            .to_lowercase()
            .replace(['\u{2019}', '\u{2018}'], "'")
    }

    fn words(text: &str) -> Vec<String> {
        units(text, true)
            .0
            .iter()
            .map(|t| match t.kind {
                Kind::Symbol => format!("<{}>", t.valence),
                _ => format!("{}/{}", word(text, t), t.clause),
            })
            .collect()
    }

    /// What the reader saw in a text, with words as strings rather than as
    /// ranges of it.
    fn read(text: &str, whole_words: bool) -> (Vec<String>, String) {
        let (units, shape) = units(text, whole_words);
        let units = units
            .iter()
            .map(|t| {
                let word = if t.is_symbol() { String::new() } else { word(text, t) };
                format!(
                    "{word:?} {:?} caps={} clause={} sentence={} question={} id={} roles={} valence={}",
                    t.kind, t.caps, t.clause, t.sentence, t.question, t.id, t.roles, t.valence
                )
            })
            .collect();
        (units, format!("{shape:?}"))
    }

    #[test]
    fn whole_ascii_words_read_like_their_characters() {
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
        let (tokens, shape) = units("STOP calling!! Why??", true);
        assert!(tokens[0].caps && !tokens[1].caps);
        assert!(shape.caps_differ);
        assert_eq!((shape.exclamations, shape.questions), (2, 2));
        assert_eq!(tokens[2].sentence, 2);
    }
}
