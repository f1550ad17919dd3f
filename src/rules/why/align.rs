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

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;

use crate::plan::{Plan, items, text};
use crate::rules::Context;
use crate::text::{Said, Weights, concepts};

/// What shared concepts must weigh for a text to be aligned: one content
/// word, or a common word that no more of the plan's `n` items use than
/// `sqrt(2 (n + 1))` (5 of 12, 6 of 20, 7 of 30), or two of them used more
/// widely.
pub(super) const ENOUGH: f64 = 0.5;

/// A text's concepts and how it said them.
type Meaning = BTreeMap<String, Said>;

/// Texts to compare with, and where they stand in the plan: `what` ("the
/// WHY", "persona") and the item's `id`, if it has one.
pub(super) struct Place<'a> {
    what: &'static str,
    id: Option<&'a str>,
    meanings: Vec<Cow<'a, Meaning>>,
}

impl Place<'_> {
    /// Whether the place is of this kind ("goal", "persona").
    pub fn is(&self, what: &str) -> bool {
        self.what == what
    }

    /// How the place says `concept`, if it does.
    fn says(&self, concept: &str) -> Option<&Said> {
        self.meanings.iter().find_map(|m| m.get(concept))
    }

    /// Where the place stands, for a reader: `the WHY`, `persona "rider"`.
    fn name(&self) -> String {
        match self.id {
            Some(id) => format!("{} \"{id}\"", self.what),
            None => self.what.to_owned(),
        }
    }
}

/// The plan's texts, each read once, and how telling each concept is in the
/// plan. WHY004 and WHY005 share one per plan ([`Context::alignment`]).
pub(in crate::rules) struct Alignment<'p> {
    weights: Weights,
    read: HashMap<&'p str, Meaning>,
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

impl<'a> Context<'a> {
    /// The plan's alignment, read the first time a rule asks for it.
    pub(super) fn alignment(&self) -> Rc<Alignment<'a>> {
        Rc::clone(
            self.alignment
                .get_or_init(|| Rc::new(Alignment::new(self.plan))),
        )
    }
}

impl<'p> Alignment<'p> {
    /// Reads the texts of the plan's items (the WHY, the HOW, the WHAT, and
    /// each goal, persona and touchpoint) and counts their concepts.
    pub(super) fn new(plan: &'p Plan) -> Self {
        let mut item_texts: Vec<Vec<&'p str>> = Vec::new();
        item_texts.extend(plan.why_statement().map(|why| vec![why]));
        if let Some(how) = &plan.how {
            item_texts.push(texts(text(&how.statement), items_of(&how.differentiators)));
        }
        if let Some(what) = &plan.what {
            item_texts.push(texts(text(&what.statement), items_of(&what.offerings)));
        }
        for goal in &plan.goals {
            item_texts.push(vec![
                goal.title.value.as_str(),
                text(&goal.metric).unwrap_or_default(),
                text(&goal.why).unwrap_or_default(),
            ]);
        }
        for persona in &plan.personas {
            let mut all: Vec<&str> = vec![
                text(&persona.summary).unwrap_or_default(),
                text(&persona.purchase_insight).unwrap_or_default(),
                text(&persona.value_proposition).unwrap_or_default(),
            ];
            all.extend(items_of(&persona.wants));
            all.extend(items_of(&persona.interests));
            item_texts.push(all);
        }
        for touchpoint in &plan.touchpoints {
            item_texts.push(vec![
                touchpoint.name.value.as_str(),
                text(&touchpoint.message).unwrap_or_default(),
                text(&touchpoint.ask).unwrap_or_default(),
                text(&touchpoint.act).unwrap_or_default(),
            ]);
        }
        let mut read = HashMap::default();
        for &t in item_texts.iter().flatten() {
            read.entry(t).or_insert_with(|| concepts().meaning(t));
        }
        let weights = Weights::new(item_texts.iter().map(|texts| {
            texts
                .iter()
                .flat_map(|t| read[t].keys().map(String::as_str))
        }));
        Self { weights, read }
    }

    /// The meaning of a text: read already when it is one of the plan's.
    fn meaning(&self, text: &str) -> Cow<'_, Meaning> {
        match self.read.get(text) {
            Some(meaning) => Cow::Borrowed(meaning),
            None => Cow::Owned(concepts().meaning(text)),
        }
    }

    /// `texts` as a place to compare with: `what` it is in the plan, and
    /// the item's `id` if it has one.
    pub(super) fn place<'a>(
        &'a self,
        what: &'static str,
        id: Option<&'a str>,
        texts: &[&str],
    ) -> Place<'a> {
        Place {
            what,
            id,
            meanings: texts.iter().map(|t| self.meaning(t)).collect(),
        }
    }

    /// `Ok` when `own` shares enough with the places, else the closest
    /// thing it shares, if any.
    pub(super) fn judge(&self, own: &[&str], places: &[&Place<'_>]) -> Result<(), Option<Closest>> {
        let own: Vec<Cow<'_, Meaning>> = own.iter().map(|t| self.meaning(t)).collect();
        let mut weight = 0.0;
        let mut closest: Option<(f64, &Said, &Place<'_>, &str)> = None;
        for (i, meaning) in own.iter().enumerate() {
            for (concept, said) in meaning.iter() {
                if own[..i].iter().any(|m| m.contains_key(concept)) {
                    continue;
                }
                let Some((place, theirs)) =
                    places.iter().find_map(|p| Some((*p, p.says(concept)?)))
                else {
                    continue;
                };
                let w = if said.common || theirs.common {
                    self.weights.weight(concept)
                } else {
                    1.0
                };
                weight += w;
                if closest.is_none_or(|(best, ..)| w > best) {
                    closest = Some((w, said, place, concept));
                }
            }
        }
        if weight >= ENOUGH {
            return Ok(());
        }
        Err(closest.map(|(_, said, place, concept)| Closest {
            word: said.word.to_string(),
            place: place.name(),
            used_by: self.weights.used_by(concept),
            items: self.weights.items(),
        }))
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
            alignment.place("the WHY", None, &[plan.why_statement().unwrap()]),
            alignment.place("the HOW", None, &plan.how_and_what_texts()),
        ];
        let places = [&places[0], &places[1]];
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
