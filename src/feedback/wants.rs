//! What customers ask for, grouped: a want phrased differently in different
//! comments ("gluten free bread", "gluten-free breads please", "gluten free
//! bread rolls") is one want, named by the phrase the comments share.
//!
//! Floor `feedback`: imports `text` (stems) and this folder's sketch.

use std::cmp::Reverse;

use super::aggregate::Aggregates;
use super::analysis::DatingChoice;
use super::dates::{DateKey, Period};
use super::sketch::{Entry, TopK};
use crate::text::stem;

/// The wants asked for in at least `min` comments, most comments first, ties
/// by wording.
///
/// `runs` counts each want once per comment under every run of its words
/// (see [`super::themes::CommentThemes::want_runs`]), so that a comment
/// asking for "gluten free bread rolls" counts for "gluten free bread" and
/// for "bread" too. A want is named by the longest run that reaches `min`,
/// so runs are taken longest first, the most comments first among runs of
/// one length. A run inside wants already taken ("bread" inside "gluten free bread") is
/// taken too only when at least `min` of its comments are not theirs: it is
/// another want, not the same one again.
pub fn wants(runs: &TopK, min: u64) -> Vec<&Entry> {
    let all: Vec<(Vec<String>, &Entry)> = runs
        .top(usize::MAX)
        .into_iter()
        .map(|e| (e.display.split(' ').map(stem).collect(), e))
        .collect();
    let mut candidates: Vec<(Vec<String>, &Entry)> = all
        .iter()
        .filter(|(stems, e)| e.count >= min && asked_for_itself(stems, e, &all))
        .cloned()
        .collect();
    // Stable: runs of one length stay in the order of `top`.
    candidates.sort_by_key(|(stems, _)| Reverse(stems.len()));
    let mut taken: Vec<(Vec<String>, &Entry)> = Vec::new();
    for (stems, entry) in candidates {
        if entry.count.saturating_sub(theirs(&taken, &stems)) >= min {
            taken.push((stems, entry));
        }
    }
    let mut wants: Vec<&Entry> = taken.into_iter().map(|(_, e)| e).collect();
    wants.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.display.cmp(&b.display))
    });
    wants
}

/// Whether a run is asked for as itself: a word alone is not when every
/// comment that asks for it puts it before another word, describing what
/// it asks for ("late" in "late opening", "late night repairs", "a late
/// pickup slot"; "free" in "free parking", "free wifi"). The comments where
/// the word comes before another are those of the two-word runs it starts.
/// One comment asking for the word itself is enough ("Please add parking"
/// next to "parking spaces" and "parking bays"). Longer runs are what was
/// asked for.
fn asked_for_itself(stems: &[String], entry: &Entry, all: &[(Vec<String>, &Entry)]) -> bool {
    let [word] = stems else {
        return true;
    };
    let describing: u64 = all
        .iter()
        .filter(|(run, _)| run.len() == 2 && run[0] == *word)
        .map(|(_, e)| e.count)
        .sum();
    entry.count > describing
}

/// How many comments of the run `stems` at most belong to wants taken
/// already. Every comment of a want that holds the run counts for the run;
/// a want holding another taken want that holds the run has no comment the
/// other has not ("gluten free bread rolls" holds "gluten free bread"), so
/// only the wants that hold no other are added up. When taken wants overlap
/// otherwise, this is more than they have: the run is left out rather than
/// reported twice.
fn theirs(taken: &[(Vec<String>, &Entry)], stems: &[String]) -> u64 {
    let holding: Vec<&(Vec<String>, &Entry)> =
        taken.iter().filter(|(t, _)| holds(t, stems)).collect();
    holding
        .iter()
        .filter(|(t, _)| {
            !holding
                .iter()
                .any(|(other, _)| other.len() < t.len() && holds(t, other))
        })
        .map(|(_, e)| e.count)
        .sum()
}

/// Whether the words `run` stand together in `phrase`.
fn holds(phrase: &[String], run: &[String]) -> bool {
    phrase.windows(run.len()).any(|w| w == run)
}

/// How a want moves over time: of the comments with a date that ask for it
/// (by its run's `key`), how many fall in the file's last quarter, and that
/// quarter's label. `None` without dates, in a file of one quarter, or when
/// the want's counts may be short (a file with more wants and quarters than
/// are tracked).
pub fn last_quarter(
    aggregates: &Aggregates,
    key: u64,
    choice: &DatingChoice,
) -> Option<(u64, u64, String)> {
    if !aggregates.want_dates_complete(key) {
        return None;
    }
    let quarter = Period::Quarter;
    let order = choice.dating.order;
    let last = quarter.bucket(DateKey::Day(choice.last), order).ok()?;
    // In a file of one quarter, every want is all in its last one.
    if quarter.bucket(DateKey::Day(choice.first), order) == Ok(last) {
        return None;
    }
    let (mut dated, mut recent) = (0, 0);
    for (&(_, date), &count) in aggregates.want_dates.iter().filter(|((k, _), _)| *k == key) {
        dated += count;
        if quarter.bucket(date, choice.dating.order) == Ok(last) {
            recent += count;
        }
    }
    (dated > 0).then(|| (dated, recent, quarter.label(last)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feedback::themes::{CommentThemes, extract};

    /// The wants of `comments`, one a line, as (name, comments).
    fn wants_of(comments: &[&str], min: u64) -> Vec<(String, u64)> {
        let mut runs = TopK::new(1_000);
        let mut themes = CommentThemes::default();
        for (line, comment) in comments.iter().enumerate() {
            extract(comment, &mut themes);
            for run in themes.want_runs() {
                runs.add(run.key(), || run.display(), line as u64, comment);
            }
        }
        wants(&runs, min)
            .into_iter()
            .map(|e| (e.display.clone(), e.count))
            .collect()
    }

    fn named(wants: &[(&str, u64)]) -> Vec<(String, u64)> {
        wants.iter().map(|&(w, n)| (w.to_owned(), n)).collect()
    }

    #[test]
    fn one_want_phrased_differently_is_named_by_what_it_shares() {
        let comments = [
            "I wish you stocked a gluten-free bread option",
            "Please add gluten free breads",
            "Would love gluten free bread rolls",
            "Any chance of gluten free bread?",
        ];
        assert_eq!(wants_of(&comments, 3), named(&[("gluten free bread", 4)]));
    }

    #[test]
    fn four_ways_of_asking_for_oat_milk_are_one_want() {
        let comments = [
            "I wish you sold an oat-milk option",
            "Please add oat milk",
            "Would love oat-milk lattes",
            "Any chance of oat milk?",
        ];
        assert_eq!(wants_of(&comments, 3), named(&[("oat milk", 4)]));
    }

    #[test]
    fn the_longest_run_that_is_asked_for_enough_names_the_want() {
        let comments = [
            "Would love gluten free bread rolls",
            "Please add gluten free bread rolls",
            "I wish you had gluten free bread rolls",
            "Any chance of gluten free bread?",
        ];
        assert_eq!(
            wants_of(&comments, 3),
            named(&[("gluten free bread rolls", 3)])
        );
    }

    #[test]
    fn a_run_inside_a_want_is_another_want_with_enough_comments_of_its_own() {
        let comments = [
            "Please add loan bikes",
            "Would love a loan bike",
            "I wish you had loan bikes",
            "Please add bikes for kids",
            "Would love more bikes",
            "Any chance of bikes?",
        ];
        assert_eq!(
            wants_of(&comments, 3),
            named(&[("bikes", 6), ("loan bikes", 3)])
        );
        assert_eq!(wants_of(&comments[..5], 3), named(&[("loan bikes", 3)]));
    }

    #[test]
    fn a_word_two_wants_share_is_not_a_want_of_its_own() {
        let comments = [
            "Please add oak tables",
            "Would love oak tables",
            "I wish you had oak tables",
            "Please add pine tables",
            "Would love pine tables",
            "I wish you had pine tables",
        ];
        assert_eq!(
            wants_of(&comments, 3),
            named(&[("oak tables", 3), ("pine tables", 3)])
        );
    }

    #[test]
    fn nested_wants_do_not_count_their_comments_twice() {
        let comments = [
            "Please add gluten free bread rolls",
            "Would love gluten free bread rolls",
            "I wish you had gluten free bread rolls",
            "Please add gluten free bread",
            "Would love gluten free bread",
            "I wish you had gluten free bread",
            "Please add bread",
            "Would love fresh bread",
            "Any chance of bread?",
        ];
        assert_eq!(
            wants_of(&comments, 3),
            named(&[
                ("bread", 9),
                ("gluten free bread", 6),
                ("gluten free bread rolls", 3)
            ])
        );
    }

    #[test]
    fn a_comment_counts_once_for_a_run_however_often_it_asks() {
        let comments = [
            "Please add gluten free bread. I wish you had gluten free bread rolls",
            "Would love gluten free bread",
        ];
        assert_eq!(wants_of(&comments, 2), named(&[("gluten free bread", 2)]));
    }

    #[test]
    fn a_word_that_only_describes_the_wants_is_not_a_want() {
        let comments = [
            "Would love late opening on Thursdays",
            "Please add late night repairs",
            "Any chance of a late pickup slot?",
            "I wish you had free parking",
            "Please add free wifi",
            "Would love free coffee",
        ];
        assert!(wants_of(&comments, 3).is_empty());
    }

    #[test]
    fn a_word_asked_for_itself_once_is_a_want_with_its_longer_runs() {
        let comments = [
            "Please add parking",
            "Would love parking near the shop",
            "Any chance of parking spaces for parents?",
            "I wish you had parking bays out front",
        ];
        assert_eq!(wants_of(&comments, 3), named(&[("parking", 4)]));
    }

    #[test]
    fn wants_below_the_threshold_are_not_wants() {
        let comments = [
            "Please add oak tables",
            "Would love pine chairs",
            "I wish you had birch shelves",
        ];
        assert!(wants_of(&comments, 2).is_empty());
    }
}
