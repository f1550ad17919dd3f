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
                let ends = tokens.get(i + 1).is_none_or(|next| {
                    next.clause != token.clause
                        || HEAD_ENDS.contains(&&*next.word)
                        || ["and", "or"].contains(&&*next.word)
                });
                if ends {
                    offer.heads.insert(token.stem.to_string());
                }
            }
        }
        offer
    }

    /// Whether a stem is a word of the WHAT.
    pub fn contains(&self, stem: &str) -> bool {
        self.stems.contains(stem)
    }

    /// Whether the head of a text's first phrase is a thing sold: "Carbon
    /// trekking poles", "GPS pendants for use outside the home". Not a
    /// person's own ("Her garden"), an act ("Shopping for the
    /// grandchildren") or a service's appointment, review or letter, which
    /// is the service's only when the word before it names the offer.
    pub fn at_the_head(&self, tokens: &[Token]) -> bool {
        let owned = tokens.first().is_some_and(|t| PERSONAL.contains(&&*t.word));
        !owned
            && first_heads(tokens).next().is_some_and(|h| {
                let word = &*tokens[h].word;
                self.heads.contains(tokens[h].stem.as_ref())
                    && !word.ends_with("ing")
                    && !SERVICE_PARTS.contains(&word)
            })
    }
}

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
        for head in ["Carbon trekking poles", "GPS pendants for use outside"] {
            assert!(offer.at_the_head(&tokenize(head)), "{head}");
        }
        for life in ["Walks with the ramblers", "Her poles", "Shopping for poles"] {
            assert!(!offer.at_the_head(&tokenize(life)), "{life}");
        }
        let heads: Vec<usize> =
            first_heads(&tokenize("Sale dates and discounts on boots")).collect();
        assert_eq!(heads, vec![1, 3]);
    }
}
