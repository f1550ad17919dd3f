//! Cue phrases matched on stems, word by word, never as substrings.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::{Lexed, Token, lexicon_lines, tokenize};

/// Words that cancel a cue when they come shortly before it: "no pressure to buy".
const NEGATORS: &[&str] = &[
    "no", "not", "never", "without", "don't", "doesn't", "didn't", "won't", "isn't", "aren't",
    "nor", "zero", "dont", "doesnt", "wont", "isnt",
];
/// How many words before a cue a negator still reaches.
const NEGATION_REACH: usize = 3;

/// The words of a text as cue matching reads them: the rules' [`Token`]s, or
/// the feedback path's [`Lexed`], whose facts about a word are worked out once
/// per distinct word.
pub trait Tokens {
    /// How many tokens there are.
    fn count(&self) -> usize;
    fn stem(&self, i: usize) -> &str;
    fn stem_hash(&self, i: usize) -> u64;
    fn is_number(&self, i: usize) -> bool;
    fn is_negator(&self, i: usize) -> bool;
    fn clause(&self, i: usize) -> usize;
    fn span(&self, i: usize) -> Range<usize>;
}

impl Tokens for [Token] {
    fn count(&self) -> usize {
        self.len()
    }
    fn stem(&self, i: usize) -> &str {
        &self[i].stem
    }
    fn stem_hash(&self, i: usize) -> u64 {
        self[i].stem_hash
    }
    fn is_number(&self, i: usize) -> bool {
        is_number(&self[i].word)
    }
    fn is_negator(&self, i: usize) -> bool {
        is_negator(&self[i].word)
    }
    fn clause(&self, i: usize) -> usize {
        self[i].clause
    }
    fn span(&self, i: usize) -> Range<usize> {
        self[i].span.clone()
    }
}

impl Tokens for Lexed<'_> {
    fn count(&self) -> usize {
        self.lexemes.len()
    }
    fn stem(&self, i: usize) -> &str {
        &self.strings(i).1
    }
    fn stem_hash(&self, i: usize) -> u64 {
        self.lexemes[i].word.stem_hash
    }
    fn is_number(&self, i: usize) -> bool {
        self.lexemes[i].word.number
    }
    fn is_negator(&self, i: usize) -> bool {
        self.lexemes[i].word.negator
    }
    fn clause(&self, i: usize) -> usize {
        self.lexemes[i].clause
    }
    fn span(&self, i: usize) -> Range<usize> {
        self.lexemes[i].start..self.lexemes[i].end
    }
}

/// A word of a cue phrase.
#[derive(Debug, Clone)]
struct Cue {
    stem: String,
    /// Compared first: most candidate words differ in it.
    hash: u64,
    number: bool,
}

/// A list of cue phrases, one per line in a data file.
#[derive(Debug, Clone)]
pub struct PhraseList {
    phrases: Vec<Vec<Cue>>,
    /// Phrases by the hash of their first stem, so each position costs one
    /// lookup.
    by_first: FxHashMap<u64, Vec<usize>>,
    /// Phrases that start with a number, which matches any number.
    by_number: Vec<usize>,
}

/// Where a cue was found: token indices and the byte span in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub tokens: Range<usize>,
    pub span: Range<usize>,
}

/// For each of `len` tokens, whether one of `matches` starts there.
pub fn starts(len: usize, matches: &[Match]) -> Vec<bool> {
    let mut starts = vec![false; len];
    for m in matches {
        starts[m.tokens.start] = true;
    }
    starts
}

/// For each of `len` tokens, whether one of `matches` covers it: a table
/// read in one step per token, so that a long text costs no more than a
/// line per word.
pub fn covered<'m>(len: usize, matches: impl IntoIterator<Item = &'m Match>) -> Vec<bool> {
    let mut covered = vec![false; len];
    for m in matches {
        covered[m.tokens.clone()].fill(true);
    }
    covered
}

impl PhraseList {
    pub fn parse(data: &str) -> Self {
        let phrases: Vec<Vec<Cue>> = lexicon_lines(data)
            .map(|line| {
                tokenize(line)
                    .into_iter()
                    .map(|t| Cue {
                        number: is_number(&t.stem),
                        hash: t.stem_hash,
                        stem: t.stem.to_string(),
                    })
                    .collect::<Vec<_>>()
            })
            .filter(|cues| !cues.is_empty())
            .collect();
        let mut by_first: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut by_number = Vec::new();
        for (i, phrase) in phrases.iter().enumerate() {
            if phrase[0].number {
                by_number.push(i);
            } else {
                by_first.entry(phrase[0].hash).or_default().push(i);
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
        self.occurrences(tokens, true)
    }

    /// Every place a cue occurs, negated or not: what a measure counts is the
    /// same in "customers who come back" and "customers who never come back".
    pub fn find_all(&self, tokens: &[Token]) -> Vec<Match> {
        self.occurrences(tokens, false)
    }

    fn occurrences(&self, tokens: &[Token], negation: bool) -> Vec<Match> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(tokens, i) {
                Some(len) => {
                    if !(negation && negated(tokens, i)) {
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
    fn longest_at<T: Tokens + ?Sized>(&self, tokens: &T, i: usize) -> Option<usize> {
        let numbers: &[usize] = if tokens.is_number(i) {
            &self.by_number
        } else {
            &[]
        };
        let named = (self.by_first.get(&tokens.stem_hash(i))).map_or(&[][..], Vec::as_slice);
        named
            .iter()
            .chain(numbers)
            .filter_map(|&p| self.length_at(p, tokens, i))
            .max()
    }

    /// The length of phrase `p` if it occurs at token `i`.
    fn length_at<T: Tokens + ?Sized>(&self, p: usize, tokens: &T, i: usize) -> Option<usize> {
        let phrase = &self.phrases[p];
        let fits = tokens.count() - i >= phrase.len();
        let matches =
            || (phrase.iter().enumerate()).all(|(k, cue)| cue_matches(cue, tokens, i + k));
        (fits && matches()).then_some(phrase.len())
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
    fn of<T: Tokens + ?Sized>(tokens: &T, at: usize, len: usize) -> Self {
        Self {
            tokens: at..at + len,
            span: tokens.span(at).start..tokens.span(at + len - 1).end,
        }
    }
}

/// Several phrase lists matched in one pass: the same matches as
/// [`PhraseList::find`] on each list, but a word costs one lookup, not one
/// per list.
#[derive(Debug)]
pub struct PhraseSet<const N: usize> {
    lists: [&'static PhraseList; N],
    /// The phrases of every list by the hash of their first stem, as (list,
    /// phrase): a word that starts cues costs one lookup, not one per list.
    by_first: FxHashMap<u64, Vec<(usize, usize)>>,
    /// The top bits of the hashes in `by_first`, one bit each: most words
    /// start no cue, and a bit is cheaper to test than a lookup.
    firsts: FirstBits,
    numbers: bool,
}

/// A set of hashes by their top [`FirstBits::BITS`] bits: a hash not in it
/// is in no set it was made from; one in it may be.
#[derive(Debug)]
struct FirstBits([u64; 1 << (FirstBits::BITS - 6)]);

impl FirstBits {
    const BITS: u32 = 10;

    fn of(hashes: impl Iterator<Item = u64>) -> FirstBits {
        let mut bits = FirstBits([0; 1 << (FirstBits::BITS - 6)]);
        for hash in hashes {
            let (word, bit) = FirstBits::place(hash);
            bits.0[word] |= bit;
        }
        bits
    }

    fn place(hash: u64) -> (usize, u64) {
        let top = (hash >> (64 - FirstBits::BITS)) as usize;
        (top >> 6, 1 << (top & 63))
    }

    fn may_hold(&self, hash: u64) -> bool {
        let (word, bit) = FirstBits::place(hash);
        self.0[word] & bit != 0
    }
}

impl<const N: usize> PhraseSet<N> {
    pub fn new(lists: [&'static PhraseList; N]) -> Self {
        let mut by_first: FxHashMap<u64, Vec<(usize, usize)>> = FxHashMap::default();
        for (l, list) in lists.iter().enumerate() {
            for (&hash, phrases) in &list.by_first {
                by_first
                    .entry(hash)
                    .or_default()
                    .extend(phrases.iter().map(|&p| (l, p)));
            }
        }
        let numbers = lists.iter().any(|l| !l.by_number.is_empty());
        Self {
            lists,
            firsts: FirstBits::of(by_first.keys().copied()),
            by_first,
            numbers,
        }
    }

    /// Calls `found` with the index of the list and the match, for each
    /// match of each list: a list's matches come in the order of the text.
    pub fn find<T: Tokens + ?Sized>(&self, tokens: &T, mut found: impl FnMut(usize, Match)) {
        let mut free_from = [0; N];
        for i in 0..tokens.count() {
            let hash = tokens.stem_hash(i);
            let named = self
                .firsts
                .may_hold(hash)
                .then(|| self.by_first.get(&hash))
                .flatten();
            if named.is_some() || (self.numbers && tokens.is_number(i)) {
                let named = named.map_or(&[][..], Vec::as_slice);
                self.cues_at(tokens, i, named, &mut free_from, &mut found);
            }
        }
    }

    /// Reports what each list still free at token `i` finds there (what
    /// [`PhraseList::longest_at`] finds).
    fn cues_at<T: Tokens + ?Sized>(
        &self,
        tokens: &T,
        i: usize,
        named: &[(usize, usize)],
        free_from: &mut [usize; N],
        found: &mut impl FnMut(usize, Match),
    ) {
        const { assert!(N <= 64, "lists that found a cue are bits of a u64") };
        let mut longest = [0; N];
        // The lists that found a cue: most words that get here find none.
        let mut lists_found = 0u64;
        for &(l, p) in named {
            if free_from[l] <= i
                && let Some(len) = self.lists[l].length_at(p, tokens, i)
            {
                longest[l] = longest[l].max(len);
                lists_found |= 1 << l;
            }
        }
        if self.numbers && tokens.is_number(i) {
            for (l, list) in self.lists.iter().enumerate() {
                if free_from[l] <= i {
                    for &p in &list.by_number {
                        if let Some(len) = list.length_at(p, tokens, i) {
                            longest[l] = longest[l].max(len);
                            lists_found |= 1 << l;
                        }
                    }
                }
            }
        }
        while lists_found != 0 {
            let l = lists_found.trailing_zeros() as usize;
            lists_found &= lists_found - 1;
            if !negated(tokens, i) {
                found(l, Match::of(tokens, i, longest[l]));
            }
            free_from[l] = i + longest[l];
        }
    }
}

fn cue_matches<T: Tokens + ?Sized>(cue: &Cue, tokens: &T, i: usize) -> bool {
    (cue.hash == tokens.stem_hash(i) && cue.stem == tokens.stem(i))
        || (cue.number && tokens.is_number(i))
}

pub(super) fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

pub fn is_negator(word: &str) -> bool {
    NEGATORS.contains(&word)
}

fn negated<T: Tokens + ?Sized>(tokens: &T, at: usize) -> bool {
    let clause = tokens.clause(at);
    (at.saturating_sub(NEGATION_REACH)..at)
        .any(|i| tokens.clause(i) == clause && tokens.is_negator(i))
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
            Box::leak(Box::new(PhraseList::parse("flash sale\nnow\nsale now\n"))),
        ];
        let set = PhraseSet::new(lists);
        for text in [
            "BUY NOW: 30% off, flash sale now",
            "no sale now, buy now",
            "nothing here",
            "sale sale flash sale",
        ] {
            let tokens = crate::text::tokenize(text);
            let mut found: [Vec<Match>; 2] = Default::default();
            set.find(&tokens[..], |l, m| found[l].push(m));
            assert_eq!(found, lists.map(|l| l.find(&tokens)), "{text}");
        }
    }

    #[test]
    fn lexed_text_matches_like_tokens() {
        let list = PhraseList::parse("buy now\n9 % off\nsale\nflash sale\n");
        let set = PhraseSet::new([Box::leak(Box::new(list.clone()))]);
        for text in [
            "BUY NOW: 30% off, flash sale now",
            "no sale now, don\u{2019}t buy now",
            "Sale! 9's % off; never a flash sale",
        ] {
            let mut found = Vec::new();
            crate::text::with_lexed(text, |lexed| set.find(&lexed, |_, m| found.push(m)));
            assert_eq!(found, list.matches_text(text), "{text}");
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
        assert_eq!(list.find_all(&tokenize("no pressure to buy")).len(), 1);
        assert_eq!(
            quotes(&list, "no fuss, we never rush you; buy when ready"),
            ["buy"]
        );
    }
}
