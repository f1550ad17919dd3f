//! The sentiment of a customer comment: a lexicon-and-rules scorer in the
//! spirit of VADER (Hutto & Gilbert, ICWSM 2014), tuned for feedback on
//! marketing.
//!
//! VADER's lexicon (MIT) is used as shipped in vaderSentiment 3.3.2, and its
//! rules are ported: negation, boosters and dampeners, ALL-CAPS emphasis, `!`
//! and `?`, "but" contrast, "least", idioms, emoticons and emoji, and the
//! normalisation `x / sqrt(x² + 15)`. On top of it come our data files under
//! `lexicon/`: complaints about contact frequency, waiting, fees, delivery and
//! quality that carry no classic negative word ("too many emails", "still
//! waiting", "hidden fees"), and plain praise of service ("called me back",
//! "same day", "without any fuss"). `lexicon/README.md` describes each file.
//! Two rules of our own: a negator with nothing to negate complains ("the
//! engineer never came", "they didn't call"), and no negation reaches an
//! emoji or emoticon, which is the writer's own feeling.
//!
//! A comment's score is in [-1, 1]. It is [`Polarity::Positive`] from
//! [`POSITIVE_THRESHOLD`] (0.05) up, [`Polarity::Negative`] from
//! [`NEGATIVE_THRESHOLD`] (-0.05) down, and [`Polarity::Neutral`] between:
//! VADER's own thresholds, so that a comment with no sentiment word at all
//! (score 0) is neutral.

mod lexicon;
mod tokens;

use std::cell::RefCell;
use std::sync::OnceLock;

use super::{Polarity, Sentiment};
use crate::text::{Lexed, with_lexed};
use lexicon::{Elem, Lexicon, NO_ID, Phrase, Sources, role};
use tokens::{Shape, Unit};

/// A score at or above this is positive.
pub const POSITIVE_THRESHOLD: f64 = 0.05;
/// A score at or below this is negative.
pub const NEGATIVE_THRESHOLD: f64 = -0.05;

// VADER's empirically derived constants (vaderSentiment.py).
/// Added to a word in capitals when other words are not.
const CAPS_INCREMENT: f32 = 0.733;
/// A negated valence is multiplied by this.
const NEGATION_SCALAR: f32 = -0.74;
/// Per `!`, up to four of them.
const EXCLAMATION_INCREMENT: f32 = 0.292;
const MAX_EXCLAMATIONS: u32 = 4;
/// Per `?` when there are two or three; more count as `MAX_QUESTION_EMPHASIS`.
const QUESTION_INCREMENT: f32 = 0.18;
const MAX_QUESTION_EMPHASIS: f32 = 0.96;
/// The normalisation `x / sqrt(x² + ALPHA)` approaches ±1 for large sums.
const ALPHA: f32 = 15.0;
/// How far back (in words) a negator or booster reaches, and how much a
/// booster fades with each word of distance.
const BOOSTER_DECAY: [f32; 3] = [1.0, 0.95, 0.9];
const NEGATION_REACH: usize = BOOSTER_DECAY.len();
/// "but" shifts weight from what comes before it to what comes after.
const BEFORE_BUT: f32 = 0.5;
const AFTER_BUT: f32 = 1.5;
/// An information question ("Do you deliver on Sundays?") expresses little
/// sentiment even when it names something pleasant or unpleasant.
const QUESTION_DAMPING: f32 = 0.25;
/// "never so good" is stronger praise than "good".
const NEVER_SO: f32 = 1.25;

/// Buffers that grow to the longest word and the most units a thread has
/// scored; past these sizes they are freed after use, so one huge comment
/// does not hold memory.
const KEEP_CAPACITY: usize = 1 << 16;
const KEEP_UNITS: usize = 1 << 13;

/// The scorer: lexicon tables built once. It is immutable, so one instance
/// serves any number of threads.
#[derive(Debug)]
pub struct SentimentModel {
    lexicon: Lexicon,
}

/// The model built from the data files compiled into planlint.
pub fn model() -> &'static SentimentModel {
    static MODEL: OnceLock<SentimentModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        let lexicon = lexicon::build(&SOURCES)
            .unwrap_or_else(|e| panic!("a sentiment lexicon file is malformed: {e}"));
        SentimentModel { lexicon }
    })
}

const SOURCES: Sources = Sources {
    vader: include_str!("../lexicon/vader_lexicon.txt"),
    vader_emoji: include_str!("../lexicon/emoji_utf8_lexicon.txt"),
    negators: include_str!("../lexicon/negators.txt"),
    boosters: include_str!("../lexicon/boosters.txt"),
    idioms: include_str!("../lexicon/idioms.txt"),
    vocabulary: include_str!("../lexicon/vocabulary.txt"),
    marketing: include_str!("../lexicon/marketing.txt"),
    negated: include_str!("../lexicon/negated.txt"),
    emoji: include_str!("../lexicon/emoji.txt"),
};

/// The polarity of a score, by the documented thresholds.
pub fn polarity(score: f64) -> Polarity {
    if score >= POSITIVE_THRESHOLD {
        Polarity::Positive
    } else if score <= NEGATIVE_THRESHOLD {
        Polarity::Negative
    } else {
        Polarity::Neutral
    }
}

#[derive(Default)]
struct Scratch {
    lower: String,
    units: Vec<Unit>,
    valences: Vec<f32>,
}

impl Scratch {
    fn shrink(&mut self) {
        if self.lower.capacity() > KEEP_CAPACITY || self.units.capacity() > KEEP_UNITS {
            *self = Scratch::default();
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl SentimentModel {
    /// Scores one comment. Any text is accepted: empty or without sentiment
    /// words it is neutral with score 0.
    pub fn score(&self, text: &str) -> Sentiment {
        with_lexed(text, |lexed| self.score_lexed(&lexed))
    }

    /// [`SentimentModel::score`] of a comment whose words the thread's word
    /// table has read, as the themes read them too.
    pub fn score_lexed(&self, lexed: &Lexed<'_>) -> Sentiment {
        // The buffers are only borrowed inside `score_with`, which does not
        // call back here; the fallback keeps that an invariant, not a panic.
        let score = SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => {
                let score = self.score_with(lexed, &mut scratch);
                scratch.shrink();
                score
            }
            Err(_) => self.score_with(lexed, &mut Scratch::default()),
        });
        let score = f64::from(score);
        Sentiment {
            score,
            polarity: polarity(score),
        }
    }

    fn score_with(&self, lexed: &Lexed<'_>, s: &mut Scratch) -> f32 {
        let shape = tokens::read(lexed, &self.lexicon, &mut s.lower, &mut s.units);
        self.match_phrases(&mut s.units);
        // The sentence rules only scale valences, and all zero sum to zero.
        if !valences(&s.units, shape, &mut s.valences) {
            return 0.0;
        }
        sentence_rules(&self.lexicon, &s.units, &mut s.valences);
        compound(&s.valences, shape)
    }

    /// Matches phrases (longest first) so that a phrase weighs once, on its
    /// first word: its units take its meaning.
    fn match_phrases(&self, units: &mut [Unit]) {
        let mut i = 0;
        while i < units.len() {
            let phrase = if units[i].may_start_phrase {
                self.phrase_at(units, i)
            } else {
                None
            };
            let Some(phrase) = phrase else {
                i += 1;
                continue;
            };
            let len = phrase.elems.len();
            let words = &mut units[i..i + len];
            let first = Unit {
                caps: words.iter().all(|u| u.caps),
                roles: 0,
                valence: phrase.meaning.valence,
                negated: phrase.meaning.negated,
                booster: 0.0,
                ..words[0]
            };
            for inner in words.iter_mut() {
                *inner = Unit {
                    caps: false,
                    roles: 0,
                    classes: 0,
                    valence: 0.0,
                    negated: 0.0,
                    booster: 0.0,
                    ..*inner
                };
            }
            words[0] = first;
            if let Some(last) = words.last_mut() {
                // A booster phrase ("kind of") acts from its last word.
                last.booster = phrase.meaning.booster;
            }
            i += len;
        }
    }

    /// The longest phrase that starts at token `i` and stays in its clause.
    fn phrase_at(&self, units: &[Unit], i: usize) -> Option<&Phrase> {
        let lexicon = &self.lexicon;
        let id = units[i].id;
        let next = units.get(i + 1).map(|u| u.id);
        // Candidates come longest first, so the first that matches is the
        // longest of them.
        let mut best = if id == NO_ID {
            None
        } else {
            lexicon
                .candidates(id, next)
                .iter()
                .map(|&k| &lexicon.phrases[k as usize])
                .find(|phrase| matches(units, i, phrase))
        };
        let classes = units[i].classes & lexicon.phrase_classes;
        if classes != 0 {
            let next_classes = units.get(i + 1).map_or(0, |u| u.classes);
            for group in &lexicon.class_phrases {
                if classes & group.bit == 0 || !group.may_continue(next, next_classes) {
                    continue;
                }
                let range = group.range;
                for phrase in &lexicon.phrases[range.0 as usize..range.1 as usize] {
                    if best.is_some_and(|b| b.elems.len() >= phrase.elems.len()) {
                        break;
                    }
                    if phrase.second.is_some_and(|id| next != Some(id)) {
                        continue;
                    }
                    if matches(units, i, phrase) {
                        best = Some(phrase);
                        break;
                    }
                }
            }
        }
        best
    }
}

/// Whether `phrase` stands at unit `i`, all in one clause.
fn matches(units: &[Unit], i: usize, phrase: &Phrase) -> bool {
    let Some(units) = units.get(i..i + phrase.elems.len()) else {
        return false;
    };
    let clause = units[0].clause;
    units.iter().zip(&phrase.elems).all(|(unit, elem)| {
        unit.clause == clause
            && match *elem {
                Elem::Word(want) => unit.id == want,
                Elem::Class(bit) => unit.classes & bit != 0,
                Elem::Any => !unit.is_symbol(),
            }
    })
}

/// The valence of each unit after VADER's rules: capitals, boosters,
/// negation, "least". Whether any is not zero: most units weigh nothing, and
/// many comments have no unit that weighs anything.
fn valences(units: &[Unit], shape: Shape, out: &mut Vec<f32>) -> bool {
    out.clear();
    out.resize(units.len(), 0.0);
    let mut any = false;
    for (i, (unit, out)) in units.iter().zip(out.iter_mut()).enumerate() {
        if unit.valence != 0.0 || unit.negated != 0.0 {
            *out = valence(units, i, unit, shape);
            any |= *out != 0.0;
        }
    }
    any
}

/// The valence of unit `i`, which has a valence or a negated one.
fn valence(units: &[Unit], i: usize, unit: &Unit, shape: Shape) -> f32 {
    let has_sentiment =
        |u: &Unit| u.clause == unit.clause && (u.valence != 0.0 || u.negated != 0.0);
    // VADER: "no" before a sentiment word only negates it ("no fuss"). Ours:
    // so does any negator with a valence of its own ("not", "never"), and the
    // word may be anywhere a negation reaches ("never had a problem"); with
    // nothing there to negate, a negator complains ("never came", "didn't
    // ring the bell", "no gift").
    if unit.roles & role::NEGATOR != 0
        && units[i + 1..]
            .iter()
            .take(NEGATION_REACH)
            .any(|u| !u.is_symbol() && has_sentiment(u))
    {
        return 0.0;
    }
    // A booster with sentiment of its own ("pretty", "truly", "super") only
    // boosts when a sentiment word follows: "pretty useless".
    if unit.booster != 0.0 && units.get(i + 1).is_some_and(has_sentiment) {
        return 0.0;
    }
    // The few words before, in the same clause, nearest first.
    let before = |k: usize| {
        i.checked_sub(k + 1)
            .map(|j| &units[j])
            .filter(|u| u.clause == unit.clause)
    };
    let is_negator = |k: usize| before(k).is_some_and(|u| u.roles & role::NEGATOR != 0);
    // A unit with a meaning of its own under negation takes that meaning
    // rather than its valence flipped: "no reply" is a complaint.
    let own_negation = unit.negated != 0.0;
    let mut v = unit.valence;
    if own_negation {
        if (0..NEGATION_REACH).any(|k| is_negator(k) && negation(units, i, k) < 0.0) {
            v = unit.negated;
        }
        if v == 0.0 {
            return 0.0;
        }
    }
    if unit.caps && shape.caps_differ {
        v += CAPS_INCREMENT.copysign(v);
    }
    for (k, decay) in BOOSTER_DECAY.into_iter().enumerate() {
        let Some(prev) = before(k) else {
            break;
        };
        if prev.booster != 0.0 {
            // A booster adds to the valence's magnitude, a dampener takes away.
            let mut boost = prev.booster;
            if prev.caps && shape.caps_differ {
                boost += CAPS_INCREMENT;
            }
            let boost = boost * decay;
            v += if v < 0.0 { -boost } else { boost };
        }
        if !own_negation && !unit.is_symbol() && is_negator(k) {
            v *= negation(units, i, k);
        }
    }
    if let Some(prev) = before(0)
        && prev.roles & role::LEAST != 0
        && before(1).is_none_or(|u| u.roles & role::AT_OR_VERY == 0)
    {
        v *= NEGATION_SCALAR;
    }
    v
}

/// The factor that a negator `k + 1` words before unit `i` applies, with
/// VADER's exceptions: "never so good" praises and "without doubt" affirms.
fn negation(units: &[Unit], i: usize, k: usize) -> f32 {
    let negator = &units[i - k - 1];
    let between = &units[i - k..i];
    if negator.roles & role::NEVER != 0 && between.iter().any(|u| u.roles & role::SO_OR_THIS != 0) {
        NEVER_SO
    } else if negator.roles & role::WITHOUT != 0
        && between.iter().any(|u| u.roles & role::DOUBT != 0)
    {
        1.0
    } else {
        NEGATION_SCALAR
    }
}

/// Rules over a sentence as a whole: sarcasm, questions, "but" contrast.
fn sentence_rules(lexicon: &Lexicon, units: &[Unit], valences: &mut [f32]) {
    // Each rule needs a word of some role or class; most texts have none.
    let (roles, classes) = units
        .iter()
        .fold((0, 0), |(r, c), u| (r | u.roles, c | u.classes));
    let contrast = roles & role::BUT != 0;
    let cheer = classes & lexicon.interjection_class != 0;
    let question = classes & lexicon.question_class != 0;
    if !(contrast || cheer || question) {
        return;
    }
    let mut start = 0;
    while start < units.len() {
        let end = sentence_end(units, start);
        if cheer {
            sarcasm(lexicon, units, valences, start, end);
        }
        if units[start].question && units[start].classes & lexicon.question_class != 0 {
            valences[start..end]
                .iter_mut()
                .for_each(|v| *v *= QUESTION_DAMPING);
        }
        // What comes before the first "but" weighs half, what comes after
        // half again as much.
        let but = contrast
            .then(|| {
                units[start..end]
                    .iter()
                    .position(|u| u.roles & role::BUT != 0)
            })
            .flatten();
        if let Some(but) = but.map(|k| start + k) {
            valences[start..but]
                .iter_mut()
                .for_each(|v| *v *= BEFORE_BUT);
            valences[but + 1..end]
                .iter_mut()
                .for_each(|v| *v *= AFTER_BUT);
        }
        start = end;
    }
}

fn sentence_end(units: &[Unit], start: usize) -> usize {
    let sentence = units[start].sentence;
    start
        + units[start..]
            .iter()
            .take_while(|u| u.sentence == sentence)
            .count()
}

/// "Oh wonderful, a fifth reminder." A clause of nothing but a cheerful
/// interjection, followed by a complaint, is sarcasm: the cheer counts
/// against. "Great, the voucher arrived on time" stays praise.
fn sarcasm(lexicon: &Lexicon, units: &[Unit], valences: &mut [f32], start: usize, end: usize) {
    let clause = units[start].clause;
    let cheer_end = start
        + units[start..end]
            .iter()
            .take_while(|u| u.clause == clause)
            .count();
    let all_cheer = units[start..cheer_end]
        .iter()
        .all(|u| u.classes & lexicon.interjection_class != 0);
    if lexicon.interjection_class == 0 || !all_cheer {
        return;
    }
    // The complaint follows in the same sentence ("Great, another survey.")
    // or in the next one ("Great. Another survey.").
    let rest_end = if cheer_end < end {
        end
    } else if end < units.len() {
        sentence_end(units, end)
    } else {
        return;
    };
    let cheer: f32 = valences[start..cheer_end].iter().sum();
    let rest: f32 = valences[cheer_end..rest_end].iter().sum();
    if cheer > 0.0 && rest < 0.0 {
        valences[start..cheer_end]
            .iter_mut()
            .for_each(|v| *v *= NEGATION_SCALAR);
    }
}

/// The sum of valences with punctuation emphasis, normalised into [-1, 1].
fn compound(valences: &[f32], shape: Shape) -> f32 {
    let sum: f32 = valences.iter().sum();
    if sum == 0.0 {
        return 0.0;
    }
    let exclamation = shape.exclamations.min(MAX_EXCLAMATIONS) as f32 * EXCLAMATION_INCREMENT;
    let question = match shape.questions {
        0 | 1 => 0.0,
        n @ 2..=3 => n as f32 * QUESTION_INCREMENT,
        _ => MAX_QUESTION_EMPHASIS,
    };
    let sum = sum + (exclamation + question).copysign(sum);
    (sum / (sum * sum + ALPHA).sqrt()).clamp(-1.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoring_the_word_tables_words_scores_the_same() {
        let mut texts: Vec<String> = [
            "GREAT bikes, don't wait: 30% off!!! sooo good... 5'11 10/10 7:30 e-bike",
            "Won\u{2019}t OPEN, caf\u{e9} sooo slow \u{1f44d} rock'n'roll it's x_y __ :) :(",
            &format!("love {} bikes", "x".repeat(crate::text::MAX_WORD_BYTES + 1)),
        ]
        .map(str::to_owned)
        .into();
        for file in [
            "eval/sentiment/marketing.tune.csv",
            "examples/harbor-bikes/feedback.csv",
        ] {
            let data = std::fs::read_to_string(file).unwrap();
            texts.extend(data.lines().map(str::to_owned));
        }
        for text in &texts {
            // The thread's table keeps the tags of words the texts share; a
            // text read while it is borrowed is read with a table of its own,
            // whose tags are worked out anew.
            let (lexed, fresh) = with_lexed(text, |lexed| {
                (model().score_lexed(&lexed), model().score(text))
            });
            assert_eq!(lexed.score.to_bits(), fresh.score.to_bits(), "{text:?}");
        }
    }

    fn polarity_of(text: &str) -> Polarity {
        model().score(text).polarity
    }

    fn assert_polarity(expected: Polarity, texts: &[&str]) {
        for text in texts {
            let sentiment = model().score(text);
            assert_eq!(
                sentiment.polarity, expected,
                "{text:?} scored {}",
                sentiment.score
            );
        }
    }

    #[test]
    fn issue_examples() {
        assert_polarity(
            Polarity::Negative,
            &[
                "Too many emails.",
                "Delivery was slow and expensive.",
                "Please unsubscribe me.",
            ],
        );
        assert_polarity(
            Polarity::Positive,
            &[
                "They replaced it without any fuss.",
                "Sorted my problem in five minutes.",
            ],
        );
    }

    #[test]
    fn marketing_complaints_without_negative_words() {
        assert_polarity(
            Polarity::Negative,
            &[
                "Third call this week about an upgrade.",
                "Stop sending me offers every day.",
                "Still waiting for a reply.",
                "Nobody answered the phone.",
                "Hidden fees at checkout.",
                "The sales rep was so pushy.",
                "Arrived late and the box was crushed.",
                "Overpriced for what it is.",
                "I want a refund, this is spam.",
            ],
        );
    }

    #[test]
    fn service_praise_without_positive_words() {
        assert_polarity(
            Polarity::Positive,
            &[
                "Called me back the same day.",
                "Refund was in my account the next morning.",
                "They went out of their way to help.",
                "No pressure from the staff at all.",
            ],
        );
    }

    #[test]
    fn negation() {
        assert_polarity(
            Polarity::Negative,
            &["The staff were not helpful.", "No reply to my emails."],
        );
        assert_polarity(
            Polarity::Positive,
            &[
                "Not a single problem since I switched.",
                "Couldn't be happier with the service.",
            ],
        );
        // A negated complaint is no complaint.
        assert_ne!(
            polarity_of("Not too many emails, just the right amount."),
            Polarity::Negative
        );
        assert!(model().score("It is not good").score < model().score("It is good").score);
    }

    #[test]
    fn negators_complain_when_nothing_follows_to_negate() {
        assert_polarity(
            Polarity::Negative,
            &[
                "The driver didn't even ring the bell.",
                "The engineer never came.",
                "They wont refund the difference.",
            ],
        );
        // Within a negation's reach, a sentiment word takes the negation alone.
        assert_polarity(
            Polarity::Positive,
            &[
                "Never had a problem with them.",
                "Didn't have to wait at all.",
            ],
        );
    }

    #[test]
    fn requests_and_statements_stay_neutral() {
        assert_polarity(
            Polarity::Neutral,
            &[
                "I paid by credit card.",
                "Do you sell batteries as well?",
                "I'm not sure which size to order.",
                "I'd like to update the email address on my account.",
                "Kind regards, Sam",
            ],
        );
        assert_polarity(Polarity::Positive, &["They replaced it at no charge."]);
    }

    #[test]
    fn phrases_match_whole_words_only() {
        // "latest" holds "late", "everyday" holds "every day"'s words.
        assert_eq!(
            polarity_of("The latest catalogue arrived."),
            Polarity::Neutral
        );
        assert_eq!(
            polarity_of("Spamalot tickets are on my list."),
            Polarity::Neutral
        );
    }

    #[test]
    fn but_shifts_weight_to_what_follows() {
        assert_polarity(
            Polarity::Negative,
            &["Nice bike but the app keeps crashing."],
        );
        assert_polarity(
            Polarity::Positive,
            &["Slightly pricey, but worth every penny."],
        );
    }

    #[test]
    fn capitals_and_exclamations_emphasise() {
        let plain = model()
            .score("The staff were great and the room clean")
            .score;
        let caps = model()
            .score("The staff were GREAT and the room clean")
            .score;
        let bang = model()
            .score("The staff were great and the room clean!!!")
            .score;
        assert!(caps > plain && bang > plain, "{plain} {caps} {bang}");
    }

    #[test]
    fn emoticons_and_emoji() {
        assert_polarity(
            Polarity::Positive,
            &[
                "Lovely staff :)",
                "love love love this shop 😍",
                "Fast checkout 👍",
            ],
        );
        assert_polarity(
            Polarity::Negative,
            &[
                "Order cancelled again :(",
                "😡 third time",
                "Delivery 👎",
                // A negation before an emoji does not reach it.
                "NOT impressed 😠",
            ],
        );
    }

    #[test]
    fn sarcasm_and_questions() {
        assert_polarity(Polarity::Negative, &["Great, another survey."]);
        assert_polarity(
            Polarity::Positive,
            &["Great, the voucher arrived right on time."],
        );
        assert_polarity(
            Polarity::Neutral,
            &["Do you open on bank holidays?", "Can I pay in instalments?"],
        );
    }

    #[test]
    fn empty_and_odd_text() {
        for text in [
            "",
            "   ",
            "\u{0}\u{7}\u{1b}[0m",
            "...!!!???",
            "\u{fe0f}\u{200d}",
        ] {
            let sentiment = model().score(text);
            assert_eq!(sentiment.polarity, Polarity::Neutral, "{text:?}");
            assert_eq!(sentiment.score, 0.0, "{text:?}");
        }
        let negative = model().score("bad\u{0}service\r\n\u{7}really\tbad");
        assert_eq!(negative.polarity, Polarity::Negative);
    }

    #[test]
    fn very_long_text_stays_in_range() {
        let text = "Great service but slow delivery. ".repeat(100_000);
        let score = model().score(&text).score;
        assert!((-1.0..=1.0).contains(&score), "{score}");
        let word = "a".repeat(1_000_000);
        assert_eq!(model().score(&word).score, 0.0);
        // The scratch buffers stay usable after a huge text.
        assert_eq!(polarity_of("Too many emails."), Polarity::Negative);
    }

    #[test]
    fn thresholds() {
        assert_eq!(polarity(0.05), Polarity::Positive);
        assert_eq!(polarity(0.049), Polarity::Neutral);
        assert_eq!(polarity(-0.049), Polarity::Neutral);
        assert_eq!(polarity(-0.05), Polarity::Negative);
    }

    #[test]
    fn shared_across_threads() {
        fn is_sync<T: Sync>(_: &T) {}
        is_sync(model());
        let texts = [
            "Too many emails.",
            "Called me back the same day.",
            "Ordered the blue one.",
        ];
        let expected: Vec<_> = texts.iter().map(|t| model().score(t)).collect();
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..100 {
                        let got: Vec<_> = texts.iter().map(|t| model().score(t)).collect();
                        assert_eq!(got, expected);
                    }
                });
            }
        });
    }
}
