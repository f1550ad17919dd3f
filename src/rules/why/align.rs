//! Alignment by meaning, shared by WHY004 and WHY005: does a text share
//! enough with the texts it should echo?
//!
//! Each text is read as its concepts ([`Concepts::meaning`]: stems and
//! synonym groups, function words left out). A content word the text shares
//! with the others is enough; a word nearly every plan uses ("customer",
//! "plan", "day") counts by how telling it is in this plan ([`Weights`]):
//! fully when two of the plan's items use it, hardly at all when nearly every
//! item does. The text is aligned when the shared concepts weigh [`ENOUGH`];
//! when it is not, the verdict names the closest thing found, so a reader
//! sees why.
//!
//! [`Concepts::meaning`]: crate::text::Concepts::meaning

use std::collections::BTreeMap;

use crate::plan::{Plan, items, text};
use crate::text::{Said, Weights, concepts};

/// What shared concepts must weigh for a text to be aligned: one content
/// word, or a common word that at most about a quarter of the plan's items
/// use, or two of them used more widely.
pub(super) const ENOUGH: f64 = 0.5;

/// A text's concepts and how it said them.
type Meaning = BTreeMap<String, Said>;

/// A text to compare with, and where it stands in the plan ("the WHY").
#[derive(Clone)]
pub(super) struct Place {
    pub name: String,
    meaning: Meaning,
}

impl Place {
    pub fn new(name: impl Into<String>, texts: &[&str]) -> Self {
        Self {
            name: name.into(),
            meaning: meaning_of(texts),
        }
    }
}

/// The concepts of several texts read as one.
fn meaning_of(texts: &[&str]) -> Meaning {
    let mut meaning = Meaning::new();
    for text in texts {
        for (concept, said) in concepts().meaning(text) {
            meaning.entry(concept).or_insert(said);
        }
    }
    meaning
}

/// The plan's items, read once, and how telling each concept is in it.
pub(super) struct Alignment {
    weights: Weights,
}

/// The closest thing an unaligned text shares with what it was compared
/// with: its best concept, a common word too common in the plan to count.
pub(super) struct Closest {
    /// The word as the text wrote it.
    pub word: String,
    /// Where the others say it.
    pub place: String,
    pub used_by: u32,
    pub items: u32,
}

impl Closest {
    /// The evidence of a finding: the closest the text comes to what it was
    /// compared with, or that none of its words (`whose`, e.g. "of its
    /// message") appears there.
    pub fn describe(closest: Option<&Closest>, whose: &str) -> String {
        match closest {
            Some(c) => format!(
                "the closest it comes is \"{}\" (in {}), a word {} of the plan's {} items use",
                c.word, c.place, c.used_by, c.items
            ),
            None => format!("no word {whose} appears there"),
        }
    }
}

impl Alignment {
    /// Counts the concepts of the plan's items: the WHY, the HOW, the WHAT,
    /// and each goal, persona and touchpoint.
    pub fn new(plan: &Plan) -> Self {
        let mut items: Vec<Meaning> = Vec::new();
        items.extend(plan.why_statement().map(|why| meaning_of(&[why])));
        if let Some(how) = &plan.how {
            items.push(meaning_of(&texts(
                text(&how.statement),
                items_of(&how.differentiators),
            )));
        }
        if let Some(what) = &plan.what {
            items.push(meaning_of(&texts(
                text(&what.statement),
                items_of(&what.offerings),
            )));
        }
        for goal in &plan.goals {
            items.push(meaning_of(&[
                goal.title.value.as_str(),
                text(&goal.metric).unwrap_or_default(),
                text(&goal.why).unwrap_or_default(),
            ]));
        }
        for persona in &plan.personas {
            let mut all: Vec<&str> = vec![
                text(&persona.summary).unwrap_or_default(),
                text(&persona.purchase_insight).unwrap_or_default(),
                text(&persona.value_proposition).unwrap_or_default(),
            ];
            all.extend(items_of(&persona.wants));
            all.extend(items_of(&persona.interests));
            items.push(meaning_of(&all));
        }
        for touchpoint in &plan.touchpoints {
            items.push(meaning_of(&[
                touchpoint.name.value.as_str(),
                text(&touchpoint.message).unwrap_or_default(),
                text(&touchpoint.ask).unwrap_or_default(),
                text(&touchpoint.act).unwrap_or_default(),
            ]));
        }
        Self {
            weights: Weights::new(&items),
        }
    }

    /// `Ok` when `own` shares enough with the places, else the closest
    /// thing it shares, if any.
    pub fn judge(&self, own: &[&str], places: &[Place]) -> Result<(), Option<Closest>> {
        let own = meaning_of(own);
        let mut weight = 0.0;
        let mut closest: Option<(f64, Closest)> = None;
        for (concept, said) in &own {
            let Some(place) = places.iter().find(|p| p.meaning.contains_key(concept)) else {
                continue;
            };
            let common = said.common || place.meaning[concept].common;
            let w = if common {
                self.weights.weight(concept)
            } else {
                1.0
            };
            weight += w;
            if closest.as_ref().is_none_or(|(best, _)| w > *best) {
                let found = Closest {
                    word: said.word.clone(),
                    place: place.name.clone(),
                    used_by: self.weights.used_by(concept),
                    items: self.weights.items(),
                };
                closest = Some((w, found));
            }
        }
        if weight >= ENOUGH {
            Ok(())
        } else {
            Err(closest.map(|(_, c)| c))
        }
    }
}

fn items_of(list: &Option<crate::plan::Field<Vec<crate::plan::Item>>>) -> Vec<&str> {
    items(list).map(|i| i.text.as_str()).collect()
}

fn texts<'a>(first: Option<&'a str>, rest: Vec<&'a str>) -> Vec<&'a str> {
    first.into_iter().chain(rest).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::load_plan;
    use crate::source::SourceFile;

    fn plan(text: &str) -> Plan {
        load_plan(&SourceFile::new("t.plan.toml", text)).unwrap()
    }

    const PLAN: &str = r#"
name = "t"
[why]
statement = "We believe customers should feel at home with their money."
[how]
statement = "Customers meet an adviser who knows them; payment plans spread the cost."
[[goal]]
id = "followers"
title = "Customers follow us on Instagram"
metric = "followers"
[[goal]]
id = "plans"
title = "Sell 150 yearly plans"
metric = "plans sold"
[[persona]]
id = "saver"
name = "Saver"
wants = ["customers like me get a straight answer"]
[[touchpoint]]
id = "letter"
name = "Letter to customers"
message = "What customers asked us this month"
[[touchpoint]]
id = "call"
name = "Customers' call"
message = "A call for customers who missed a payment"
"#;

    #[test]
    fn a_common_word_counts_where_the_plan_uses_it_little_and_not_where_it_uses_it_everywhere() {
        let plan = plan(PLAN);
        let alignment = Alignment::new(&plan);
        let places = [
            Place::new("the WHY", &[plan.why_statement().unwrap()]),
            Place::new("the HOW", &plan.how_and_what_texts()),
        ];
        // "customers" is in 6 of the plan's 7 items: too common to count.
        let Err(Some(closest)) = alignment.judge(&["Customers follow us on Instagram"], &places)
        else {
            panic!("a goal sharing only \"customers\" should not be aligned");
        };
        assert_eq!(
            (
                closest.word.as_str(),
                closest.place.as_str(),
                closest.used_by,
                closest.items
            ),
            ("customers", "the WHY", 6, 7)
        );
        // "plans" is in 2 of them: it counts.
        assert!(alignment.judge(&["Sell 150 yearly plans"], &places).is_ok());
        // Nothing shared at all.
        assert!(matches!(
            alignment.judge(&["Win an award"], &places),
            Err(None)
        ));
    }
}
