//! A text cut into the things it says: its clauses, cut again where a
//! linking word ("and", "with", "plus") starts a second thing, each with the
//! mark that ends its clause. The TX rules judge a message part by part: in
//! "30% off, with the grower's planting notes" the notes stand next to the
//! price, while the "help" of "help yourself to 30% off" is part of the push.

use std::ops::Range;

use super::Token;
use super::phrases::is_negator;

/// Words that start a new part inside a clause: what follows them is a
/// second thing, said next to the first.
const LINKS: &[&str] = &["and", "with", "plus", "but", "or", "including", "alongside"];

/// Words that make a question open: it asks something a customer can answer
/// in their own words, not only yes or no.
const QUESTION_WORDS: &[&str] = &[
    "what", "what's", "which", "how", "how's", "where", "where's", "when", "who", "who's", "why",
];

/// One thing a text says: a clause, or the piece of one before or after a
/// linking word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The indices of its tokens.
    pub tokens: Range<usize>,
    /// The mark that ends its clause (`,` `;` `.` `!` `?` `:`), when the part
    /// is the last of a clause that has one: `?` for a question, `:` for a
    /// label such as "Final hours:" that introduces what follows.
    pub end: Option<char>,
}

impl Part {
    /// Whether the part is a label: it ends in a colon and announces what
    /// comes after it rather than saying something itself.
    pub fn is_label(&self) -> bool {
        self.end == Some(':')
    }

    /// Whether the part is an open question without negation ("Which trail
    /// are you planning?"): a yes-or-no opener ("Ready to ride?") or a
    /// negated one ("Why not treat yourself?", "Who doesn't love a
    /// bargain?") only leads into what follows.
    pub fn asks_openly(&self, tokens: &[Token]) -> bool {
        let words = || tokens[self.tokens.clone()].iter().map(|t| &*t.word);
        self.end == Some('?')
            && words().any(|w| QUESTION_WORDS.contains(&w))
            && !words().any(is_negator)
    }

    /// Whether a match that starts at token `at` is in this part.
    pub fn holds(&self, at: usize) -> bool {
        self.tokens.contains(&at)
    }
}

/// Whether `text` asks an open question: a sentence that ends in a question
/// mark and has a part with a question word or an invitation to say
/// anything ("Is there anything that would make it easier to come back?",
/// "Was there something that stopped you coming?", or opens with "any":
/// "Any tournaments coming up?", not "Any chance you would try...?") and no
/// negation in that part. A question
/// read as a whole sentence, so that a list in it ("What should we change,
/// add or stop before next season?") does not hide its question word.
pub fn asks_openly(text: &str, tokens: &[Token]) -> bool {
    let parts = parts(text, tokens);
    let mut first = 0;
    for (i, part) in parts.iter().enumerate() {
        if !matches!(part.end, Some('.' | '!' | '?')) {
            continue;
        }
        let sentence = &parts[first..=i];
        first = i + 1;
        // A part that asks, with no negation in it: "No pressure: what
        // would make Tuesdays easier?" asks openly, "Why not treat
        // yourself?" does not.
        // A negation after "anything" or "something" is what is asked
        // about: "Is anything about the arrangement not working for you?"
        let asks = |p: &Part| {
            let words: Vec<&str> = tokens[p.tokens.clone()].iter().map(|t| &*t.word).collect();
            let invites = words
                .iter()
                .position(|w| matches!(*w, "anything" | "something"));
            words.iter().any(|w| QUESTION_WORDS.contains(w)) && !words.iter().any(|w| is_negator(w))
                || invites.is_some_and(|at| !words[..at].iter().any(|w| is_negator(w)))
        };
        // "Any tournaments or new kit coming up?" opens with its invitation.
        let opens_with_any = sentence.first().is_some_and(|p| {
            let words = &tokens[p.tokens.clone()];
            words.first().is_some_and(|t| &*t.word == "any")
                && !words
                    .get(1)
                    .is_some_and(|t| ["chance", "interest", "reason"].contains(&&*t.word))
        }) && !sentence
            .iter()
            .any(|p| tokens[p.tokens.clone()].iter().any(|t| is_negator(&t.word)));
        if part.end == Some('?') && (sentence.iter().any(asks) || opens_with_any) {
            return true;
        }
    }
    false
}

/// The parts of `text`, whose tokens are `tokens`, in order.
pub fn parts(text: &str, tokens: &[Token]) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, token) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1);
        let clause_ends = next.is_none_or(|n| n.clause != token.clause);
        let link_follows = next.is_some_and(|n| LINKS.contains(&&*n.word));
        if clause_ends || link_follows {
            let end = if clause_ends {
                let between = token.span.end..next.map_or(text.len(), |n| n.span.start);
                clause_mark(text.get(between).unwrap_or_default())
            } else {
                None
            };
            parts.push(Part {
                tokens: start..i + 1,
                end,
            });
            start = i + 1;
        }
    }
    parts
}

/// The first mark that ends a clause in the text between two words.
fn clause_mark(between: &str) -> Option<char> {
    between
        .chars()
        .find(|c| matches!(c, ',' | ';' | '.' | '!' | '?' | ':'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// Each part's text and the mark that ends it.
    fn read(text: &str) -> Vec<(String, Option<char>)> {
        let tokens = tokenize(text);
        parts(text, &tokens)
            .into_iter()
            .map(|p| {
                let span = tokens[p.tokens.start].span.start..tokens[p.tokens.end - 1].span.end;
                (text[span].to_owned(), p.end)
            })
            .collect()
    }

    #[test]
    fn clauses_and_links_make_parts() {
        assert_eq!(
            read("Autumn cheeses with the maker's pairing notes, and 10% off for members"),
            [
                ("Autumn cheeses".to_owned(), None),
                ("with the maker's pairing notes".to_owned(), Some(',')),
                ("and 10% off for members".to_owned(), None),
            ]
        );
        assert_eq!(
            read("LAST DAY: 40% off all tents. Order before midnight!"),
            [
                ("LAST DAY".to_owned(), Some(':')),
                ("40% off all tents".to_owned(), Some('.')),
                ("Order before midnight".to_owned(), Some('!')),
            ]
        );
        assert!(read("").is_empty());
    }

    #[test]
    fn labels_and_open_questions() {
        let text = "Tip: which route do you ride? Ready to ride? Why not treat yourself?";
        let tokens = tokenize(text);
        let parts = parts(text, &tokens);
        assert!(parts[0].is_label());
        let open: Vec<bool> = parts.iter().map(|p| p.asks_openly(&tokens)).collect();
        assert_eq!(open, [false, true, false, false]);
    }

    #[test]
    fn an_open_question_is_read_as_a_whole_sentence() {
        for text in [
            "What should we change, add or stop before next season?",
            "Is everything all right, and is there anything that would make it easier to come back?",
            "Thanks! Which route do you ride?",
            "Was there something about the darkroom that stopped you coming?",
            "No pressure: what would make Tuesdays easier for you?",
            "Any tournaments, new kit or changes to collection times coming up?",
            "Do you trust your things are safe? Is anything about the arrangement not working for you?",
        ] {
            assert!(asks_openly(text, &tokenize(text)), "{text}");
        }
        for text in [
            "Ready to ride?",
            "Why not treat yourself?",
            "What a day. Coming back?",
            "Any reason not to upgrade today?",
            "Any chance you would try the fruit bag too?",
        ] {
            assert!(!asks_openly(text, &tokenize(text)), "{text}");
        }
    }
}
