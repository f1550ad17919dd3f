//! What a business sells, as its WHAT names it: the words of it and the
//! things sold, read against a persona's words by the rules that tell the
//! offer from a person's life (HUM001) and the business's catalogue from
//! what people said (YOU006).

use std::collections::HashSet;

use super::{HEAD_ENDS, Token, head_end, tokenize};

/// What the business sells: every word of the WHAT (its statement and
/// offerings) that carries meaning, by stem, and the heads of its phrases,
/// the things sold ("sticks" and "poles" in "Walking sticks and trekking
/// poles", not "walking").
#[derive(Debug, Default)]
pub struct Offer {
    pub stems: HashSet<String>,
    heads: HashSet<String>,
}

impl Offer {
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut offer = Offer::default();
        for text in texts {
            let tokens = tokenize(text);
            for (i, token) in tokens.iter().enumerate().filter(|(_, t)| t.content) {
                offer.stems.insert(token.stem.to_string());
                // Whom it is for, where, or what about is no thing sold:
                // "for families", "in the Tamar valley", "on breathing and
                // sleep"; "with" adds a thing ("with alarm pendants").
                let object = tokens[..i]
                    .iter()
                    .rev()
                    .take(GOVERNED)
                    .take_while(|t| t.clause == token.clause)
                    .take_while(|t| !text[t.span.end..token.span.start].contains(','))
                    .any(|t| HEAD_ENDS.contains(&&*t.word) && &*t.word != "with");
                // A bracketed aside ends the phrase too: "app" in "A free
                // app (iPhone, Android and web) for families".
                let ends = tokens.get(i + 1).is_none_or(|next| {
                    next.clause != token.clause
                        || HEAD_ENDS.contains(&&*next.word)
                        || ["and", "or"].contains(&&*next.word)
                        || text[token.span.end..next.span.start].contains('(')
                });
                if ends && !object {
                    offer.heads.insert(token.stem.to_string());
                }
            }
        }
        offer
    }

    /// Whether a stem is a thing the WHAT sells, the head of one of its
    /// phrases.
    pub fn is_head(&self, stem: &str) -> bool {
        self.heads.contains(stem)
    }

    /// Whether a stem is a word of the WHAT.
    pub fn contains(&self, stem: &str) -> bool {
        self.stems.contains(stem)
    }

    /// Whether the head of a text's first phrase is a thing sold: "Carbon
    /// trekking poles", "GPS pendants for use outside the home". Not a
    /// person's own ("Her garden"), an act ("Shopping for the
    /// grandchildren", "Teaching their children to cook"), a thing placed
    /// somewhere or shared with someone the WHAT does not name ("Pottery
    /// classes at the college", "Walks with the grandchildren"), or a
    /// service's appointment, review or letter, which is
    /// the service's only when the word before it names the offer.
    pub fn at_the_head(&self, tokens: &[Token]) -> bool {
        let owned = tokens.first().is_some_and(|t| PERSONAL.contains(&&*t.word));
        let act = tokens
            .first()
            .is_some_and(|t| t.word.ends_with("ing") && !self.contains(&t.stem))
            && tokens
                .get(1)
                .is_some_and(|t| ACT_OBJECTS.contains(&&*t.word));
        if owned || act {
            return false;
        }
        first_heads(tokens).next().is_some_and(|h| {
            let word = &*tokens[h].word;
            let end = head_end(tokens, h);
            let elsewhere = tokens
                .get(end)
                .is_some_and(|t| ["at", "from", "with"].contains(&&*t.word))
                && tokens[end..]
                    .iter()
                    .any(|t| t.content && !self.contains(&t.stem));
            self.heads.contains(tokens[h].stem.as_ref())
                && !elsewhere
                && !word.ends_with("ing")
                && !SERVICE_PARTS.contains(&word)
        })
    }
}

/// Words after an opening -ing word that make it an act on something:
/// "Teaching their children", "Visiting the farm".
const ACT_OBJECTS: &[&str] = &[
    "the", "a", "an", "their", "her", "his", "my", "your", "other",
];

/// How many words back a preposition may govern a word of the WHAT: a
/// bound, so that a long text costs no more than a line per word.
const GOVERNED: usize = 12;

/// Words that make what follows a person's own: "Her garden" is her life
/// even for a garden centre.
const PERSONAL: &[&str] = &["her", "his", "their", "my", "your"];

/// Parts of a service that are its own only when a word of the WHAT names
/// them: an appointment, a review, a letter.
pub const SERVICE_PARTS: &[&str] = &[
    "appointment",
    "appointments",
    "review",
    "reviews",
    "letter",
    "letters",
];

/// The heads of a text's first phrase, the things it names: the last word
/// that carries meaning before each "and" or "or" and before a preposition
/// or a new clause ("pendants" in "GPS pendants for use outside the home",
/// "dates" and "discounts" in "Sale dates and discounts").
pub fn first_heads(tokens: &[Token]) -> impl Iterator<Item = usize> + '_ {
    let first = tokens
        .iter()
        .position(|t| t.content)
        .unwrap_or(tokens.len());
    let end = if first < tokens.len() {
        head_end(tokens, first)
    } else {
        first
    };
    tokens[first..end]
        .split(|t| ["and", "or"].contains(&&*t.word))
        .scan(first, |start, part| {
            let at = *start;
            *start += part.len() + 1;
            Some(part.iter().rposition(|t| t.content).map(|i| at + i))
        })
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_things_sold_are_the_heads_of_the_what() {
        let offer = Offer::of(["Walking sticks, trekking poles and alarm pendants for the home"]);
        assert!(offer.contains("walk"));
        let app = Offer::of(["A free app (iPhone, Android and web) for families"]);
        assert!(app.is_head("app"), "a bracketed aside ends the phrase");
        for head in ["Carbon trekking poles", "GPS pendants for use outside"] {
            assert!(offer.at_the_head(&tokenize(head)), "{head}");
        }
        for life in [
            "Walks with the ramblers",
            "Her poles",
            "Shopping for poles",
            "Poles from the ramblers' club",
            "Teaching their children to walk",
            "Walks with the grandchildren",
        ] {
            assert!(!offer.at_the_head(&tokenize(life)), "{life}");
        }
        let heads: Vec<usize> =
            first_heads(&tokenize("Sale dates and discounts on boots")).collect();
        assert_eq!(heads, vec![1, 3]);
    }
}
