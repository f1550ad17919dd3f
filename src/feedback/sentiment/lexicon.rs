//! Builds the scorer's tables from the data files under `lexicon/`: one hash
//! lookup per word then tells its valence, its role as a modifier, and which
//! phrases may start with it.
//!
//! Floor `feedback`: imports `text` only; the tokenizer imports this module,
//! never the other way round.

use rustc_hash::FxHashMap;

use crate::text::{lexicon_lines, lower_word};

/// Emoticons (`:)`, `<3`) and emoji with their valence.
#[derive(Debug, Default)]
pub(super) struct Symbols {
    /// Lower-cased emoticons; matched against a whole whitespace-separated chunk.
    pub emoticons: FxHashMap<Box<str>, f32>,
    pub emoji: FxHashMap<char, f32>,
}

/// The data files, in the order they are applied: a later file overrides an
/// earlier one for the same word or phrase.
pub(super) struct Sources {
    pub vader: &'static str,
    pub vader_emoji: &'static str,
    pub negators: &'static str,
    pub boosters: &'static str,
    pub idioms: &'static str,
    pub vocabulary: &'static str,
    pub marketing: &'static str,
    pub negated: &'static str,
    pub emoji: &'static str,
}

/// Roles that VADER's rules give to particular words.
pub(super) mod role {
    pub const NEGATOR: u16 = 1;
    pub const BUT: u16 = 1 << 1;
    pub const LEAST: u16 = 1 << 2;
    /// "at least" and "very least" are not negations.
    pub const AT_OR_VERY: u16 = 1 << 3;
    pub const NEVER: u16 = 1 << 4;
    /// "never so good" and "never this good" praise.
    pub const SO_OR_THIS: u16 = 1 << 5;
    pub const WITHOUT: u16 = 1 << 6;
    /// "without doubt" does not negate.
    pub const DOUBT: u16 = 1 << 7;
}

const ROLES: &[(&str, u16)] = &[
    ("but", role::BUT),
    // Ours: VADER contrasts on "but" only.
    ("however", role::BUT),
    ("least", role::LEAST),
    ("at", role::AT_OR_VERY),
    ("very", role::AT_OR_VERY),
    ("never", role::NEVER),
    ("so", role::SO_OR_THIS),
    ("this", role::SO_OR_THIS),
    ("without", role::WITHOUT),
    ("doubt", role::DOUBT),
];

#[derive(Debug, Default, Clone)]
pub(super) struct Entry {
    /// The word's own sentiment, on VADER's scale of -4 to 4.
    pub valence: Option<f32>,
    /// The sentiment the word takes only when negated ("no reply").
    pub negated: Option<f32>,
    /// How much the word strengthens (or weakens) the sentiment after it.
    pub booster: f32,
    pub roles: u16,
    /// Bit set of the word classes (`@name`) the word belongs to.
    pub classes: u32,
    /// The phrases that start with this word and whose second element is a
    /// class or `*`: a range of [`Lexicon::candidates`].
    pub open_phrases: (u32, u32),
    /// The second words of the phrases that start with this word, as a set
    /// of bits `1 << (id % 64)`: one test rules out nearly every next word
    /// before a hash lookup would.
    pub seconds: u64,
}

impl Entry {
    fn starts_phrases(&self) -> bool {
        self.open_phrases.0 != self.open_phrases.1 || self.seconds != 0
    }
}

/// What the rules read of a word for every occurrence, packed apart from the
/// phrase index in [`Entry`], so that most words cost one small read.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Traits {
    /// The entry's valence, 0 when it has none.
    pub valence: f32,
    /// The entry's negated valence, 0 when it has none.
    pub negated: f32,
    pub booster: f32,
    pub classes: u32,
    pub roles: u16,
    /// A phrase may start with the word: it starts one, or is of a class
    /// that one starts with.
    pub may_start_phrase: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Elem {
    Word(u32),
    /// Any word of a class: one bit.
    Class(u32),
    /// Any one word (`*`).
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Effect {
    Valence(f32),
    Negated(f32),
    Booster(f32),
}

/// What a phrase means: the same three things as an entry's.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Meaning {
    pub valence: f32,
    pub negated: f32,
    pub booster: f32,
}

#[derive(Debug, Clone)]
pub(super) struct Phrase {
    pub elems: Vec<Elem>,
    pub meaning: Meaning,
    /// The id of the second word, when it is a word and not a class or `*`:
    /// most candidates fail on it, and it is checked without reading `elems`.
    pub second: Option<u32>,
}

/// The phrases that start with one class, and what may follow that class in
/// them: most words of a class are followed by none of it, which rules the
/// phrases out without reading them.
#[derive(Debug)]
pub(super) struct ClassPhrases {
    pub bit: u32,
    /// A range of [`Lexicon::phrases`], longest first.
    pub range: (u32, u32),
    /// The second words, as bits `1 << (id % 64)`.
    pub seconds: u64,
    /// The classes that are second elements.
    pub second_classes: u32,
    /// Some phrase has a second element `*`, or none.
    pub open: bool,
}

impl ClassPhrases {
    /// Whether some phrase may go on with a word of id `next` (if any) in
    /// classes `next_classes`.
    pub fn may_continue(&self, next: Option<u32>, next_classes: u32) -> bool {
        self.open
            || next.is_some_and(|id| self.seconds & second_bit(id) != 0)
            || next_classes & self.second_classes != 0
    }
}

#[derive(Debug)]
pub(super) struct Lexicon {
    ids: FxHashMap<Box<str>, u32>,
    pub entries: Vec<Entry>,
    /// [`Traits`] of each entry, by id.
    pub traits: Vec<Traits>,
    pub phrases: Vec<Phrase>,
    /// Indexes of `phrases`, in runs that [`Lexicon::candidates`] returns.
    candidates: Vec<u32>,
    /// For a first and a second word, the range of `candidates` that holds
    /// the phrases that may start with them: those with that second word and
    /// the open ones, longest first.
    paired: FxHashMap<(u32, u32), (u32, u32)>,
    /// Phrases that start with a class (`@n times`), by class.
    pub class_phrases: Vec<ClassPhrases>,
    /// The classes that some phrase starts with.
    pub phrase_classes: u32,
    /// The class that a number written in digits belongs to (`@n`), if any.
    pub number_class: u32,
    /// Words that open an information question (`@question`): "what", "can".
    pub question_class: u32,
    /// Cheerful interjections that turn sarcastic before a complaint
    /// (`@interjection`): "great", "oh", "wonderful".
    pub interjection_class: u32,
    /// What a negator alone weighs ("not", and so "didn't" and any other
    /// contraction): a complaint when there is nothing to negate.
    pub not_valence: f32,
    pub symbols: Symbols,
}

/// The id of no word: a symbol, or a word not in the lexicon.
pub(super) const NO_ID: u32 = u32::MAX;

impl Lexicon {
    pub fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// The traits of word `id`; none for [`NO_ID`].
    pub fn traits(&self, id: u32) -> Traits {
        self.traits.get(id as usize).copied().unwrap_or_default()
    }

    /// The id of `word`; failing that, the id without a possessive "'s", or
    /// with letters drawn out for emphasis squeezed back ("sooo",
    /// "loooove"); failing that, [`NO_ID`].
    pub fn word_id(&self, word: &str) -> u32 {
        if let Some(id) = self.id(word) {
            return id;
        }
        if let Some(stem) = word.strip_suffix("'s") {
            return self.id(stem).unwrap_or(NO_ID);
        }
        if !has_run_of_three(word) {
            return NO_ID;
        }
        let mut buffer = [0u8; 32];
        for max_run in [2, 1] {
            let Some(squeezed) = squeeze(word, max_run, &mut buffer) else {
                return NO_ID;
            };
            if let Some(id) = self.id(squeezed) {
                return id;
            }
        }
        NO_ID
    }

    /// The phrases, longest first, that may start with word `id` followed by
    /// word `next` (if any): most words begin phrases that all need another
    /// second word, which rules them out without reading them.
    pub fn candidates(&self, id: u32, next: Option<u32>) -> &[u32] {
        let entry = &self.entries[id as usize];
        let paired = next
            .filter(|&next| entry.seconds & second_bit(next) != 0)
            .and_then(|next| self.paired.get(&(id, next)));
        let (start, end) = paired.copied().unwrap_or(entry.open_phrases);
        &self.candidates[start as usize..end as usize]
    }
}

/// Letters drawn out for emphasis: "sooo", "loooove".
fn has_run_of_three(word: &str) -> bool {
    word.as_bytes()
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2])
}

/// `word` with runs of one letter cut to `max_run`, in `buffer`; `None` when
/// nothing was cut or the word does not fit.
fn squeeze<'b>(word: &str, max_run: usize, buffer: &'b mut [u8; 32]) -> Option<&'b str> {
    if !word.is_ascii() || word.len() > buffer.len() {
        return None;
    }
    let mut len = 0;
    let mut run = 0;
    let mut prev = 0u8;
    for b in word.bytes() {
        run = if b == prev { run + 1 } else { 1 };
        prev = b;
        if run <= max_run {
            buffer[len] = b;
            len += 1;
        }
    }
    if len == word.len() {
        return None;
    }
    std::str::from_utf8(&buffer[..len]).ok()
}

#[derive(Default)]
struct Builder {
    ids: FxHashMap<Box<str>, u32>,
    entries: Vec<Entry>,
    classes: FxHashMap<String, u32>,
    /// Phrases by their words, so that a later file overrides an earlier one.
    phrases: FxHashMap<Vec<Elem>, Meaning>,
    symbols: Symbols,
}

pub(super) fn build(sources: &Sources) -> Result<Lexicon, String> {
    let mut b = Builder::default();
    b.vader(sources.vader)?;
    for &(word, role) in ROLES {
        let id = b.id(word);
        b.entries[id as usize].roles |= role;
    }
    for word in lexicon_lines(sources.negators) {
        let id = b.id(word);
        b.entries[id as usize].roles |= role::NEGATOR;
    }
    b.effects("boosters.txt", sources.boosters, Effect::Booster)?;
    b.effects("idioms.txt", sources.idioms, Effect::Valence)?;
    b.effects("vocabulary.txt", sources.vocabulary, Effect::Valence)?;
    b.effects("marketing.txt", sources.marketing, Effect::Valence)?;
    b.effects("negated.txt", sources.negated, Effect::Negated)?;
    b.vader_emoji(sources.vader_emoji);
    b.emoji(sources.emoji)?;
    Ok(b.finish())
}

/// An emoji's name can hold several sentiment words ("smiling face with
/// heart-eyes"); one emoji weighs no more than one strong word.
const MAX_EMOJI_VALENCE: f32 = 3.0;

/// VADER's emoticons are runs of punctuation (":-)", "</3"), unlike its words,
/// which have only letters, digits, apostrophes, hyphens and spaces.
fn is_emoticon(token: &str) -> bool {
    token
        .chars()
        .any(|c| !(c.is_alphanumeric() || matches!(c, '\'' | '-' | ' ')))
}

/// Splits a phrase as the tokenizer splits text: on spaces and on dashes.
fn words(phrase: &str) -> impl Iterator<Item = String> + '_ {
    phrase
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(lower_word)
}

/// Splits `phrase = number` (or `phrase<TAB>number`) at the last separator.
fn split_value<'a>(file: &str, line: &'a str) -> Result<(&'a str, f32), String> {
    let (phrase, value) = line
        .rsplit_once(['=', '\t'])
        .ok_or_else(|| format!("{file}: `{line}` has no `= valence`"))?;
    let value = value
        .trim()
        .parse()
        .map_err(|_| format!("{file}: `{line}`: `{}` is not a number", value.trim()))?;
    Ok((phrase.trim(), value))
}

impl Builder {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        self.ids.insert(word.into(), id);
        self.entries.push(Entry::default());
        id
    }

    fn entry(&mut self, word: &str) -> &mut Entry {
        let id = self.id(word);
        &mut self.entries[id as usize]
    }

    /// `vader_lexicon.txt`: token, mean valence, standard deviation, ratings;
    /// tab-separated.
    fn vader(&mut self, data: &str) -> Result<(), String> {
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let mut fields = line.split('\t');
            let (Some(token), Some(value)) = (fields.next(), fields.next()) else {
                return Err(format!("vader_lexicon.txt: `{line}` has no valence"));
            };
            let valence: f32 = value
                .trim()
                .parse()
                .map_err(|_| format!("vader_lexicon.txt: `{line}`: bad valence"))?;
            if is_emoticon(token) {
                self.symbols
                    .emoticons
                    .insert(token.to_lowercase().into(), valence);
            } else {
                self.set(token, Effect::Valence(valence))?;
            }
        }
        Ok(())
    }

    /// `emoji_utf8_lexicon.txt` names each emoji ("angry face"); the emoji
    /// takes the valence of the words of its name, as VADER reads them.
    fn vader_emoji(&mut self, data: &str) {
        for line in data.lines() {
            let Some((emoji, name)) = line.split_once('\t') else {
                continue;
            };
            let mut chars = emoji.chars().filter(|&c| c != '\u{fe0f}');
            let (Some(c), None) = (chars.next(), chars.next()) else {
                // Sequences (flags, skin tones) are read one character at a time.
                continue;
            };
            let valence: f32 = name
                .split(|c: char| !c.is_alphanumeric())
                .filter_map(|w| self.ids.get(w.to_lowercase().as_str()))
                .filter_map(|&id| self.entries[id as usize].valence)
                .sum::<f32>()
                .clamp(-MAX_EMOJI_VALENCE, MAX_EMOJI_VALENCE);
            if valence != 0.0 {
                self.symbols.emoji.insert(c, valence);
            }
        }
    }

    /// Our emoji file: `emoji = valence`.
    fn emoji(&mut self, data: &str) -> Result<(), String> {
        for line in lexicon_lines(data) {
            let (emoji, valence) = split_value("emoji.txt", line)?;
            let mut chars = emoji.chars().filter(|&c| c != '\u{fe0f}');
            let (Some(c), None) = (chars.next(), chars.next()) else {
                return Err(format!("emoji.txt: `{line}` is not one emoji"));
            };
            self.symbols.emoji.insert(c, valence);
        }
        Ok(())
    }

    /// A file of `phrase = value` lines and `@class: word word ...` lines.
    fn effects(&mut self, file: &str, data: &str, effect: fn(f32) -> Effect) -> Result<(), String> {
        for line in lexicon_lines(data) {
            if let Some((name, members)) = line.strip_prefix('@').and_then(|l| l.split_once(':')) {
                self.class(file, name.trim(), members)?;
                continue;
            }
            let (phrase, value) = split_value(file, line)?;
            self.set(phrase, effect(value))
                .map_err(|e| format!("{file}: {e}"))?;
        }
        Ok(())
    }

    fn class(&mut self, file: &str, name: &str, members: &str) -> Result<(), String> {
        let bit = match self.classes.get(name) {
            Some(&bit) => bit,
            None => {
                let n = self.classes.len();
                if n >= 32 {
                    return Err(format!("{file}: more than 32 word classes"));
                }
                let bit = 1u32 << n;
                self.classes.insert(name.to_string(), bit);
                bit
            }
        };
        for word in words(members) {
            self.entry(&word).classes |= bit;
        }
        Ok(())
    }

    fn set(&mut self, phrase: &str, effect: Effect) -> Result<(), String> {
        let mut elems = Vec::new();
        for word in words(phrase) {
            let elem = if word == "*" {
                Elem::Any
            } else if let Some(name) = word.strip_prefix('@') {
                let bit = self
                    .classes
                    .get(name)
                    .ok_or_else(|| format!("`{phrase}`: no class @{name} defined above it"))?;
                Elem::Class(*bit)
            } else {
                Elem::Word(self.id(&word))
            };
            elems.push(elem);
        }
        match elems.as_slice() {
            [] => Err(format!("`{phrase}` has no words")),
            [Elem::Any, ..] => Err(format!("`{phrase}` starts with `*`")),
            [Elem::Word(id)] => {
                let entry = &mut self.entries[*id as usize];
                match effect {
                    Effect::Valence(v) => entry.valence = Some(v),
                    Effect::Negated(v) => entry.negated = Some(v),
                    Effect::Booster(v) => entry.booster = v,
                }
                Ok(())
            }
            _ => {
                let meaning = self.phrases.entry(elems).or_default();
                match effect {
                    Effect::Valence(v) => meaning.valence = v,
                    Effect::Negated(v) => meaning.negated = v,
                    Effect::Booster(v) => meaning.booster = v,
                }
                Ok(())
            }
        }
    }

    /// Lists the phrases `group` (all that start with word `id`, longest
    /// first) by their second word, keeping their order.
    fn index_candidates(
        &mut self,
        phrases: &[Phrase],
        id: u32,
        group: std::ops::Range<usize>,
        candidates: &mut Vec<u32>,
        paired: &mut FxHashMap<(u32, u32), (u32, u32)>,
    ) {
        let mut push = |keep: &dyn Fn(&Phrase) -> bool| {
            let start = to_u32(candidates.len());
            candidates.extend(group.clone().filter(|&k| keep(&phrases[k])).map(to_u32));
            (start, to_u32(candidates.len()))
        };
        let entry = &mut self.entries[id as usize];
        entry.open_phrases = push(&|p| p.second.is_none());
        let mut seconds: Vec<u32> = phrases[group.clone()]
            .iter()
            .filter_map(|p| p.second)
            .collect();
        seconds.sort_unstable();
        seconds.dedup();
        for second in seconds {
            entry.seconds |= second_bit(second);
            let range = push(&|p| p.second.is_none_or(|s| s == second));
            paired.insert((id, second), range);
        }
    }

    fn finish(mut self) -> Lexicon {
        let mut phrases: Vec<Phrase> = self
            .phrases
            .drain()
            .map(|(elems, meaning)| {
                let second = match elems.get(1) {
                    Some(&Elem::Word(id)) => Some(id),
                    _ => None,
                };
                Phrase {
                    elems,
                    meaning,
                    second,
                }
            })
            .collect();
        // Grouped by first element, longest first, so that the first phrase
        // that matches is the longest; ties in a fixed order.
        phrases.sort_by(|a, b| {
            first_key(a)
                .cmp(&first_key(b))
                .then(b.elems.len().cmp(&a.elems.len()))
                .then_with(|| a.elems.cmp(&b.elems))
        });
        let mut class_phrases = Vec::new();
        let mut candidates = Vec::new();
        let mut paired = FxHashMap::default();
        let mut start = 0;
        while start < phrases.len() {
            let key = first_key(&phrases[start]);
            let end = start
                + phrases[start..]
                    .iter()
                    .take_while(|p| first_key(p) == key)
                    .count();
            let range = (to_u32(start), to_u32(end));
            match key {
                (0, id) => {
                    self.index_candidates(&phrases, id, start..end, &mut candidates, &mut paired);
                }
                (_, bit) => {
                    let mut group = ClassPhrases {
                        bit,
                        range,
                        seconds: 0,
                        second_classes: 0,
                        open: false,
                    };
                    for phrase in &phrases[start..end] {
                        match phrase.elems.get(1) {
                            Some(&Elem::Word(id)) => group.seconds |= second_bit(id),
                            Some(&Elem::Class(bit)) => group.second_classes |= bit,
                            Some(Elem::Any) | None => group.open = true,
                        }
                    }
                    class_phrases.push(group);
                }
            }
            start = end;
        }
        let phrase_classes = class_phrases.iter().fold(0, |all, group| all | group.bit);
        let class = |name: &str| self.classes.get(name).copied().unwrap_or(0);
        let (number_class, question_class, interjection_class) =
            (class("n"), class("question"), class("interjection"));
        let not_valence = self
            .ids
            .get("not")
            .and_then(|&id| self.entries[id as usize].valence)
            .unwrap_or(0.0);
        let traits = self
            .entries
            .iter()
            .map(|e| Traits {
                valence: e.valence.unwrap_or(0.0),
                negated: e.negated.unwrap_or(0.0),
                booster: e.booster,
                classes: e.classes,
                roles: e.roles,
                may_start_phrase: e.starts_phrases() || e.classes & phrase_classes != 0,
            })
            .collect();
        Lexicon {
            ids: self.ids,
            entries: self.entries,
            traits,
            phrases,
            candidates,
            paired,
            class_phrases,
            phrase_classes,
            number_class,
            question_class,
            interjection_class,
            not_valence,
            symbols: self.symbols,
        }
    }
}

/// (0, word id) for a phrase that starts with a word, (1, class bit) for one
/// that starts with a class.
fn first_key(phrase: &Phrase) -> (u8, u32) {
    match phrase.elems.first() {
        Some(Elem::Word(id)) => (0, *id),
        Some(Elem::Class(bit)) => (1, *bit),
        _ => (2, 0),
    }
}

fn second_bit(id: u32) -> u64 {
    1 << (id % 64)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(marketing: &'static str) -> Sources {
        Sources {
            vader: "good\t1.9\t0.9\t[2]\n:)\t2.0\t0.6\t[2]\nfed up\t-1.8\t0.7\t[-2]\n",
            vader_emoji: "😀\tgood face\n",
            negators: "not\n",
            boosters: "very = 0.293\nkind of = -0.293\n",
            idioms: "",
            vocabulary: "",
            marketing,
            negated: "reply = -2\n",
            emoji: "",
        }
    }

    #[test]
    fn builds_words_phrases_classes_and_symbols() {
        let lexicon = build(&sources("@n: two three\n@n emails = -1.5\ngood = 1\n")).unwrap();
        let good = &lexicon.entries[lexicon.id("good").unwrap() as usize];
        assert_eq!(good.valence, Some(1.0), "a later file overrides VADER");
        let reply = &lexicon.entries[lexicon.id("reply").unwrap() as usize];
        assert_eq!((reply.valence, reply.negated), (None, Some(-2.0)));
        assert_eq!(lexicon.symbols.emoticons.get(":)"), Some(&2.0));
        // An emoji's name is read with the final word valences.
        assert_eq!(lexicon.symbols.emoji.get(&'😀'), Some(&1.0));
        let (fed, up) = (lexicon.id("fed").unwrap(), lexicon.id("up").unwrap());
        assert_eq!(
            lexicon.candidates(fed, Some(up)).len(),
            1,
            "\"fed up\" is a phrase"
        );
        assert!(lexicon.candidates(fed, None).is_empty());
        assert_eq!(lexicon.class_phrases.len(), 1);
        assert_ne!(lexicon.number_class, 0);
    }

    #[test]
    fn class_phrases_may_continue_with_each_second_element() {
        let lexicon = &crate::feedback::sentiment_model().lexicon;
        assert!(lexicon.class_phrases.len() > 5);
        for group in &lexicon.class_phrases {
            let phrases = &lexicon.phrases[group.range.0 as usize..group.range.1 as usize];
            for phrase in phrases {
                let continues = match phrase.elems.get(1) {
                    Some(&Elem::Word(id)) => group.may_continue(Some(id), 0),
                    Some(&Elem::Class(bit)) => group.may_continue(None, bit),
                    Some(Elem::Any) | None => group.may_continue(None, 0),
                };
                assert!(continues, "{phrase:?}");
            }
        }
    }

    #[test]
    fn words_are_found_without_a_possessive_or_drawn_out_letters() {
        let lexicon = build(&sources("")).unwrap();
        let good = lexicon.id("good").unwrap();
        for word in ["good", "good's", "goood", "gooooood"] {
            assert_eq!(lexicon.word_id(word), good, "{word}");
        }
        for word in ["goo", "goods", "g'ood", ""] {
            assert_eq!(lexicon.word_id(word), NO_ID, "{word}");
        }
    }

    #[test]
    fn rejects_malformed_lines() {
        assert!(build(&sources("too many emails\n")).is_err());
        assert!(build(&sources("spam = lots\n")).is_err());
        assert!(build(&sources("@contact emails = -1\n")).is_err());
        assert!(build(&sources("emails * = -1\n")).is_ok());
        assert!(build(&sources("* emails = -1\n")).is_err());
    }
}
