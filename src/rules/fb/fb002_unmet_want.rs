//! FB002 unmet-want: customers keep asking for something the plan does not
//! cover. The rule's metadata, its documentation (`planlint explain FB002`) and
//! its check.

use super::{feedback_anchor, quotes};
use crate::diagnostic::{Severity, Subject};
use crate::feedback::sketch::Entry;
use crate::feedback::wants::{last_quarter, wants};
use crate::plan::{Plan, items, text};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::concepts;

/// Wants reported at most, the most frequent first.
const MAX_WANTS: usize = 10;

pub static RULE: Rule = Rule {
    code: "FB002",
    name: "unmet-want",
    family: Family::Fb,
    severity: Severity::Warning,
    summary: "customers keep asking for something the plan does not cover",
    help: "answer the want in the plan (an offering, a persona want, a touchpoint), or tell customers why not",
    docs: r#"## What it does
Finds what comments ask for ("I wish you had...", "please add...", "would
love...", "any chance of...", "I want...") and reports a want asked for in
at least 3 comments (the setting `feedback-min-wants`) that nothing in the
plan covers.

After such a phrase, in the same clause, the want is the first run of words
that name something, four at most:
- words that name nothing before it are passed over ("to", "a", "some",
  "more"), and so are fillers anywhere: ways of asking for a choice
  ("option", "range"), of selling ("sold", "stock") and politeness
  ("please"). "I wish you sold an oat-milk option" asks for "oat milk";
- the first other word that names nothing ends it, as a preposition, a
  conjunction or a pronoun does: "I wish you had a loan bike during repairs"
  asks for "loan bike", "Please add oat milk and soy milk" for "oat milk";
- a filler followed by "of" drops the words before it, which described the
  choice: "a wider range of teas" asks for "teas".

Words are compared by stem, ignoring case, and a hyphen is a space:
"oat-milk" is "oat milk".

One want is asked for in different words, so wants are grouped by what they
share: a comment counts, once, for every run of words of its want ("soup
kit recipes" counts for "soup kit recipes", "soup kit", "kit recipes",
"soup", "kit" and "recipes"). "I wish you sold a soup kit option", "Please
add soup kits", "Would love soup kit recipes" and "Any chance of a soup
kit?" are one want, "soup kit", in 4 comments. A want is named by the
longest run asked for in at least 3 comments. A run inside a want already
named ("soup" inside "soup kit") is not reported next to it: only when at
least 3 of its comments are not that want's is it a want of its own ("soup"
in 6 comments, 3 of them about soup kits). A word alone is no want when
every comment that asks for it puts it in front of another word: "late
opening", "late night repairs" and "a late pickup slot" do not make "late"
a want, nor "free parking", "free wifi" and "free coffee" "free". One
comment asking for the word itself is enough: "Please add parking",
"parking spaces" and "parking bays" are "parking", in 3 comments. Without a
grammar, planlint cannot tell a word that describes from a thing asked
for, and a describing word named as a want is noise.

A want is covered when a single text of the plan holds all of its words (by
stem or synonym): an offering, the WHAT or HOW statement, a differentiator,
a persona want or a touchpoint message. The message quotes the want, its
count and example comments; at most 10 wants are reported. With a date
column it also says how many of the dated comments fall in the file's last
calendar quarter (the quarter of its last date), so a want that is growing
shows: "oat milk" in 4 comments (3 of the 4 with a date in 2026-Q4).

## Why it matters
Customers who take the trouble to say what they want are answering the most
important question a plan can ask. When the same wish comes back again and
again and the plan has nothing for it, the business is not listening, and a
competitor who does will get those customers.

## Example
Five comments ask for "a loan bike while mine is in for repair" and nothing in
the plan mentions a loan bike.

## How to fix
Decide: offer it (add it to `[what] offerings` or a persona's `wants` and plan
the touchpoint that tells people), or explain to the customers who asked why
not. Either way, the want has been heard.

## Settings
- `feedback-min-wants` (default 3): the comments that must ask for the same
  thing before it is reported, in `[settings]` of planlint.toml."#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let Some(feedback) = cx.feedback else { return };
    let plan = cx.plan;
    let covering: Vec<_> = plan_texts(plan)
        .into_iter()
        .map(|t| concepts().of(t))
        .collect();
    let wants = wants(&feedback.aggregates.wants, cx.settings.feedback_min_wants);
    let unmet = wants
        .into_iter()
        .filter(|e| {
            let wanted = concepts().of(&e.display);
            !wanted.is_empty() && !covering.iter().any(|c| wanted.is_subset(c))
        })
        .take(MAX_WANTS);
    let keys: Vec<(u64, &Entry)> = feedback.aggregates.wants.top_keyed(usize::MAX);
    for entry in unmet {
        let examples = quotes(entry.examples.texts(), 2);
        let key = keys
            .iter()
            .find(|(_, e)| std::ptr::eq(*e, entry))
            .map(|(k, _)| *k);
        let trend = match (key, &feedback.dating) {
            (Some(key), Some(choice)) => last_quarter(&feedback.aggregates, key, choice)
                .map(|(dated, recent, quarter)| {
                    format!(" ({recent} of the {dated} with a date in {quarter}, the file's last quarter)")
                })
                .unwrap_or_default(),
            _ => String::new(),
        };
        cx.report(
            &RULE,
            Subject::Plan,
            feedback_anchor(plan),
            format!(
                "customers ask for \"{}\" in {} comments{trend} and nothing in the plan covers it: {examples}",
                entry.display, entry.count
            ),
        );
    }
}

/// The texts of the plan that can answer a want.
fn plan_texts(plan: &Plan) -> Vec<&str> {
    let mut texts = plan.how_and_what_texts();
    texts.extend(
        plan.personas
            .iter()
            .flat_map(|p| items(&p.wants))
            .map(|i| i.text.as_str()),
    );
    texts.extend(plan.touchpoints.iter().filter_map(|t| text(&t.message)));
    texts
}
