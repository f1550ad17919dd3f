//! Shared judgement about words: tokens with their spans, stems, phrase
//! lists and concept sets. Rules ask this module; they keep no word lists.

mod concepts;
pub mod lexicons;
mod phrases;

use std::ops::Range;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

pub use concepts::{Concepts, concepts};
pub use phrases::{Match, PhraseList};

/// A word of a text: lower-cased, stemmed, and where it stands (bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub word: String,
    pub stem: String,
    pub span: Range<usize>,
    /// Counts clause breaks (`,` `;` `.` `!` `?` `:`) before the token, so that
    /// a negation does not reach into the next clause.
    pub clause: usize,
}

pub fn stem(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(word)
        .into_owned()
}

/// Splits a text into words (Unicode word boundaries). `%` and `#` are kept as
/// tokens of their own, because "30% off" and "#1" mean something to the rules.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut clause = 0;
    let mut tokens = Vec::new();
    for (start, w) in text.split_word_bound_indices() {
        if w.chars().any(char::is_alphanumeric) || w == "%" || w == "#" {
            let word = w.to_lowercase().replace('\u{2019}', "'");
            tokens.push(Token {
                stem: stem(&word),
                word,
                span: start..start + w.len(),
                clause,
            });
        } else if w
            .chars()
            .any(|c| matches!(c, ',' | ';' | '.' | '!' | '?' | ':'))
        {
            clause += 1;
        }
    }
    tokens
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
        let words: Vec<_> = tokenize(text).into_iter().map(|t| t.word).collect();
        assert_eq!(words, ["buy", "now", "30", "%", "off", "don't", "wait"]);
        let tokens = tokenize(text);
        assert_eq!(&text[tokens[0].span.clone()], "BUY");
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
