//! What a comment is about: recurring phrases, and the three kinds of theme
//! the FB rules need (wants, contact fatigue, pushiness).

use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use rustc_hash::FxHasher;

use crate::text::lexicons::{
    feedback_contact, feedback_fatigue, feedback_frequency, feedback_pushiness, feedback_wants,
};
use crate::text::{Match, PhraseSet, Token, tokenize};

/// How many content words after a want cue name the want.
const WANT_WORDS: usize = 2;

/// What one comment is about. Themes point into the comment's tokens, so
/// nothing is copied until a theme is kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommentThemes {
    /// The comment complains about how often it is contacted.
    pub fatigue: bool,
    /// The comment complains about sales pressure.
    pub pushy: bool,
    tokens: Vec<Token>,
    /// The words naming each want ("I wish you had a loan bike" -> "loan bike").
    wants: Vec<Vec<usize>>,
    /// Pairs of adjacent content words ("late delivery"), by their first word.
    phrases: Vec<[usize; 2]>,
}

/// One theme of a comment.
#[derive(Debug, Clone, Copy)]
pub struct Theme<'a> {
    tokens: &'a [Token],
    words: &'a [usize],
}

impl Theme<'_> {
    /// What counts as the same theme: the words' stems, hashed.
    pub fn key(&self) -> u64 {
        let mut hasher = FxHasher::default();
        for &i in self.words {
            self.tokens[i].stem_hash.hash(&mut hasher);
        }
        hasher.finish()
    }

    /// The words as the comment wrote them (lower-cased).
    pub fn display(&self) -> String {
        let mut out = String::new();
        for &i in self.words {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&self.tokens[i].word);
        }
        out
    }
}

impl CommentThemes {
    pub fn wants(&self) -> impl Iterator<Item = Theme<'_>> {
        self.wants.iter().map(|w| Theme {
            tokens: &self.tokens,
            words: w,
        })
    }

    pub fn phrases(&self) -> impl Iterator<Item = Theme<'_>> {
        self.phrases.iter().map(|p| Theme {
            tokens: &self.tokens,
            words: p,
        })
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

pub fn extract(text: &str) -> CommentThemes {
    let tokens = tokenize(text);
    let [want_cues, fatigue, frequency, contact, pushiness] = cues().find(&tokens);
    let fatigue = !fatigue.is_empty() || (!frequency.is_empty() && !contact.is_empty());
    let pushy = !pushiness.is_empty();
    let wants = wants(&tokens, &want_cues);
    let phrases = phrases(&tokens);
    CommentThemes {
        fatigue,
        pushy,
        tokens,
        wants,
        phrases,
    }
}

fn wants(tokens: &[Token], cues: &[Match]) -> Vec<Vec<usize>> {
    let mut wants: Vec<Vec<usize>> = Vec::new();
    for cue in cues {
        let clause = tokens[cue.tokens.end - 1].clause;
        let named: Vec<usize> = (cue.tokens.end..tokens.len())
            .take_while(|&i| tokens[i].clause == clause)
            .filter(|&i| tokens[i].content)
            .take(WANT_WORDS)
            .collect();
        let same = |w: &Vec<usize>| {
            w.iter()
                .map(|&i| &tokens[i].stem)
                .eq(named.iter().map(|&i| &tokens[i].stem))
        };
        if !named.is_empty() && !wants.iter().any(same) {
            wants.push(named);
        }
    }
    wants
}

fn phrases(tokens: &[Token]) -> Vec<[usize; 2]> {
    let mut phrases: Vec<[usize; 2]> = Vec::new();
    for (i, pair) in tokens.windows(2).enumerate() {
        let [a, b] = pair else { continue };
        if a.clause != b.clause || !a.content || !b.content {
            continue;
        }
        let seen = phrases
            .iter()
            .any(|&[x, y]| tokens[x].stem == a.stem && tokens[y].stem == b.stem);
        if !seen {
            phrases.push([i, i + 1]);
        }
    }
    phrases
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wants_of(text: &str) -> Vec<String> {
        extract(text).wants().map(|w| w.display()).collect()
    }

    #[test]
    fn wants_name_what_follows_the_cue() {
        assert_eq!(
            wants_of("I wish you had a loan bike during repairs."),
            ["loan bike"]
        );
        assert_eq!(
            wants_of("Would love Saturday opening, honestly"),
            ["saturday opening"]
        );
        assert_eq!(
            wants_of("Any chance of evening classes?"),
            ["evening classes"]
        );
        assert!(wants_of("Great service, thanks").is_empty());
    }

    #[test]
    fn fatigue_needs_a_contact_when_it_is_only_frequency() {
        assert!(extract("Too many emails.").fatigue);
        assert!(extract("Please unsubscribe me").fatigue);
        assert!(extract("Texts every day about offers").fatigue);
        assert!(!extract("I ride it every day and love it").fatigue);
        assert!(!extract("No spam at all, just useful tips").fatigue);
    }

    #[test]
    fn pushiness_is_about_people_not_tyres() {
        assert!(extract("The salesman was really pushy").pushy);
        assert!(!extract("They checked my tyre pressure for free").pushy);
        assert!(!extract("No pressure to buy, which I liked").pushy);
    }

    #[test]
    fn phrases_are_stemmed_pairs_within_a_clause() {
        let themes = extract("Late deliveries, again. Delivery late!");
        let keys: Vec<String> = themes.phrases().map(|p| p.display()).collect();
        assert_eq!(keys, ["late deliveries", "delivery late"]);
    }
}
