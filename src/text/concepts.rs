//! Concepts: what two texts must share to be "about the same thing".
//!
//! A concept is a synonym group from `lexicon/concepts.txt` ("calm", "relaxed",
//! "unhurried"), or else the stem of a content word.
//!
//! Two readings: [`Concepts::of`] leaves out function words
//! (`lexicon/stopwords.txt`) and the words nearly every plan uses
//! (`lexicon/common_words.txt`: "customer", "plan", "day"), as the feedback
//! themes do; [`Concepts::meaning`] leaves out only function words, and
//! [`Weights`] then weighs each common word by how many of a plan's items use
//! it, so that "plan" counts in a plan that says it once and weighs nothing in
//! one that says it everywhere. Alignment (WHY004, WHY005) reads the second
//! way.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::{Token, lexicon_lines, stem, tokenize};

#[derive(Debug)]
pub struct Concepts {
    /// Function words and common words, with their stems.
    stop: HashSet<String>,
    /// Function words alone, with their stems.
    function: HashSet<String>,
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
            include_str!("lexicon/common_words.txt"),
        )
    })
}

/// The words of a lexicon and their stems.
fn words_and_stems(lexicon: &str) -> HashSet<String> {
    lexicon_lines(lexicon)
        .flat_map(|w| [w.to_lowercase(), stem(&w.to_lowercase())])
        .collect()
}

impl Concepts {
    pub fn parse(groups: &'static str, function_words: &str, common_words: &str) -> Self {
        let function = words_and_stems(function_words);
        let mut stop = words_and_stems(common_words);
        stop.extend(function.iter().cloned());
        Self {
            stop,
            function,
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

    /// The concept a stem stands for: its synonym group, or itself.
    fn concept(&self, stem: &str) -> String {
        self.groups()
            .get(stem)
            .cloned()
            .unwrap_or_else(|| stem.to_owned())
    }

    /// The concepts a text talks about, common words left out.
    pub fn of(&self, text: &str) -> BTreeSet<String> {
        tokenize(text)
            .into_iter()
            .filter(|t| self.is_content(t))
            .map(|t| self.concept(&t.stem))
            .collect()
    }

    /// The concepts a text talks about, only function words left out, each
    /// with the first word that said it (as written, lower case) and whether
    /// it is a common word: what alignment compares, with [`Weights`] to
    /// weigh the common ones.
    pub fn meaning(&self, text: &str) -> BTreeMap<String, Said> {
        let mut found = BTreeMap::new();
        for token in tokenize(text) {
            let word = &*token.word;
            if word.chars().count() > 2
                && !word.chars().all(|c| c.is_ascii_digit())
                && !self.function.contains(word)
                && !self.function.contains(&*token.stem)
            {
                let concept = self.groups().get(&*token.stem).map_or(&*token.stem, |g| g);
                if found.contains_key(concept) {
                    continue;
                }
                let common = self.stop.contains(word) || self.stop.contains(&*token.stem);
                let said = Said {
                    word: token.word,
                    common,
                };
                found.insert(concept.to_owned(), said);
            }
        }
        found
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

/// A concept as a text says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// The first word that said it, in lower case.
    pub word: Rc<str>,
    /// Whether that word is one nearly every plan uses
    /// (`lexicon/common_words.txt`).
    pub common: bool,
}

/// How telling each concept is in one plan: a concept few of the plan's
/// items use says more when two texts share it than one most items use.
#[derive(Debug, Default)]
pub struct Weights {
    /// For each concept, how many items use it.
    used_by: HashMap<String, u32>,
    items: u32,
}

impl Weights {
    /// Counts the concepts of each item (the concepts of one text, or of
    /// several texts read as one item; a concept counts once per item).
    pub fn new<'a, I>(items: impl IntoIterator<Item = I>) -> Self
    where
        I: IntoIterator<Item = &'a str>,
    {
        let mut weights = Self::default();
        let mut seen = HashSet::default();
        for item in items {
            weights.items += 1;
            seen.clear();
            for concept in item {
                if !seen.insert(concept) {
                    continue;
                }
                match weights.used_by.get_mut(concept) {
                    Some(used) => *used += 1,
                    None => {
                        weights.used_by.insert(concept.to_owned(), 1);
                    }
                }
            }
        }
        weights
    }

    /// How many items use the concept.
    pub fn used_by(&self, concept: &str) -> u32 {
        self.used_by.get(concept).copied().unwrap_or(0)
    }

    /// How many items were counted.
    pub fn items(&self) -> u32 {
        self.items
    }

    /// The weight of a concept, from 1 (used by two items at most: the
    /// fewest that can share it) down towards 0 (used by every item): an
    /// inverse document frequency, `ln((n + 1) / used) / ln((n + 1) / 2)`
    /// for `n` items.
    pub fn weight(&self, concept: &str) -> f64 {
        let used = f64::from(self.used_by(concept).max(2));
        let n = f64::from(self.items.max(2)) + 1.0;
        ((n / used).ln() / (n / 2.0).ln()).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Concepts {
        Concepts::parse(
            "calm, relaxed, unhurried\nsafe, safety, secure\n",
            "the\nand\nour\n",
            "customer\nplan\n",
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
    fn meaning_keeps_common_words_and_the_word_as_written() {
        let c = small();
        let found = c.meaning("Our Customers and a relaxed plan");
        let concepts: Vec<(&str, &str, bool)> = found
            .iter()
            .map(|(c, said)| (c.as_str(), &*said.word, said.common))
            .collect();
        assert_eq!(
            concepts,
            [
                ("custom", "customers", true),
                ("plan", "plan", true),
                ("~calm", "relaxed", false)
            ]
        );
        assert!(c.of("Our Customers and a plan").is_empty());
    }

    #[test]
    fn a_concept_every_item_uses_weighs_less_than_a_rare_one() {
        let c = small();
        let items: Vec<_> = [
            "customer calm",
            "customer safe",
            "customer plan",
            "customer shop",
            "customer plan",
        ]
        .iter()
        .map(|t| c.meaning(t))
        .collect();
        let weights = Weights::new(items.iter().map(|m| m.keys().map(String::as_str)));
        assert_eq!(weights.items(), 5);
        assert_eq!(weights.used_by("custom"), 5);
        assert!(
            (weights.weight("plan") - 1.0).abs() < 1e-9,
            "two items: full weight"
        );
        assert!(
            (weights.weight("~calm") - 1.0).abs() < 1e-9,
            "one item: full weight"
        );
        let common = weights.weight("custom");
        assert!(common < 0.2, "{common}");
    }

    #[test]
    fn the_shipped_lexicons_load() {
        let c = concepts();
        assert!(c.groups().len() > 100, "concepts.txt looks empty");
        assert!(c.stop.contains("the"));
    }
}
