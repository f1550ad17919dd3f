//! What a comment is about: recurring phrases, and the three kinds of theme
//! the FB rules need (wants, contact fatigue, pushiness).

use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use rustc_hash::FxHasher;

use crate::text::lexicons::{
    feedback_contact, feedback_fatigue, feedback_frequency, feedback_pushiness,
    feedback_want_fillers, feedback_wants,
};
use crate::text::{Lexed, PhraseSet, lower_word, with_lexed};

/// How many words name a want at most ("saturday evening opening hours"):
/// the words after them describe it.
const WANT_WORDS: usize = 4;
/// Stands for no word in [`Found::stems`], for a theme of fewer words.
const NO_STEM: u32 = u32::MAX;

/// What one comment is about. It is meant to be reused from comment to
/// comment ([`extract`] clears it), so that a comment costs no allocation.
#[derive(Debug, Clone, Default)]
pub struct CommentThemes {
    /// The comment complains about how often it is contacted.
    pub fatigue: bool,
    /// The comment complains about sales pressure.
    pub pushy: bool,
    /// The comment, where the words of its themes stand: a theme is shown
    /// only when a sketch keeps it, so its words are lower-cased and joined
    /// only then.
    text: String,
    /// The words naming each want ("I wish you had a loan bike" -> "loan bike").
    wants: Vec<Found<WANT_WORDS>>,
    /// The phrases a want is counted under, each once however many wants
    /// share it: every run of its words, longest first ("oat milk lattes" ->
    /// "oat milk lattes", "oat milk", "milk lattes", "oat", "milk",
    /// "lattes"), so that wants phrased differently meet in the phrase they
    /// share.
    want_runs: Vec<Found<WANT_WORDS>>,
    /// Pairs of adjacent content words ("late delivery"), by their first word.
    phrases: Vec<Found<2>>,
}

/// A theme of up to `N` words.
#[derive(Debug, Clone)]
struct Found<const N: usize> {
    key: u64,
    /// Where the theme's words stand in the comment.
    words: [Place; N],
    /// How many of `words` the theme has.
    len: usize,
    /// Stem ids, [`NO_STEM`] past `len`, to tell themes of the comment apart
    /// while it is read.
    stems: [u32; N],
}

/// Where a word stands in a comment, in bytes.
#[derive(Debug, Clone, Copy, Default)]
struct Place {
    start: usize,
    end: usize,
}

/// One theme of a comment.
#[derive(Debug, Clone, Copy)]
pub struct Theme<'a> {
    key: u64,
    text: &'a str,
    words: &'a [Place],
}

impl Theme<'_> {
    /// What counts as the same theme: the words' stems, hashed.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// The words as the comment wrote them, lower-cased as the word table
    /// keeps them, joined by spaces.
    pub fn display(&self) -> String {
        let mut shown = String::new();
        for (n, word) in self.words.iter().enumerate() {
            if n > 0 {
                shown.push(' ');
            }
            shown.push_str(&lower_word(&self.text[word.start..word.end]));
        }
        shown
    }
}

impl CommentThemes {
    pub fn wants(&self) -> impl Iterator<Item = Theme<'_>> {
        self.wants.iter().map(|w| self.theme(w))
    }

    /// Every run of the words of the comment's wants, once each.
    pub fn want_runs(&self) -> impl Iterator<Item = Theme<'_>> {
        self.want_runs.iter().map(|w| self.theme(w))
    }

    pub fn phrases(&self) -> impl Iterator<Item = Theme<'_>> {
        self.phrases.iter().map(|p| self.theme(p))
    }

    fn theme<'a, const N: usize>(&'a self, found: &'a Found<N>) -> Theme<'a> {
        Theme {
            key: found.key,
            text: &self.text,
            words: &found.words[..found.len],
        }
    }

    /// The themes as short labels, for output that lists them per row.
    pub fn labels(&self) -> Vec<String> {
        let kinds = [
            (self.fatigue, "contact fatigue"),
            (self.pushy, "sales pressure"),
        ];
        kinds
            .into_iter()
            .filter(|(found, _)| *found)
            .map(|(_, label)| label.to_owned())
            .chain(self.wants().map(|w| format!("want: {}", w.display())))
            .chain(self.phrases().map(|p| p.display()))
            .collect()
    }
}

/// Keeps in `kept` the theme made of the lexemes `at`, unless one with the
/// same stems is kept already. Inlined: most comments keep a pair or two, and
/// the call cost a third of what keeping one does.
#[inline]
fn keep<const N: usize>(kept: &mut Vec<Found<N>>, lexed: &Lexed<'_>, at: &[usize]) {
    let mut stems = [NO_STEM; N];
    for (stem, &i) in stems.iter_mut().zip(at) {
        *stem = lexed.lexemes[i].word.stem;
    }
    if kept.iter().any(|f| f.stems == stems) {
        return;
    }
    let mut hasher = FxHasher::default();
    let mut words = [Place::default(); N];
    for (place, &i) in words.iter_mut().zip(at) {
        let lexeme = &lexed.lexemes[i];
        *place = Place {
            start: lexeme.start,
            end: lexeme.end,
        };
        lexeme.word.stem_hash.hash(&mut hasher);
    }
    kept.push(Found {
        key: hasher.finish(),
        words,
        len: at.len(),
        stems,
    });
}

/// The cue lists themes use, matched in one pass.
fn cues() -> &'static PhraseSet<5> {
    static CUES: OnceLock<PhraseSet<5>> = OnceLock::new();
    CUES.get_or_init(|| {
        PhraseSet::new([
            feedback_wants(),
            feedback_fatigue(),
            feedback_frequency(),
            feedback_contact(),
            feedback_pushiness(),
        ])
    })
}

/// Loads the cue lists. Loading reads their texts with the thread's word
/// table, so it comes before the table is borrowed for [`extract_lexed`].
pub fn load() {
    cues();
    feedback_want_fillers();
}

/// Reads the themes of `text` into `themes`, replacing what it held.
pub fn extract(text: &str, themes: &mut CommentThemes) {
    load();
    with_lexed(text, |lexed| extract_lexed(text, &lexed, themes));
}

/// The key of the first theme of `text`: it tells whether two builds key
/// themes alike ([`super::state`]); 0 when the text has no theme.
pub fn probe_key(text: &str) -> u64 {
    let mut themes = CommentThemes::default();
    extract(text, &mut themes);
    themes.phrases().next().map_or(0, |theme| theme.key())
}

/// [`extract`] on the words of `text` as the word table read them, which the
/// sentiment scorer reads too.
pub fn extract_lexed(text: &str, lexed: &Lexed<'_>, themes: &mut CommentThemes) {
    themes.text.clear();
    themes.text.push_str(text);
    themes.wants.clear();
    themes.want_runs.clear();
    themes.phrases.clear();
    let mut any = [false; 5];
    cues().find(lexed, |list, cue| {
        any[list] = true;
        if list == 0 {
            wants(lexed, cue.tokens.end, themes);
        }
    });
    let [_, fatigue, frequency, contact, pushiness] = any;
    themes.fatigue = fatigue || (frequency && contact);
    themes.pushy = pushiness;
    phrases(lexed, themes);
}

/// The want named after a cue that ends before lexeme `end`, in the cue's
/// clause: its first run of naming words (content words that are no
/// filler), at most [`WANT_WORDS`]. Before the run, words that name nothing
/// are passed over ("to have an oat milk"); within it, fillers are ("oat
/// milk option lattes"), and any other word that names nothing ends it: a
/// preposition, a conjunction, a pronoun ("loan bike during repairs", "oat
/// milk and soy", "a bike I can borrow"). A filler followed by "of" drops
/// the words before it, which described the choice ("a wider range of
/// teas" asks for teas). The runs of its words it is counted under are
/// kept in `want_runs`.
fn wants(lexed: &Lexed<'_>, end: usize, themes: &mut CommentThemes) {
    let lexemes = lexed.lexemes;
    let clause = lexemes[end - 1].clause;
    let fillers = feedback_want_fillers();
    let mut named = [0; WANT_WORDS];
    let mut n = 0;
    for (i, lexeme) in lexemes.iter().enumerate().skip(end) {
        if lexeme.clause != clause || n == WANT_WORDS {
            break;
        }
        if !lexeme.word.content {
            if n > 0 {
                break;
            }
        } else if fillers.contains(lexed.word(i)) {
            let of = lexemes.get(i + 1).is_some_and(|next| next.clause == clause)
                && lexed.word(i + 1) == "of";
            if of {
                n = 0;
            }
        } else {
            named[n] = i;
            n += 1;
        }
    }
    if n == 0 {
        return;
    }
    keep(&mut themes.wants, lexed, &named[..n]);
    for len in (1..=n).rev() {
        for run in named[..n].windows(len) {
            keep(&mut themes.want_runs, lexed, run);
        }
    }
}

fn phrases(lexed: &Lexed<'_>, themes: &mut CommentThemes) {
    for (i, pair) in lexed.lexemes.windows(2).enumerate() {
        let [a, b] = pair else { continue };
        if a.clause == b.clause && a.word.content && b.word.content {
            keep(&mut themes.phrases, lexed, &[i, i + 1]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn themes_of(text: &str) -> CommentThemes {
        let mut themes = CommentThemes::default();
        extract(text, &mut themes);
        themes
    }

    fn wants_of(text: &str) -> Vec<String> {
        themes_of(text).wants().map(|w| w.display()).collect()
    }

    fn key_of(text: &str) -> u64 {
        let themes = themes_of(text);
        let keys: Vec<u64> = themes.wants().map(|w| w.key()).collect();
        assert_eq!(keys.len(), 1, "{text}");
        keys[0]
    }

    #[test]
    fn wants_name_what_follows_the_cue() {
        assert_eq!(
            wants_of("I wish you had a loan bike during repairs."),
            ["loan bike"]
        );
        assert_eq!(
            wants_of("Any chance of evening classes?"),
            ["evening classes"]
        );
        assert!(wants_of("Great service, thanks").is_empty());
    }

    #[test]
    fn a_want_ends_with_its_clause() {
        assert_eq!(
            wants_of("Would love Saturday opening, honestly"),
            ["saturday opening"]
        );
        assert!(wants_of("Would love, if possible, oat milk").is_empty());
    }

    #[test]
    fn words_that_name_nothing_are_passed_over_before_the_want() {
        assert_eq!(wants_of("I would like to have some oat milk"), ["oat milk"]);
        assert_eq!(wants_of("Please add 24 hour opening"), ["hour opening"]);
    }

    #[test]
    fn a_word_that_names_nothing_ends_the_want() {
        // A preposition, a conjunction, a pronoun.
        assert_eq!(
            wants_of("Would love a loan bike during repairs"),
            ["loan bike"]
        );
        assert_eq!(wants_of("Please add oat milk and soy milk"), ["oat milk"]);
        assert_eq!(wants_of("I wish you had a bike I could borrow"), ["bike"]);
    }

    #[test]
    fn fillers_are_passed_over_wherever_they_stand() {
        assert_eq!(wants_of("I wish you sold an oat milk option"), ["oat milk"]);
        assert_eq!(
            wants_of("Any chance you could stock gluten free bread please?"),
            ["gluten free bread"]
        );
        assert!(wants_of("Would love more options").is_empty());
    }

    #[test]
    fn a_filler_before_of_drops_what_described_the_choice() {
        assert_eq!(wants_of("Would love a wider range of teas"), ["teas"]);
        assert_eq!(wants_of("Please add a choice of oat milk"), ["oat milk"]);
    }

    #[test]
    fn fillers_are_words_not_stems() {
        assert_eq!(wants_of("Would love more offers for students"), ["offers"]);
        assert_eq!(wants_of("I wish you had kinder staff"), ["kinder staff"]);
    }

    #[test]
    fn a_want_is_named_in_four_words_at_most() {
        assert_eq!(
            wants_of("Please add late night weekend opening hours"),
            ["late night weekend opening"]
        );
    }

    #[test]
    fn hyphens_spaces_case_and_inflections_make_the_same_want() {
        let key = key_of("Please add oat milk");
        for text in [
            "Please add oat-milk",
            "PLEASE ADD OAT MILK",
            "Would love an oat-milk option",
        ] {
            assert_eq!(key_of(text), key, "{text}");
        }
        assert_eq!(
            key_of("Would love loan bikes"),
            key_of("I wish you had a loan bike")
        );
        assert_ne!(key, key_of("Please add oat milk lattes"));
    }

    #[test]
    fn a_want_is_counted_under_every_run_of_its_words_once_per_comment() {
        let themes = themes_of("Please add gluten free bread. Would love gluten free bread rolls");
        let runs: Vec<String> = themes.want_runs().map(|r| r.display()).collect();
        assert_eq!(
            runs,
            [
                "gluten free bread",
                "gluten free",
                "free bread",
                "gluten",
                "free",
                "bread",
                "gluten free bread rolls",
                "free bread rolls",
                "bread rolls",
                "rolls",
            ]
        );
        let wants: Vec<String> = themes.wants().map(|w| w.display()).collect();
        assert_eq!(wants, ["gluten free bread", "gluten free bread rolls"]);
    }

    #[test]
    fn every_filler_is_a_content_word() {
        // A stop word is passed over anyway: listing it would only hide
        // that it does nothing.
        let fillers = include_str!("../text/lexicon/feedback_want_fillers.txt");
        for filler in crate::text::lexicon_lines(fillers) {
            let tokens = crate::text::tokenize(filler);
            assert!(
                tokens.len() == 1 && tokens[0].content,
                "{filler} is no content word"
            );
        }
    }

    #[test]
    fn fatigue_needs_a_contact_when_it_is_only_frequency() {
        assert!(themes_of("Too many emails.").fatigue);
        assert!(themes_of("Please unsubscribe me").fatigue);
        assert!(themes_of("Texts every day about offers").fatigue);
        assert!(!themes_of("I ride it every day and love it").fatigue);
        assert!(!themes_of("No spam at all, just useful tips").fatigue);
    }

    #[test]
    fn pushiness_is_about_people_not_tyres() {
        assert!(themes_of("The salesman was really pushy").pushy);
        assert!(!themes_of("They checked my tyre pressure for free").pushy);
        assert!(!themes_of("No pressure to buy, which I liked").pushy);
    }

    #[test]
    fn phrases_are_stemmed_pairs_within_a_clause() {
        let themes = themes_of("Late deliveries, again. Delivery late!");
        let keys: Vec<String> = themes.phrases().map(|p| p.display()).collect();
        assert_eq!(keys, ["late deliveries", "delivery late"]);
    }
}
