//! Cue phrases matched on stems, word by word, never as substrings.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::{Token, lexicon_lines, stem_hash, tokenize};

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
    /// A Bloom filter of first stems: most words start no cue, and this says
    /// so without a map lookup.
    starts: [u64; 4],
}

fn bloom_bit(hash: u64) -> (usize, u64) {
    ((hash >> 6) as usize % 4, 1 << (hash % 64))
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
        let mut starts = [0u64; 4];
        for (i, phrase) in phrases.iter().enumerate() {
            if is_number(&phrase[0]) {
                by_number.push(i);
            } else {
                let (word, bit) = bloom_bit(stem_hash(&phrase[0]));
                starts[word] |= bit;
                by_first.entry(phrase[0].clone()).or_default().push(i);
            }
        }
        Self {
            phrases,
            by_first,
            by_number,
            starts,
        }
    }

    /// Every place a cue occurs, longest cue first where cues overlap, leaving
    /// out cues that a nearby negator cancels.
    pub fn find(&self, tokens: &[Token]) -> Vec<Match> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(tokens, i) {
                Some(len) => {
                    if !negated(tokens, i) {
                        found.push(Match::of(tokens, i, len));
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
        found
    }

    /// The length of the longest cue starting at token `i`, if any.
    fn longest_at(&self, tokens: &[Token], i: usize) -> Option<usize> {
        let numbers: &[usize] = if is_number(&tokens[i].word) {
            &self.by_number
        } else {
            &[]
        };
        let (word, bit) = bloom_bit(tokens[i].stem_hash);
        let named = if self.starts[word] & bit == 0 {
            &[][..]
        } else {
            self.by_first
                .get(&*tokens[i].stem)
                .map_or(&[][..], Vec::as_slice)
        };
        named
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
            .max()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    pub fn matches_text(&self, text: &str) -> Vec<Match> {
        self.find(&tokenize(text))
    }
}

/// A number in a cue stands for any number: "9 % off" matches "30% off".
impl Match {
    fn of(tokens: &[Token], at: usize, len: usize) -> Self {
        Self {
            tokens: at..at + len,
            span: tokens[at].span.start..tokens[at + len - 1].span.end,
        }
    }
}

/// Several phrase lists matched in one pass: the same matches as
/// [`PhraseList::find`] on each list, but a word that starts no cue of any
/// list costs one filter check instead of one per list.
#[derive(Debug)]
pub struct PhraseSet<const N: usize> {
    lists: [&'static PhraseList; N],
    starts: [u64; 4],
    numbers: bool,
}

impl<const N: usize> PhraseSet<N> {
    pub fn new(lists: [&'static PhraseList; N]) -> Self {
        let mut starts = [0; 4];
        for list in &lists {
            for (all, one) in starts.iter_mut().zip(list.starts) {
                *all |= one;
            }
        }
        let numbers = lists.iter().any(|l| !l.by_number.is_empty());
        Self {
            lists,
            starts,
            numbers,
        }
    }

    /// The matches of each list, in the order the lists were given.
    pub fn find(&self, tokens: &[Token]) -> [Vec<Match>; N] {
        let mut found = std::array::from_fn(|_| Vec::new());
        let mut free_from = [0; N];
        for (i, token) in tokens.iter().enumerate() {
            let (word, bit) = bloom_bit(token.stem_hash);
            if self.starts[word] & bit == 0 && !(self.numbers && is_number(&token.word)) {
                continue;
            }
            for (l, list) in self.lists.iter().enumerate() {
                if free_from[l] > i {
                    continue;
                }
                if let Some(len) = list.longest_at(tokens, i) {
                    if !negated(tokens, i) {
                        found[l].push(Match::of(tokens, i, len));
                    }
                    free_from[l] = i + len;
                }
            }
        }
        found
    }
}

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
    fn a_set_finds_what_each_list_finds() {
        let lists: [&'static PhraseList; 2] = [
            Box::leak(Box::new(PhraseList::parse("buy now\n9 % off\nsale\n"))),
            Box::leak(Box::new(PhraseList::parse("flash sale\nnow\n"))),
        ];
        let set = PhraseSet::new(lists);
        for text in [
            "BUY NOW: 30% off, flash sale now",
            "no sale now, buy now",
            "nothing here",
            "sale sale flash sale",
        ] {
            let tokens = crate::text::tokenize(text);
            assert_eq!(set.find(&tokens), lists.map(|l| l.find(&tokens)), "{text}");
        }
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
