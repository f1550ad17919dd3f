//! What a comment is about: recurring phrases, and the three kinds of theme
//! the FB rules need (wants, contact fatigue, pushiness).

use crate::text::lexicons::{
    feedback_contact, feedback_fatigue, feedback_frequency, feedback_pushiness, feedback_wants,
};
use crate::text::{Token, concepts, tokenize};

/// How many content words after a want cue name the want.
const WANT_WORDS: usize = 2;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommentThemes {
    /// The comment complains about how often it is contacted.
    pub fatigue: bool,
    /// The comment complains about sales pressure.
    pub pushy: bool,
    /// What the comment asks for ("I wish you had a loan bike" -> "loan bike").
    pub wants: Vec<Theme>,
    /// Pairs of adjacent content words, stemmed ("late delivery").
    pub phrases: Vec<Theme>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Stems, space-separated: what counts as the same theme.
    pub key: String,
    /// The words as the comment wrote them (lower-cased).
    pub display: String,
}

impl Theme {
    fn of(tokens: &[&Token]) -> Self {
        let join =
            |f: fn(&Token) -> &str| tokens.iter().map(|t| f(t)).collect::<Vec<_>>().join(" ");
        Self {
            key: join(|t| &*t.stem),
            display: join(|t| &*t.word),
        }
    }
}

pub fn extract(text: &str) -> CommentThemes {
    let tokens = tokenize(text);
    let content: Vec<bool> = tokens.iter().map(|t| concepts().is_content(t)).collect();
    let frequent = !feedback_frequency().find(&tokens).is_empty()
        && !feedback_contact().find(&tokens).is_empty();
    CommentThemes {
        fatigue: frequent || !feedback_fatigue().find(&tokens).is_empty(),
        pushy: !feedback_pushiness().find(&tokens).is_empty(),
        wants: wants(&tokens, &content),
        phrases: phrases(&tokens, &content),
    }
}

fn wants(tokens: &[Token], content: &[bool]) -> Vec<Theme> {
    let mut wants: Vec<Theme> = Vec::new();
    for cue in feedback_wants().find(tokens) {
        let clause = tokens[cue.tokens.end - 1].clause;
        let named: Vec<&Token> = tokens[cue.tokens.end..]
            .iter()
            .zip(&content[cue.tokens.end..])
            .take_while(|(t, _)| t.clause == clause)
            .filter(|(_, is_content)| **is_content)
            .map(|(t, _)| t)
            .take(WANT_WORDS)
            .collect();
        if !named.is_empty() {
            let theme = Theme::of(&named);
            if !wants.contains(&theme) {
                wants.push(theme);
            }
        }
    }
    wants
}

fn phrases(tokens: &[Token], content: &[bool]) -> Vec<Theme> {
    let mut phrases: Vec<Theme> = Vec::new();
    for (i, pair) in tokens.windows(2).enumerate() {
        let [a, b] = pair else { continue };
        if a.clause == b.clause && content[i] && content[i + 1] {
            let theme = Theme::of(&[a, b]);
            if !phrases.iter().any(|p| p.key == theme.key) {
                phrases.push(theme);
            }
        }
    }
    phrases
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wants_of(text: &str) -> Vec<String> {
        extract(text).wants.into_iter().map(|w| w.display).collect()
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
        let keys: Vec<String> = extract("Late deliveries, again. Delivery late!")
            .phrases
            .into_iter()
            .map(|p| p.display)
            .collect();
        assert_eq!(keys, ["late deliveries", "delivery late"]);
    }
}
