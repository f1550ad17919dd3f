//! Concepts: what two texts must share to be "about the same thing".
//!
//! A concept is a synonym group from `lexicon/concepts.txt` ("calm", "relaxed",
//! "unhurried"), or else the stem of a content word. Stop words and words too
//! generic in plans to mean anything ("customer", "new") carry no concept.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::{Token, lexicon_lines, stem, tokenize};

#[derive(Debug)]
pub struct Concepts {
    stop: HashSet<String>,
    /// The synonym groups as written, parsed on first use: feedback analysis
    /// only asks which words carry meaning, and stemming every word of every
    /// group would cost it as much as reading a few thousand comments.
    group_lines: &'static str,
    /// Stem to the name of its synonym group (the group's first word).
    groups: OnceLock<HashMap<String, String>>,
}

pub fn concepts() -> &'static Concepts {
    static CONCEPTS: OnceLock<Concepts> = OnceLock::new();
    CONCEPTS.get_or_init(|| {
        Concepts::parse(
            include_str!("lexicon/concepts.txt"),
            include_str!("lexicon/stopwords.txt"),
        )
    })
}

impl Concepts {
    pub fn parse(groups: &'static str, stop_words: &str) -> Self {
        let stop = lexicon_lines(stop_words)
            .flat_map(|w| [w.to_lowercase(), stem(&w.to_lowercase())])
            .collect();
        Self {
            stop,
            group_lines: groups,
            groups: OnceLock::new(),
        }
    }

    fn groups(&self) -> &HashMap<String, String> {
        self.groups.get_or_init(|| {
            let mut by_stem = HashMap::default();
            for line in lexicon_lines(self.group_lines) {
                let words: Vec<_> = line.split(',').map(|w| w.trim().to_lowercase()).collect();
                let Some(name) = words.first().filter(|w| !w.is_empty()) else {
                    continue;
                };
                let name = format!("~{name}");
                for word in &words {
                    by_stem.entry(stem(word)).or_insert_with(|| name.clone());
                }
            }
            by_stem
        })
    }

    /// True for a word that carries meaning: not a stop word, not a number,
    /// longer than two letters.
    pub fn is_content(&self, token: &Token) -> bool {
        self.is_content_word(&token.word, &token.stem)
    }

    pub fn is_content_word(&self, word: &str, stem: &str) -> bool {
        word.chars().count() > 2
            && !word.chars().all(|c| c.is_ascii_digit())
            && !self.stop.contains(word)
            && !self.stop.contains(stem)
    }

    /// The concepts a text talks about.
    pub fn of(&self, text: &str) -> BTreeSet<String> {
        tokenize(text)
            .into_iter()
            .filter(|t| self.is_content(t))
            .map(|t| {
                self.groups()
                    .get(&*t.stem)
                    .cloned()
                    .unwrap_or_else(|| t.stem.to_string())
            })
            .collect()
    }

    /// The concepts of `text` found in any of `others`, readable (group names
    /// without their marker).
    pub fn shared_with<'a>(
        &self,
        text: &str,
        others: impl IntoIterator<Item = &'a str>,
    ) -> Vec<String> {
        let mine = self.of(text);
        let theirs: BTreeSet<String> = others.into_iter().flat_map(|o| self.of(o)).collect();
        mine.intersection(&theirs)
            .map(|c| c.trim_start_matches('~').to_owned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Concepts {
        Concepts::parse(
            "calm, relaxed, unhurried\nsafe, safety, secure\n",
            "the\nand\nour\ncustomer\n",
        )
    }

    #[test]
    fn synonyms_and_inflections_share_a_concept() {
        let c = small();
        assert_eq!(c.shared_with("a relaxed ride", ["calm streets"]), ["calm"]);
        assert_eq!(c.shared_with("riders", ["every rider"]), ["rider"]);
    }

    #[test]
    fn stop_words_and_numbers_share_nothing() {
        let c = small();
        assert!(
            c.shared_with("our customer and the 2027 plan", ["our customer in 2027"])
                .is_empty()
        );
    }

    #[test]
    fn the_shipped_lexicons_load() {
        let c = concepts();
        assert!(c.groups().len() > 100, "concepts.txt looks empty");
        assert!(c.stop.contains("the"));
    }
}
