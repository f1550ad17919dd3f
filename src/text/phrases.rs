//! Cue phrases matched on stems, word by word, never as substrings.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::{Token, lexicon_lines, tokenize};

/// Words that cancel a cue when they come shortly before it: "no pressure to buy".
const NEGATORS: &[&str] = &[
    "no", "not", "never", "without", "don't", "doesn't", "didn't", "won't", "isn't", "aren't",
    "nor", "zero", "dont", "doesnt", "wont", "isnt",
];
/// How many words before a cue a negator still reaches.
const NEGATION_REACH: usize = 3;

/// A list of cue phrases, one per line in a data file.
#[derive(Debug, Clone)]
pub struct PhraseList {
    phrases: Vec<Vec<String>>,
    /// Phrases by their first stem, so each position costs one lookup.
    by_first: FxHashMap<String, Vec<usize>>,
    /// Phrases that start with a number, which matches any number.
    by_number: Vec<usize>,
}

/// Where a cue was found: token indices and the byte span in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub tokens: Range<usize>,
    pub span: Range<usize>,
}

impl PhraseList {
    pub fn parse(data: &str) -> Self {
        let phrases: Vec<Vec<String>> = lexicon_lines(data)
            .map(|line| {
                tokenize(line)
                    .into_iter()
                    .map(|t| t.stem.to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|stems| !stems.is_empty())
            .collect();
        let mut by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut by_number = Vec::new();
        for (i, phrase) in phrases.iter().enumerate() {
            if is_number(&phrase[0]) {
                by_number.push(i);
            } else {
                by_first.entry(phrase[0].clone()).or_default().push(i);
            }
        }
        Self {
            phrases,
            by_first,
            by_number,
        }
    }

    /// Every place a cue occurs, longest cue first where cues overlap, leaving
    /// out cues that a nearby negator cancels.
    pub fn find(&self, tokens: &[Token]) -> Vec<Match> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let numbers: &[usize] = if is_number(&tokens[i].word) {
                &self.by_number
            } else {
                &[]
            };
            let named = self
                .by_first
                .get(&*tokens[i].stem)
                .map_or(&[][..], Vec::as_slice);
            let longest = named
                .iter()
                .chain(numbers)
                .map(|&p| &self.phrases[p])
                .filter(|p| {
                    tokens.len() - i >= p.len()
                        && p.iter()
                            .zip(&tokens[i..])
                            .all(|(cue, t)| cue_matches(cue, t))
                })
                .map(Vec::len)
                .max();
            match longest {
                Some(len) => {
                    if !negated(tokens, i) {
                        found.push(Match {
                            tokens: i..i + len,
                            span: tokens[i].span.start..tokens[i + len - 1].span.end,
                        });
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
        found
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    pub fn matches_text(&self, text: &str) -> Vec<Match> {
        self.find(&tokenize(text))
    }
}

/// A number in a cue stands for any number: "9 % off" matches "30% off".
fn cue_matches(cue: &str, token: &Token) -> bool {
    *cue == *token.stem || (is_number(cue) && is_number(&token.word))
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn negated(tokens: &[Token], at: usize) -> bool {
    tokens[at.saturating_sub(NEGATION_REACH)..at]
        .iter()
        .any(|t| t.clause == tokens[at].clause && NEGATORS.contains(&&*t.word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(list: &PhraseList, text: &str) -> Vec<String> {
        list.matches_text(text)
            .into_iter()
            .map(|m| text[m.span].to_owned())
            .collect()
    }

    #[test]
    fn cues_match_whole_words_on_stems() {
        let list = PhraseList::parse("buy now\n% off\nmarket share\n");
        assert_eq!(
            quotes(&list, "BUY NOW and save 30% off"),
            ["BUY NOW", "% off"]
        );
        assert_eq!(
            quotes(&list, "growing our market shares"),
            ["market shares"]
        );
        assert!(quotes(&list, "buyer nowhere").is_empty());
    }

    #[test]
    fn a_number_in_a_cue_matches_any_number() {
        let list = PhraseList::parse("9 % off\n");
        assert_eq!(quotes(&list, "now 30% off!"), ["30% off"]);
        assert!(quotes(&list, "a % off").is_empty());
    }

    #[test]
    fn longest_cue_wins_and_negation_cancels() {
        let list = PhraseList::parse("sale\nflash sale\nbuy\n");
        assert_eq!(quotes(&list, "our flash sale"), ["flash sale"]);
        assert!(quotes(&list, "no pressure to buy").is_empty());
        assert_eq!(
            quotes(&list, "no fuss, we never rush you; buy when ready"),
            ["buy"]
        );
    }
}
