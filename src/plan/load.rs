//! From TOML text to a [`Plan`], keeping every span and collecting every
//! structural error in one pass, so a user fixes a broken plan in one round.
//!
//! The loader knows no rules: a waiver keeps its rule as written, and the
//! checker validates it against the registry before the plan is used
//! ([`Draft`] is the plan in between).

use std::collections::BinaryHeap;
use std::num::IntErrorKind;

use toml::Spanned;
use toml::de::{DeArray, DeString, DeTable, DeValue};

use super::keys::{EXTENSION_PREFIX, Kind, Number, TOP, Table, WAIVER, is_valid_id, tables};
use super::syntax;
use super::{
    Field, Goal, GoalKind, How, Item, Persona, Plan, Span, Stage, Touchpoint, Waiver, What, Why,
    WrongType,
};
use crate::source::{SourceFile, excerpt};
use crate::text::suggest;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// Not TOML, a wrong type, a missing required key or a value out of range.
    Invalid,
    /// A key that is not part of the format.
    UnknownKey,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub kind: LoadErrorKind,
    pub span: Span,
    pub message: String,
    pub help: String,
}

type Key<'i> = Spanned<DeString<'i>>;
type Value<'i> = Spanned<DeValue<'i>>;

/// At most this many errors of a plan are reported, and one more saying how
/// many are left: a real plan has a handful, and a file with thousands is not
/// a plan, whose report should not run to hundreds of megabytes.
pub const MAX_ERRORS: usize = 100;

/// How many errors the loader keeps before it only counts them; the first
/// [`MAX_ERRORS`] of them by position are shown.
const KEPT_ERRORS: usize = 10 * MAX_ERRORS;

/// A plan as read, with the errors found so far, before its waivers are
/// checked against the registry; [`read`] gives it to the caller's check
/// and then returns the plan, or its errors.
#[derive(Debug)]
pub struct Draft {
    pub plan: Plan,
    /// The `allow` tables of goals, personas and touchpoints that could not
    /// be read, whose waivers are checked all the same: their errors are
    /// reported with the others.
    pub unplaced: Vec<Vec<Waiver>>,
    errors: LoadErrors,
}

impl Draft {
    /// Adds errors found in the plan's waivers.
    pub fn report(&mut self, errors: LoadErrors) {
        self.errors.append(errors);
    }

    /// The plan, or its errors (see [`MAX_ERRORS`]); a plan with errors is
    /// not returned, because rules judging half a plan would report defects
    /// that are not there.
    fn finish(self) -> Result<Plan, Vec<LoadError>> {
        if self.errors.is_empty() {
            Ok(self.plan)
        } else {
            let (errors, dropped) = self.errors.into_sorted();
            Err(bounded(errors, dropped))
        }
    }
}

/// The errors of a plan: the first [`KEPT_ERRORS`] by position are kept and
/// the others counted, in whatever order they are found, so that the errors
/// shown are the first in the file (those of the waivers, checked last,
/// among them).
#[derive(Debug, Clone, Default)]
pub struct LoadErrors {
    /// The last kept error on top, to be let go for an earlier one.
    kept: BinaryHeap<Positioned>,
    dropped: usize,
    found: u64,
}

#[derive(Debug, Clone)]
struct Positioned {
    /// Start, end, and the order found in, which breaks ties.
    at: (usize, usize, u64),
    error: LoadError,
}

impl PartialEq for Positioned {
    fn eq(&self, other: &Self) -> bool {
        self.at == other.at
    }
}

impl Eq for Positioned {}

impl PartialOrd for Positioned {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Positioned {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.at.cmp(&other.at)
    }
}

impl LoadErrors {
    pub fn push(&mut self, error: LoadError) {
        let at = (error.span.start, error.span.end, self.found);
        self.found += 1;
        if self.kept.len() < KEPT_ERRORS {
            self.kept.push(Positioned { at, error });
            return;
        }
        self.dropped += 1;
        if self.kept.peek().is_some_and(|last| at < last.at) {
            self.kept.pop();
            self.kept.push(Positioned { at, error });
        }
    }

    /// Adds another set's errors, kept and counted.
    pub fn append(&mut self, other: LoadErrors) {
        self.dropped += other.dropped;
        let mut errors: Vec<Positioned> = other.kept.into_vec();
        errors.sort();
        for found in errors {
            self.push(found.error);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    fn iter(&self) -> impl Iterator<Item = &LoadError> {
        self.kept.iter().map(|p| &p.error)
    }

    /// The kept errors in the order of the file, and how many were only
    /// counted.
    fn into_sorted(self) -> (Vec<LoadError>, usize) {
        let errors = self.kept.into_sorted_vec().into_iter().map(|p| p.error);
        (errors.collect(), self.dropped)
    }
}

/// Reads a plan: the plan, or its errors (see [`MAX_ERRORS`]). The plan
/// does not know the rules, so the caller says how its waivers are checked:
/// `check_waivers` is given the [`Draft`] once it is read and reports the
/// waivers' errors with [`Draft::report`]. There is no way to a [`Plan`]
/// that skips it.
pub fn read(
    source: &SourceFile,
    check_waivers: impl FnOnce(&mut Draft),
) -> Result<Plan, Vec<LoadError>> {
    let mut draft = draft(source)?;
    check_waivers(&mut draft);
    draft.finish()
}

/// A plan as read, or the syntax errors of a file that is not TOML.
fn draft(source: &SourceFile) -> Result<Draft, Vec<LoadError>> {
    let (doc, syntax) = DeTable::parse_recoverable(&source.text);
    if !syntax.is_empty() {
        let (explained, more) = syntax::explain(&source.text, &syntax, MAX_ERRORS + 1);
        let errors = explained
            .into_iter()
            .map(|e| LoadError {
                kind: LoadErrorKind::Invalid,
                span: e.span,
                message: e.message,
                help: e.help.unwrap_or_else(|| {
                    "fix the TOML syntax at this position; strings need quotes, \
                     dates look like 2027-03-31"
                        .to_owned()
                }),
            })
            .collect();
        return Err(bounded(errors, more));
    }
    let mut loader = Loader {
        text: &source.text,
        errors: LoadErrors::default(),
        unplaced: Vec::new(),
    };
    let plan = loader.plan(doc.get_ref(), source);
    Ok(Draft {
        plan,
        unplaced: loader.unplaced,
        errors: loader.errors,
    })
}

/// The first [`MAX_ERRORS`] errors, and one where the rest start that
/// counts them with the `dropped` ones, which were counted but not kept.
fn bounded(mut errors: Vec<LoadError>, dropped: usize) -> Vec<LoadError> {
    if errors.len() <= MAX_ERRORS {
        return errors;
    }
    let left = errors.len() - MAX_ERRORS + dropped;
    let span = errors[MAX_ERRORS].span.clone();
    errors.truncate(MAX_ERRORS);
    errors.push(LoadError {
        kind: LoadErrorKind::Invalid,
        span,
        message: format!("{left} more errors from here on are not shown"),
        help: "fix the errors above and check again; a file with this many errors \
               is probably not a plan"
            .to_owned(),
    });
    errors
}

struct Loader<'s> {
    /// The plan's text, to quote a value as it was written.
    text: &'s str,
    errors: LoadErrors,
    /// See [`Draft::unplaced`].
    unplaced: Vec<Vec<Waiver>>,
}

/// The checked keys of one table, looked up by name.
struct Entries<'a, 'i> {
    /// The table of the format they were checked against.
    format: &'static Table,
    header: Span,
    entries: Vec<(&'a Key<'i>, &'a Value<'i>)>,
}

impl<'a, 'i> Entries<'a, 'i> {
    fn get(&self, key: &str) -> Option<(&'a Key<'i>, &'a Value<'i>)> {
        self.entries
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .copied()
    }

    /// The kind the format gives `key`; the loader reads only keys of the
    /// table, which the tests of every key make sure of.
    fn kind(&self, key: &str) -> Kind {
        match self.format.get(key) {
            Some(key) => key.kind,
            None => panic!("`{key}` is not a key of {}", self.format.shown_as),
        }
    }
}

impl Loader<'_> {
    fn report(&mut self, error: impl FnOnce() -> LoadError) {
        self.errors.push(error());
    }

    fn invalid(&mut self, span: Span, message: String, help: impl Into<String>) {
        self.report(|| LoadError {
            kind: LoadErrorKind::Invalid,
            span,
            message,
            help: help.into(),
        });
    }

    fn plan(&mut self, doc: &DeTable<'_>, source: &SourceFile) -> Plan {
        let top = self.entries(doc, 0..0, &TOP);
        let mut plan = Plan {
            name: self.string(&top, "name"),
            owner: self.string(&top, "owner"),
            period: self.string(&top, "period"),
            feedback: self.string(&top, "feedback"),
            allow: self.allow(&top),
            ..Plan::default()
        };
        if plan.name.is_none() && !self.errors.iter().any(|e| e.span == (0..0)) {
            let help = "start the plan with a line like: name = \"Harbor Bikes 2027\"";
            if source.text.trim().is_empty() {
                self.invalid(0..0, "the plan file is empty".to_owned(), help);
            } else if top.get("name").is_none() {
                self.invalid(0..0, "the plan has no `name`".to_owned(), help);
            }
        }
        if let Some(t) = self.table(&top, "why") {
            plan.why = Some(Why {
                statement: self.string(&t, "statement"),
                header: t.header,
            });
        }
        if let Some(t) = self.table(&top, "how") {
            plan.how = Some(How {
                statement: self.string(&t, "statement"),
                differentiators: self.strings(&t, "differentiators"),
                header: t.header,
            });
        }
        if let Some(t) = self.table(&top, "what") {
            plan.what = Some(What {
                statement: self.string(&t, "statement"),
                offerings: self.strings(&t, "offerings"),
                header: t.header,
            });
        }
        plan.goals = self.array_of_tables(&top, "goal", |l, t| {
            // Every field is read before any `?`, so one bad value does not
            // hide the errors of the others.
            let (id, title) = (l.id(t), l.string(t, "title"));
            let kind = l.choice(t, "kind", |i| {
                [GoalKind::Satisfaction, GoalKind::Cost, GoalKind::Revenue][i]
            });
            let (metric, why) = (l.string(t, "metric"), l.string(t, "why"));
            let baseline = l.number(t, "baseline");
            let target = l.number(t, "target");
            let due = l.date(t, "due");
            let allow = l.allow(t);
            let (Some(id), Some(title)) = (id, title) else {
                l.unplaced.push(allow);
                return None;
            };
            Some(Goal {
                id,
                title,
                kind,
                metric,
                baseline,
                target,
                due,
                why,
                allow,
                header: t.header.clone(),
            })
        });
        plan.personas = self.array_of_tables(&top, "persona", |l, t| {
            let (id, name) = (l.id(t), l.string(t, "name"));
            let summary = l.string(t, "summary");
            let (wants, evidence) = (l.strings(t, "wants"), l.strings(t, "evidence"));
            let interests = l.strings(t, "interests");
            let purchase_insight = l.string(t, "purchase_insight");
            let value_proposition = l.string(t, "value_proposition");
            let allow = l.allow(t);
            let (Some(id), Some(name)) = (id, name) else {
                l.unplaced.push(allow);
                return None;
            };
            Some(Persona {
                id,
                name,
                summary,
                wants,
                evidence,
                interests,
                purchase_insight,
                value_proposition,
                allow,
                header: t.header.clone(),
            })
        });
        plan.touchpoints = self.array_of_tables(&top, "touchpoint", |l, t| {
            let (id, name) = (l.id(t), l.string(t, "name"));
            let stage = l.choice(t, "stage", |i| Stage::ALL[i]);
            let (channel, owner) = (l.string(t, "channel"), l.string(t, "owner"));
            let (personas, goals) = (l.strings(t, "personas"), l.strings(t, "goals"));
            let (message, ask, act) = (
                l.string(t, "message"),
                l.string(t, "ask"),
                l.string(t, "act"),
            );
            let per_week = l.number(t, "per_week");
            let allow = l.allow(t);
            let (Some(id), Some(name)) = (id, name) else {
                l.unplaced.push(allow);
                return None;
            };
            Some(Touchpoint {
                id,
                name,
                stage,
                channel,
                owner,
                personas,
                goals,
                message,
                ask,
                act,
                per_week,
                allow,
                header: t.header.clone(),
            })
        });
        plan
    }

    /// Checks the keys of a table against the format and reports strangers.
    fn entries<'a, 'i>(
        &mut self,
        table: &'a DeTable<'i>,
        header: Span,
        format: &'static Table,
    ) -> Entries<'a, 'i> {
        let shown_as = format.shown_as;
        for key in table.keys() {
            let name = key.get_ref().as_ref();
            if format.get(name).is_some() || name.starts_with(EXTENSION_PREFIX) {
                continue;
            }
            self.report(|| LoadError {
                kind: LoadErrorKind::UnknownKey,
                span: key.span(),
                message: format!("unknown key `{}` in {shown_as}", excerpt(name)),
                help: unknown_key_help(name, format),
            });
        }
        Entries {
            format,
            header,
            entries: table.iter().collect(),
        }
    }

    fn table<'a, 'i>(&mut self, parent: &Entries<'a, 'i>, key: &str) -> Option<Entries<'a, 'i>> {
        let Kind::Table(format) = parent.kind(key) else {
            panic!("`{key}` is not a table of the format");
        };
        let (_, value) = parent.get(key)?;
        let shown_as = format.shown_as;
        match value.get_ref() {
            DeValue::Table(table) => Some(self.entries(table, value.span(), format)),
            other => {
                self.invalid(
                    value.span(),
                    format!("`{key}` must be a table, not {}", type_name(other)),
                    format!("write it as a table: {shown_as} on its own line, then its keys below"),
                );
                None
            }
        }
    }

    /// The items of a list of tables, each built from its keys once the
    /// format's required keys are found missing or not.
    fn array_of_tables<'a, 'i, T>(
        &mut self,
        parent: &Entries<'a, 'i>,
        key: &str,
        mut build: impl FnMut(&mut Self, &Entries<'a, 'i>) -> Option<T>,
    ) -> Vec<T> {
        let Kind::Tables(format) = parent.kind(key) else {
            panic!("`{key}` is not a list of tables of the format");
        };
        let Some((_, value)) = parent.get(key) else {
            return Vec::new();
        };
        let shown_as = format.shown_as;
        let DeValue::Array(array) = value.get_ref() else {
            self.invalid(
                value.span(),
                format!(
                    "`{key}` must be a list of tables, not {}",
                    type_name(value.get_ref())
                ),
                format!("write each item under its own {shown_as} header"),
            );
            return Vec::new();
        };
        let mut items = Vec::new();
        for element in array.iter() {
            match element.get_ref() {
                DeValue::Table(table) => {
                    let entries = self.entries(table, element.span(), format);
                    for required in format.keys.iter().filter(|k| k.required) {
                        if entries.get(required.name).is_none() {
                            self.invalid(
                                entries.header.clone(),
                                format!("this {key} has no `{}`", required.name),
                                format!("every {shown_as} needs a `{}`", required.name),
                            );
                        }
                    }
                    items.extend(build(self, &entries));
                }
                other => self.invalid(
                    element.span(),
                    format!("each `{key}` must be a table, not {}", type_name(other)),
                    format!("write each item under its own {shown_as} header"),
                ),
            }
        }
        items
    }

    fn typed<'a, 'i, T>(
        &mut self,
        entries: &Entries<'a, 'i>,
        key: &str,
        expected: &str,
        convert: impl FnOnce(&DeValue<'i>) -> Option<T>,
    ) -> Option<Field<T>> {
        let (k, v) = entries.get(key)?;
        match convert(v.get_ref()) {
            Some(value) => Some(Field {
                value,
                key: k.span(),
                span: v.span(),
            }),
            None => {
                self.invalid(
                    v.span(),
                    format!("`{key}` must be {expected}, not {}", type_name(v.get_ref())),
                    format!("give `{key}` {expected}"),
                );
                None
            }
        }
    }

    fn string(&mut self, entries: &Entries<'_, '_>, key: &str) -> Option<Field<String>> {
        debug_assert!(matches!(
            entries.kind(key),
            Kind::Text | Kind::Id | Kind::Choice(_)
        ));
        self.typed(entries, key, "a string", |v| v.as_str().map(str::to_owned))
    }

    fn id(&mut self, entries: &Entries<'_, '_>) -> Option<Field<String>> {
        let id = self.string(entries, "id")?;
        if !is_valid_id(&id.value) {
            self.invalid(
                id.span.clone(),
                format!("id \"{}\" is not a valid id", excerpt(&id.value)),
                format!(
                    "use lower-case letters, digits and hyphens, starting with a letter or digit, e.g. \"{}\"",
                    excerpt(&id_like(&id.value))
                ),
            );
            return None;
        }
        Some(id)
    }

    fn strings(&mut self, entries: &Entries<'_, '_>, key: &str) -> Option<Field<Vec<Item>>> {
        debug_assert_eq!(entries.kind(key), Kind::Texts);
        let (k, v) = entries.get(key)?;
        let Some(array) = v.get_ref().as_array() else {
            let (message, help) = match v.get_ref().as_str() {
                Some(s) => (
                    format!("`{key}` must be a list of strings, not a single string"),
                    format!("put it in brackets: {key} = [{:?}]", excerpt(s)),
                ),
                None => (
                    format!(
                        "`{key}` must be a list of strings, not {}",
                        type_name(v.get_ref())
                    ),
                    format!("write it as {key} = [\"...\", \"...\"]"),
                ),
            };
            self.invalid(v.span(), message, help);
            return None;
        };
        let value = self.string_items(key, array)?;
        Some(Field {
            value,
            key: k.span(),
            span: v.span(),
        })
    }

    fn string_items(&mut self, key: &str, array: &DeArray<'_>) -> Option<Vec<Item>> {
        let mut items = Vec::new();
        let mut ok = true;
        for element in array.iter() {
            match element.get_ref().as_str() {
                Some(text) => items.push(Item {
                    text: text.to_owned(),
                    span: element.span(),
                }),
                None => {
                    ok = false;
                    self.invalid(
                        element.span(),
                        format!(
                            "every item of `{key}` must be a string, not {}",
                            type_name(element.get_ref())
                        ),
                        "put the item in double quotes",
                    );
                }
            }
        }
        ok.then_some(items)
    }

    fn number(&mut self, entries: &Entries<'_, '_>, key: &str) -> Option<Field<f64>> {
        let Kind::Number(Number::Range(range)) = entries.kind(key) else {
            panic!("`{key}` is not a number with a range");
        };
        let field = self.typed(entries, key, "a number", number_value)?;
        let (value, shown) = (field.value, excerpt(&self.text[field.span.clone()]));
        let problem = if value.is_nan() {
            format!("`{key}` is {shown}, which is not a number")
        } else if value > range.max {
            format!("`{key}` is too large: {shown} is above {}", range.max_shown)
        } else if value < range.min && range.min == 0.0 {
            format!("`{key}` cannot be negative: {shown}")
        } else if value < range.min {
            format!("`{key}` is too small: {shown} is below {}", range.min_shown)
        } else {
            return Some(field);
        };
        self.invalid(
            field.span.clone(),
            problem,
            format!("give `{key}` {}", range.described),
        );
        None
    }

    fn date(&mut self, entries: &Entries<'_, '_>, key: &str) -> Option<Field<toml::value::Date>> {
        debug_assert_eq!(entries.kind(key), Kind::Date);
        let (k, v) = entries.get(key)?;
        if let Some(date) = v
            .get_ref()
            .as_datetime()
            .filter(|d| d.time.is_none() && d.offset.is_none())
            .and_then(|d| d.date)
        {
            return Some(Field {
                value: date,
                key: k.span(),
                span: v.span(),
            });
        }
        let message = match v.get_ref() {
            DeValue::String(s) => format!(
                "`{key}` must be a TOML date, not a string (\"{}\")",
                excerpt(s)
            ),
            DeValue::Datetime(_) => format!("`{key}` must be a date without a time"),
            other => format!("`{key}` must be a TOML date, not {}", type_name(other)),
        };
        self.invalid(
            v.span(),
            message,
            format!("write the date without quotes: {key} = 2027-03-31"),
        );
        None
    }

    /// An `allow` table: rule codes or names, each with the reason the rule's
    /// finding is accepted, or a table with `reason` and `until`. Which rule
    /// a name means, and whether it may be waived, the checker decides.
    fn allow(&mut self, entries: &Entries<'_, '_>) -> Vec<Waiver> {
        debug_assert_eq!(entries.kind("allow"), Kind::Waivers);
        let Some((_, value)) = entries.get("allow") else {
            return Vec::new();
        };
        let DeValue::Table(table) = value.get_ref() else {
            self.invalid(
                value.span(),
                format!(
                    "`allow` must be a table, not {}",
                    type_name(value.get_ref())
                ),
                "write it as allow = { TX001 = \"why the finding is accepted\" }",
            );
            return Vec::new();
        };
        let mut waivers: Vec<Waiver> = Vec::new();
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            if name.starts_with(EXTENSION_PREFIX) {
                continue;
            }
            // Errors in the value count only once the rule is known to be
            // one that may be waived: they are set aside with the waiver.
            let outside = std::mem::take(&mut self.errors);
            let (reason, until) = match value.get_ref() {
                DeValue::String(reason) => {
                    let reason = Field {
                        value: reason.to_string(),
                        key: key.span(),
                        span: value.span(),
                    };
                    (Some(reason), None)
                }
                DeValue::Table(table) => {
                    let waiver = self.entries(table, value.span(), &WAIVER);
                    (self.string(&waiver, "reason"), self.date(&waiver, "until"))
                }
                other => {
                    self.errors = outside;
                    waivers.push(Waiver {
                        rule: name.to_owned(),
                        key: key.span(),
                        reason: None,
                        until: None,
                        value: Err(WrongType {
                            found: type_name(other),
                            span: value.span(),
                        }),
                    });
                    continue;
                }
            };
            waivers.push(Waiver {
                rule: name.to_owned(),
                key: key.span(),
                reason,
                until,
                value: Ok(std::mem::replace(&mut self.errors, outside)),
            });
        }
        waivers
    }

    fn choice<T>(
        &mut self,
        entries: &Entries<'_, '_>,
        key: &str,
        pick: impl Fn(usize) -> T,
    ) -> Option<Field<T>> {
        let Kind::Choice(names) = entries.kind(key) else {
            panic!("`{key}` is not a choice");
        };
        let field = self.string(entries, key)?;
        let wanted = field.value.trim().to_lowercase();
        if let Some(index) = names.iter().position(|n| *n == wanted) {
            return Some(Field {
                value: pick(index),
                key: field.key,
                span: field.span,
            });
        }
        let mut help = format!("use one of: {}", names.join(", "));
        if let Some(close) = suggest(&wanted, names.iter().copied()) {
            help = format!("did you mean \"{close}\"? ({help})");
        }
        self.invalid(
            field.span,
            format!(
                "`{key}` \"{}\" is not one of {}",
                excerpt(&field.value),
                names.join(", ")
            ),
            help,
        );
        None
    }
}

fn unknown_key_help(name: &str, format: &Table) -> String {
    let shown_as = format.shown_as;
    if let Some(close) = suggest(name, format.names()) {
        return format!("did you mean `{close}`? Keys of your own must start with `x-`");
    }
    if let Some(home) = tables()
        .into_iter()
        .find(|table| table.shown_as != shown_as && table.get(name).is_some())
    {
        return format!("`{name}` belongs in {}, not in {shown_as}", home.shown_as);
    }
    format!(
        "{shown_as} accepts: {}; keys of your own must start with `x-`",
        format.names().collect::<Vec<_>>().join(", ")
    )
}

/// The value of a TOML integer or float. An integer beyond 64 bits is read
/// as infinite, so that a range check calls it too large, not "not a number".
pub(crate) fn number_value(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(i) => match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
            Ok(n) => Some(n as f64),
            Err(e) => match e.kind() {
                IntErrorKind::PosOverflow => Some(f64::INFINITY),
                IntErrorKind::NegOverflow => Some(f64::NEG_INFINITY),
                _ => None,
            },
        },
        DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
        _ => None,
    }
}

pub(crate) fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// A valid id resembling an invalid one, to show in the help.
fn id_like(id: &str) -> String {
    let mut out = String::new();
    for c in id.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "my-item".to_owned()
    } else {
        out.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    // The whole of loading, waivers checked against the registry included.
    use crate::check::load_plan as load;
    use crate::rules;

    fn errors(text: &str) -> Vec<LoadError> {
        load(&SourceFile::new("p.plan.toml", text)).expect_err("plan should not load")
    }

    #[test]
    fn a_minimal_plan_loads_with_spans() {
        let text =
            "name = \"A\"\n[[goal]]\nid = \"g\"\ntitle = \"T\"\ndue = 2027-01-31\ntarget = 1_000\n";
        let plan = load(&SourceFile::new("p", text)).unwrap();
        let goal = &plan.goals[0];
        assert_eq!(&text[goal.header.clone()], "[[goal]]");
        assert_eq!(&text[goal.id.key.clone()], "id");
        assert_eq!(goal.target.as_ref().unwrap().value, 1000.0);
        assert_eq!(goal.due.as_ref().unwrap().value.month, 1);
    }

    #[test]
    fn every_error_is_reported_in_one_pass() {
        let text = "name = \"A\"\nnmae = 1\n[[goal]]\nid = \"Bad Id\"\ntitle = \"T\"\nkind = \"sales\"\ndue = \"2027-01-01\"\n";
        let found: Vec<_> = errors(text)
            .into_iter()
            .map(|e| (e.kind, e.message))
            .collect();
        assert_eq!(found.len(), 4, "{found:#?}");
        assert_eq!(found[0].0, LoadErrorKind::UnknownKey);
        assert!(found[1].1.contains("not a valid id"));
        assert!(found[2].1.contains("\"sales\" is not one of"));
        assert!(found[3].1.contains("not a string"));
    }

    #[test]
    fn unknown_keys_suggest_the_right_key_or_table() {
        let e = &errors("name = \"A\"\n[[goal]]\nid = \"g\"\ntitle = \"T\"\nmetrc = \"x\"\n")[0];
        assert_eq!(e.kind, LoadErrorKind::UnknownKey);
        assert!(e.help.contains("did you mean `metric`"), "{}", e.help);
        let e = &errors("name = \"A\"\n[how]\nofferings = [\"x\"]\n")[0];
        assert!(e.help.contains("belongs in [what]"), "{}", e.help);
    }

    #[test]
    fn extension_keys_are_kept_for_the_user() {
        let text = "name = \"A\"\nx-budget = 5\n[[persona]]\nid = \"p\"\nname = \"P\"\nx-notes = { a = 1 }\n";
        assert!(load(&SourceFile::new("p", text)).is_ok());
    }

    #[test]
    fn syntax_errors_and_empty_files_are_invalid() {
        let e = &errors("name = \"A\"\nwhy = [1,\n")[0];
        assert!(e.message.starts_with("not valid TOML"));
        assert_eq!(errors("")[0].message, "the plan file is empty");
        assert_eq!(
            errors("owner = \"x\"\n")[0].message,
            "the plan has no `name`"
        );
    }

    #[test]
    fn waivers_load_with_their_rule_reason_date_and_key_span() {
        let text = "name = \"A\"\n[allow]\nmissing-how = \"later\"\n\
            [[touchpoint]]\nid = \"t\"\nname = \"T\"\n\
            allow = { tx001 = { reason = \"agreed\", until = 2027-01-31 }, x-note = 1 }\n";
        let plan = load(&SourceFile::new("p", text)).unwrap();
        assert_eq!(plan.allow[0].rule, "missing-how");
        assert_eq!(rules::find(&plan.allow[0].rule).unwrap().code, "WHY003");
        assert_eq!(plan.allow[0].reason.as_ref().unwrap().value, "later");
        let waiver = &plan.touchpoints[0].allow[0];
        assert_eq!(waiver.rule, "tx001");
        assert_eq!(rules::find(&waiver.rule).unwrap().code, "TX001");
        assert_eq!(&text[waiver.key.clone()], "tx001");
        assert_eq!(
            waiver.until.as_ref().unwrap().value.to_string(),
            "2027-01-31"
        );
        assert_eq!(plan.touchpoints[0].allow.len(), 1, "x- keys are the user's");
    }

    #[test]
    fn an_unknown_rule_in_allow_is_an_unknown_key_with_a_suggestion() {
        let text =
            "name = \"A\"\n[[goal]]\nid = \"g\"\ntitle = \"T\"\nallow = { GOAL02 = \"x\" }\n";
        let e = &errors(text)[0];
        assert_eq!(e.kind, LoadErrorKind::UnknownKey);
        assert_eq!(&text[e.span.clone()], "GOAL02");
        assert!(e.help.contains("did you mean `GOAL002`"), "{}", e.help);
    }

    #[test]
    fn malformed_waivers_are_invalid() {
        let cases = [
            ("allow = [\"TX001\"]", "`allow` must be a table"),
            ("allow = { TX001 = 1 }", "must be a reason or a table"),
            ("allow = { PLAN001 = \"x\" }", "cannot be waived"),
            ("allow = { PLAN007 = \"x\" }", "cannot be waived"),
            (
                "allow = { TX001 = \"a\", transactional-touchpoint = \"b\" }",
                "waived twice",
            ),
            (
                "allow = { TX001 = { reason = \"a\", until = \"2027-01-31\" } }",
                "`until` must be a TOML date",
            ),
        ];
        for (allow, expected) in cases {
            let text = format!("name = \"A\"\n[[touchpoint]]\nid = \"t\"\nname = \"T\"\n{allow}\n");
            let e = &errors(&text)[0];
            assert_eq!(e.kind, LoadErrorKind::Invalid, "{allow}");
            assert!(e.message.contains(expected), "{allow}: {}", e.message);
        }
        let e = &errors("name = \"A\"\n[allow]\nTX001 = { reson = \"a\" }\n")[0];
        assert_eq!(e.kind, LoadErrorKind::UnknownKey);
        assert!(e.help.contains("did you mean `reason`"), "{}", e.help);
    }

    /// Each error as a person reads it: line, message and help.
    fn shown(text: &str) -> Vec<(usize, String, String)> {
        let source = SourceFile::new("p.plan.toml", text);
        load(&source)
            .expect_err("plan should not load")
            .into_iter()
            .map(|e| (source.line_col(e.span.start).line, e.message, e.help))
            .collect()
    }

    fn one(line: usize, message: &str, help: &str) -> Vec<(usize, String, String)> {
        vec![(line, message.to_owned(), help.to_owned())]
    }

    #[test]
    fn a_header_without_its_bracket_is_one_error_on_its_own_line() {
        let why = "close it on the same line: [why]";
        let text = "name = \"A\"\n[why\nstatement = \"s\"\n[[goal]]\nid = \"g\"\ntitle = \"T\"\n";
        assert_eq!(
            shown(text),
            one(2, "the table header `[why` has no closing `]`", why)
        );
        assert_eq!(
            shown("name = \"A\"\n[why"),
            one(2, "the table header `[why` has no closing `]`", why),
            "at the end of the file"
        );
        // The parser files the keys after the header under the wrong table,
        // where each goal's key looked like a duplicate.
        let mut text = String::from("name = \"A\"\n[[goal]\nid = \"a\"\ntitle = \"T\"\n");
        text.push_str("[what\nofferings = [\"x\"]\n");
        for i in 0..17 {
            text.push_str(&format!("[[goal]]\nid = \"g{i}\"\ntitle = \"T\"\n"));
        }
        assert_eq!(
            shown(&text),
            vec![
                (
                    2,
                    "the table header `[[goal]` has no closing `]]`".to_owned(),
                    "close it on the same line: [[goal]]".to_owned()
                ),
                (
                    5,
                    "the table header `[what` has no closing `]`".to_owned(),
                    "close it on the same line: [what]".to_owned()
                ),
            ]
        );
        assert_eq!(
            shown("name = \"A\"\n[what' # c\nstatement = \"s\"\n"),
            one(
                2,
                "the table header `[what' # c` has no closing `]`",
                "close the header with `]` on the same line"
            )
        );
    }

    #[test]
    fn lines_ending_in_a_lone_carriage_return_are_one_error() {
        let help = "save the file with LF (Unix) or CR LF (Windows) line endings; \
                    most editors offer them in the status bar or under \"line endings\"";
        assert_eq!(
            shown("name = \"x\"\rowner = \"y\"\r[why]\rstatement = \"s\"\r"),
            one(
                1,
                "4 lines end in a carriage return (CR) alone, as on classic Mac OS; \
                 TOML ends lines with LF or CR LF",
                help
            )
        );
        assert_eq!(
            shown("name = \"x\"\nowner = \"y\"\r\n[why]\rstatement = \"s\"\n"),
            one(
                3,
                "a carriage return (CR) here is not followed by a newline; \
                 TOML ends lines with LF or CR LF",
                help
            )
        );
    }

    #[test]
    fn a_duplicate_key_says_which_key() {
        assert_eq!(
            shown("name = \"x\"\nowner = \"o\"\nname = \"y\"\n"),
            one(
                3,
                "key `name` is given twice in the same table",
                "a key can be given once per table: keep one `name` and delete the other \
                 (if a new item starts here, it needs its own [[...]] header)"
            )
        );
        // Its keys would be given twice, were they moved into the first.
        assert_eq!(
            shown("name = \"x\"\n[why]\nstatement = \"a\"\n[why]\nstatement = \"b\"\n"),
            vec![
                (
                    4,
                    "table `[why]` is defined twice".to_owned(),
                    "a table is defined once: move the keys under this header into the first one"
                        .to_owned()
                ),
                (
                    5,
                    "key `statement` is given twice in the same table".to_owned(),
                    "a key can be given once per table: keep one `statement` and delete the \
                     other (if a new item starts here, it needs its own [[...]] header)"
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn numbers_out_of_range_name_the_key_and_the_range() {
        let goal = |value: &str| {
            shown(&format!(
                "name = \"A\"\n[[goal]]\nid = \"g\"\ntitle = \"T\"\ntarget = {value}\n"
            ))
        };
        let amount = "give `target` a number from -10^15 to 10^15; for larger figures, \
                      count in thousands or millions and say so in `metric`";
        assert_eq!(
            goal("99999999999999999999999"),
            one(
                5,
                "`target` is too large: 99999999999999999999999 is above 10^15",
                amount
            )
        );
        assert_eq!(
            goal("0x7FFF_FFFF_FFFF_FFFF_FFFF"),
            one(
                5,
                "`target` is too large: 0x7FFF_FFFF_FFFF_FFFF_FFFF is above 10^15",
                amount
            )
        );
        assert_eq!(
            goal("-99999999999999999999999"),
            one(
                5,
                "`target` is too small: -99999999999999999999999 is below -10^15",
                amount
            )
        );
        assert_eq!(
            goal("-2e15"),
            one(5, "`target` is too small: -2e15 is below -10^15", amount)
        );
        let touchpoint = |value: &str| {
            shown(&format!(
                "name = \"A\"\n[[touchpoint]]\nid = \"t\"\nname = \"T\"\nper_week = {value}\n"
            ))
        };
        let per_week = "give `per_week` the contacts a week per customer, from 0 to 1000 \
                        (0.25 is monthly)";
        for (value, message) in [
            ("1e308", "`per_week` is too large: 1e308 is above 1000"),
            ("1e400", "`per_week` is too large: 1e400 is above 1000"),
            ("inf", "`per_week` is too large: inf is above 1000"),
            ("+inf", "`per_week` is too large: +inf is above 1000"),
            ("1001", "`per_week` is too large: 1001 is above 1000"),
            ("nan", "`per_week` is nan, which is not a number"),
            ("-nan", "`per_week` is -nan, which is not a number"),
            ("-0.5", "`per_week` cannot be negative: -0.5"),
            ("-inf", "`per_week` cannot be negative: -inf"),
        ] {
            assert_eq!(touchpoint(value), one(5, message, per_week), "{value}");
        }
        let text = "name = \"A\"\n[[goal]]\nid = \"g\"\ntitle = \"T\"\nbaseline = -1e15\n\
                    target = 1_000_000_000_000_000\n[[touchpoint]]\nid = \"t\"\nname = \"T\"\n\
                    per_week = 1000\n";
        assert!(
            load(&SourceFile::new("p", text)).is_ok(),
            "the bounds are in range"
        );
    }

    #[test]
    fn a_key_with_too_many_parts_points_at_its_line() {
        let deep = vec!["a"; 200].join(".");
        let help = "keys of the format have at most three parts, such as allow.TX001.reason; \
                    shorten or remove this one";
        let message =
            "key `a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.…` has 200 parts, too many to read";
        assert_eq!(
            shown(&format!("name = \"A\"\n\n[{deep}]\nx = 1\n")),
            one(3, message, help)
        );
        assert_eq!(
            shown(&format!(
                "name = \"A\"\n[why]\nstatement = \"s\"\n{deep} = 1\n"
            )),
            one(4, message, help)
        );
        // Fewer parts than the parser's limit: an unknown key, where it starts.
        assert_eq!(
            shown("name = \"A\"\n[why]\n\n[a.b.c.d.e]\nx = 1\n")[0].1,
            "unknown key `a` in the top level"
        );
        let nested = format!(
            "name = \"A\"\n[why]\nstatement = {}{}\n",
            "[".repeat(500),
            "]".repeat(500)
        );
        assert_eq!(
            shown(&nested),
            one(
                3,
                "values are nested too deeply here: lists or inline tables inside each other",
                "no value of the format nests more than two levels; remove the extra brackets"
            )
        );
    }

    #[test]
    fn errors_are_bounded_and_quote_only_an_excerpt() {
        let mut text = String::from("name = \"A\"\n");
        for i in 0..5000 {
            text.push_str(&format!("k{i} = 1\n"));
        }
        let found = shown(&text);
        assert_eq!(found.len(), MAX_ERRORS + 1);
        assert_eq!(
            found[MAX_ERRORS],
            (
                MAX_ERRORS + 2,
                "4900 more errors from here on are not shown".to_owned(),
                "fix the errors above and check again; a file with this many errors \
                 is probably not a plan"
                    .to_owned()
            )
        );
        let garbage = format!("name = \"A\"\n{}", "a = b\n".repeat(300));
        let found = shown(&garbage);
        assert_eq!(found.len(), MAX_ERRORS + 1);
        let key = "k".repeat(100_000);
        let (_, message, _) = &shown(&format!("name = \"A\"\n{key} = 1\n"))[0];
        assert_eq!(
            message,
            &format!("unknown key `{}…` in the top level", "k".repeat(40))
        );
    }

    #[test]
    fn invalid_ids_get_a_valid_suggestion() {
        assert_eq!(id_like("Winter Riders!"), "winter-riders");
        assert_eq!(id_like("__"), "my-item");
    }
}
