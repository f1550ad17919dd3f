//! The plan model (format v1) with the byte span of every key and value.
//!
//! Floor `plan`: imports `source`, `text` and `diagnostic`, never the rules
//! (a waiver names its rule as written).

pub(crate) mod keys;
mod load;
pub(crate) mod syntax;

use std::ops::Range;

use crate::text::Offer;

pub use keys::{GOAL_KINDS, STAGES};
pub use load::{Draft, LoadError, LoadErrorKind, LoadErrors, MAX_ERRORS, read};
pub(crate) use load::{number_value, type_name};

pub type Span = Range<usize>;

/// A value read from the plan, with the span of its key and of its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Field<T> {
    pub value: T,
    pub key: Span,
    pub span: Span,
}

/// One string of a list, with its own span.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub name: Option<Field<String>>,
    pub owner: Option<Field<String>>,
    pub period: Option<Field<String>>,
    pub feedback: Option<Field<String>>,
    pub why: Option<Why>,
    pub how: Option<How>,
    pub what: Option<What>,
    pub goals: Vec<Goal>,
    pub personas: Vec<Persona>,
    pub touchpoints: Vec<Touchpoint>,
    /// The top-level `[allow]`: rules waived for the plan as a whole.
    pub allow: Vec<Waiver>,
}

/// One rule waived in an `allow` table: `TX001 = "reason"`, or
/// `TX001 = { reason = "...", until = 2027-01-31 }`.
#[derive(Debug, Clone)]
pub struct Waiver {
    /// The rule's code or name as written (`tx001`, `missing-how`); the
    /// checker looks it up in the registry, and refuses the plan when it is
    /// no rule, or one that cannot be waived.
    pub rule: String,
    /// The rule's key in the `allow` table, where findings about the waiver point.
    pub key: Span,
    /// `None` when the table form has no `reason`.
    pub reason: Option<Field<String>>,
    /// The last day the waiver holds.
    pub until: Option<Field<toml::value::Date>>,
    /// The errors in the value (in its table's keys, `reason` or `until`),
    /// or a value that is neither a reason nor a table. They are reported
    /// only when the rule may be waived: a waiver of a rule planlint does not
    /// have is one error, about the rule.
    pub value: Result<LoadErrors, WrongType>,
}

/// A waiver's value that is neither a reason nor a table.
#[derive(Debug, Clone)]
pub struct WrongType {
    /// What it is instead: `an integer`.
    pub found: &'static str,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Why {
    pub header: Span,
    pub statement: Option<Field<String>>,
}

#[derive(Debug, Clone)]
pub struct How {
    pub header: Span,
    pub statement: Option<Field<String>>,
    pub differentiators: Option<Field<Vec<Item>>>,
}

#[derive(Debug, Clone)]
pub struct What {
    pub header: Span,
    pub statement: Option<Field<String>>,
    pub offerings: Option<Field<Vec<Item>>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoalKind {
    Satisfaction,
    Cost,
    Revenue,
}

#[derive(Debug, Clone)]
pub struct Goal {
    /// The `[[goal]]` header.
    pub header: Span,
    pub id: Field<String>,
    pub title: Field<String>,
    pub kind: Option<Field<GoalKind>>,
    pub metric: Option<Field<String>>,
    pub baseline: Option<Field<f64>>,
    pub target: Option<Field<f64>>,
    pub due: Option<Field<toml::value::Date>>,
    pub why: Option<Field<String>>,
    pub allow: Vec<Waiver>,
}

#[derive(Debug, Clone)]
pub struct Persona {
    pub header: Span,
    pub id: Field<String>,
    pub name: Field<String>,
    pub summary: Option<Field<String>>,
    pub wants: Option<Field<Vec<Item>>>,
    pub evidence: Option<Field<Vec<Item>>>,
    pub interests: Option<Field<Vec<Item>>>,
    pub purchase_insight: Option<Field<String>>,
    pub value_proposition: Option<Field<String>>,
    pub allow: Vec<Waiver>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    Awareness,
    Consideration,
    Purchase,
    Onboarding,
    Retention,
    Advocacy,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Awareness,
        Stage::Consideration,
        Stage::Purchase,
        Stage::Onboarding,
        Stage::Retention,
        Stage::Advocacy,
    ];

    pub fn as_str(self) -> &'static str {
        STAGES[self as usize]
    }
}

#[derive(Debug, Clone)]
pub struct Touchpoint {
    pub header: Span,
    pub id: Field<String>,
    pub name: Field<String>,
    pub stage: Option<Field<Stage>>,
    pub channel: Option<Field<String>>,
    pub owner: Option<Field<String>>,
    pub personas: Option<Field<Vec<Item>>>,
    pub goals: Option<Field<Vec<Item>>>,
    pub message: Option<Field<String>>,
    pub ask: Option<Field<String>>,
    pub act: Option<Field<String>>,
    pub per_week: Option<Field<f64>>,
    pub allow: Vec<Waiver>,
}

/// The text of an optional field, or `None` when it is absent or blank.
pub fn text<T: AsRef<str>>(field: &Option<Field<T>>) -> Option<&str> {
    field
        .as_ref()
        .map(|f| f.value.as_ref().trim())
        .filter(|s| !s.is_empty())
}

/// The non-blank items of an optional list.
pub fn items(field: &Option<Field<Vec<Item>>>) -> impl Iterator<Item = &Item> {
    field
        .iter()
        .flat_map(|f| f.value.iter())
        .filter(|item| !item.text.trim().is_empty())
}

impl Plan {
    pub fn why_statement(&self) -> Option<&str> {
        self.why.as_ref().and_then(|why| text(&why.statement))
    }

    /// The texts of the HOW (statement, differentiators) and the WHAT
    /// (statement, offerings): what the business says it does and offers.
    pub fn how_and_what_texts(&self) -> Vec<&str> {
        let mut texts = Vec::new();
        if let Some(how) = &self.how {
            texts.extend(text(&how.statement));
            texts.extend(items(&how.differentiators).map(|i| i.text.as_str()));
        }
        if let Some(what) = &self.what {
            texts.extend(text(&what.statement));
            texts.extend(items(&what.offerings).map(|i| i.text.as_str()));
        }
        texts
    }

    /// What the business sells, as its WHAT (statement, offerings) names
    /// it: what the rules that read a persona's words against the offer
    /// compare them with.
    pub fn offer(&self) -> Offer {
        let Some(what) = self.what.as_ref() else {
            return Offer::default();
        };
        Offer::of(
            text(&what.statement)
                .into_iter()
                .chain(items(&what.offerings).map(|o| o.text.as_str())),
        )
    }

    pub fn persona(&self, id: &str) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id.value == id)
    }

    /// The touchpoints whose `personas` list names this persona.
    pub fn touchpoints_reaching<'a>(
        &'a self,
        persona: &'a str,
    ) -> impl Iterator<Item = &'a Touchpoint> {
        self.touchpoints
            .iter()
            .filter(move |t| items(&t.personas).any(|p| p.text == persona))
    }
}

impl Touchpoint {
    pub fn asks(&self) -> bool {
        text(&self.ask).is_some()
    }
}
