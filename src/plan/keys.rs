//! The keys of the plan format (v1), in one table: each key's name, kind,
//! whether it is required, and its description. The loader reads plans by
//! it (unknown keys, suggestions, required keys, ranges and choices), and
//! `planlint schema` writes the JSON Schema from it; `planlint.toml`'s table,
//! on the `config` floor, is made of the same [`Key`] and [`Kind`].
//!
//! Floor `plan`: imports nothing of the crate.

/// One key of a table: what `planlint schema` describes and the loader reads.
#[derive(Debug, PartialEq)]
pub struct Key {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// A sentence for the editor's hover, ending with a full stop.
    pub description: &'static str,
}

/// An optional key.
pub const fn key(name: &'static str, kind: Kind, description: &'static str) -> Key {
    Key {
        name,
        kind,
        required: false,
        description,
    }
}

/// A key every table of its kind must have.
pub const fn required(name: &'static str, kind: Kind, description: &'static str) -> Key {
    Key {
        name,
        kind,
        required: true,
        description,
    }
}

/// A table of a format and its keys.
#[derive(Debug, PartialEq)]
pub struct Table {
    /// How messages name it: `the top level`, `[why]`, `[[goal]]`.
    pub shown_as: &'static str,
    pub keys: &'static [Key],
}

impl Table {
    pub fn get(&self, name: &str) -> Option<&'static Key> {
        self.keys.iter().find(|k| k.name == name)
    }

    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.keys.iter().map(|k| k.name)
    }
}

/// What a key holds, in either format.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Text,
    Texts,
    /// A string that [`is_valid_id`].
    Id,
    Number(Number),
    /// A TOML date; editors see it as a string.
    Date,
    /// One of these names, read without regard to case or surrounding spaces.
    Choice(&'static [&'static str]),
    /// Exactly one of these names.
    Exact(&'static [&'static str]),
    /// A table with these keys: `[KEY]`.
    Table(&'static Table),
    /// A list of tables with these keys: `[[KEY]]`.
    Tables(&'static Table),
    /// Waivers: rule codes or names, each with a reason or a [`WAIVER`] table.
    Waivers,
    /// `planlint.toml`'s `[severity]`: rule codes, names or families, each
    /// with a severity.
    Levels,
    /// `planlint.toml`'s `[settings]`: the rules' thresholds, one key each.
    Settings,
}

/// The numbers a key takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// Within a range, whose bounds messages show as written.
    Range(&'static NumberRange),
    /// 0 or more, decimals allowed.
    NonNegative,
    /// A share from 0 to 1.
    Share,
    /// A whole number of 1 or more.
    Count,
}

impl Number {
    /// How the values are described in errors and in the README.
    pub fn describe(self) -> &'static str {
        match self {
            Number::Range(range) => range.described,
            Number::NonNegative => "a number of 0 or more",
            Number::Share => "a share from 0 to 1 (0.5 is half)",
            Number::Count => "a whole number of 1 or more",
        }
    }

    /// Whether `value` is in range.
    pub fn accepts(self, value: f64) -> bool {
        value.is_finite()
            && match self {
                Number::Range(range) => (range.min..=range.max).contains(&value),
                Number::NonNegative => value >= 0.0,
                Number::Share => (0.0..=1.0).contains(&value),
                Number::Count => value >= 1.0 && value.fract() == 0.0,
            }
    }
}

const WAIVED: &str = "Waived findings about this item: a rule code or name, with the reason \
                      or { reason, until }.";

/// The top level of a plan.
pub static TOP: Table = Table {
    shown_as: "the top level",
    keys: &[
        required(
            "name",
            Kind::Text,
            "The plan's name, shown in reports, e.g. \"Harbor Bikes 2027\".",
        ),
        key(
            "owner",
            Kind::Text,
            "Who owns the plan, e.g. \"Marketing\".",
        ),
        key(
            "period",
            Kind::Text,
            "The period the plan covers, free text, e.g. \"2027\".",
        ),
        key(
            "feedback",
            Kind::Text,
            "A CSV file of customer feedback, relative to this file; adds the FB rules.",
        ),
        key(
            "why",
            Kind::Table(&WHY),
            "The purpose or belief behind the plan (Sinek's WHY): why the business exists, beyond making money.",
        ),
        key(
            "how",
            Kind::Table(&HOW),
            "How the business acts on its WHY: its principles and what sets it apart.",
        ),
        key("what", Kind::Table(&WHAT), "What the business offers."),
        key(
            "goal",
            Kind::Tables(&GOAL),
            "A goal: measurable, dated, and serving one of the three business goals (satisfaction, cost, revenue).",
        ),
        key(
            "persona",
            Kind::Tables(&PERSONA),
            "A kind of customer the plan serves: what they want, in their own words, and how we know.",
        ),
        key(
            "touchpoint",
            Kind::Tables(&TOUCHPOINT),
            "A place where the business meets its customers: what it says there, what it asks, and what is done with the answers.",
        ),
        key(
            "allow",
            Kind::Waivers,
            "Waived findings about the plan, its WHY, HOW or WHAT: a rule code or name, with the reason or { reason, until }.",
        ),
    ],
};

pub static WHY: Table = Table {
    shown_as: "[why]",
    keys: &[key(
        "statement",
        Kind::Text,
        "The WHY in a sentence or two: a purpose or belief, not products, prices or the business's own numbers.",
    )],
};

pub static HOW: Table = Table {
    shown_as: "[how]",
    keys: &[
        key(
            "statement",
            Kind::Text,
            "How the business acts on its WHY: its principles.",
        ),
        key(
            "differentiators",
            Kind::Texts,
            "What sets the business apart from others, one item each.",
        ),
    ],
};

pub static WHAT: Table = Table {
    shown_as: "[what]",
    keys: &[
        key(
            "statement",
            Kind::Text,
            "What the business offers, in a sentence.",
        ),
        key(
            "offerings",
            Kind::Texts,
            "The products and services, one item each.",
        ),
    ],
};

pub static GOAL: Table = Table {
    shown_as: "[[goal]]",
    keys: &[
        required(
            "id",
            Kind::Id,
            "The goal's id, unique among all ids of the plan: lower-case letters, digits and hyphens. Touchpoints name it in `goals`.",
        ),
        required("title", Kind::Text, "What the goal is, in words."),
        key(
            "kind",
            Kind::Choice(GOAL_KINDS),
            "The business goal it serves: satisfaction (happier customers), cost (lower costs) or revenue (more revenue).",
        ),
        key("metric", Kind::Text, "What is measured."),
        key(
            "baseline",
            Kind::Number(Number::Range(&AMOUNT)),
            "Where the metric stands today.",
        ),
        key(
            "target",
            Kind::Number(Number::Range(&AMOUNT)),
            "Where the metric should be by the due date.",
        ),
        key(
            "due",
            Kind::Date,
            "When the target is due: a TOML date, without quotes, e.g. 2027-03-31.",
        ),
        key("why", Kind::Text, "How this goal serves the WHY."),
        key("allow", Kind::Waivers, WAIVED),
    ],
};

pub static PERSONA: Table = Table {
    shown_as: "[[persona]]",
    keys: &[
        required(
            "id",
            Kind::Id,
            "The persona's id, unique among all ids of the plan: lower-case letters, digits and hyphens. Touchpoints name it in `personas`.",
        ),
        required(
            "name",
            Kind::Text,
            "The persona's name, e.g. \"Daily commuter\".",
        ),
        key("summary", Kind::Text, "Who they are, in a sentence or two."),
        key(
            "wants",
            Kind::Texts,
            "What they want, ideally in their own words.",
        ),
        key(
            "evidence",
            Kind::Texts,
            "Where that knowledge comes from: interviews, surveys, reviews. Empty means the persona is an assumption.",
        ),
        key(
            "interests",
            Kind::Texts,
            "What moves them beyond the product.",
        ),
        key("purchase_insight", Kind::Text, "Why and how they buy."),
        key("value_proposition", Kind::Text, "What we promise them."),
        key("allow", Kind::Waivers, WAIVED),
    ],
};

pub static TOUCHPOINT: Table = Table {
    shown_as: "[[touchpoint]]",
    keys: &[
        required(
            "id",
            Kind::Id,
            "The touchpoint's id, unique among all ids of the plan: lower-case letters, digits and hyphens.",
        ),
        required(
            "name",
            Kind::Text,
            "The touchpoint's name, e.g. \"Service reminder\".",
        ),
        key(
            "stage",
            Kind::Choice(STAGES),
            "The stage of the customer journey where it happens.",
        ),
        key(
            "channel",
            Kind::Text,
            "Where it happens, free text: email, shop, phone, ...",
        ),
        key(
            "owner",
            Kind::Text,
            "Who looks after it, free text; care, customer care, support, service or success mean people who help customers.",
        ),
        key(
            "personas",
            Kind::Texts,
            "The ids of the personas it reaches.",
        ),
        key("goals", Kind::Texts, "The ids of the goals it serves."),
        key("message", Kind::Text, "What it says to the customer."),
        key(
            "ask",
            Kind::Text,
            "The question it asks the customer, if any.",
        ),
        key("act", Kind::Text, "What is done with the answers."),
        key(
            "per_week",
            Kind::Number(Number::Range(&PER_WEEK)),
            "Contacts per week per customer (0.25 = monthly); without it the touchpoint is a one-off.",
        ),
        key("allow", Kind::Waivers, WAIVED),
    ],
};

/// A waiver written as a table: `TX001 = { reason = "...", until = 2027-01-31 }`.
/// The keys of an `allow` table itself are rule codes or names.
pub static WAIVER: Table = Table {
    shown_as: "a waiver",
    keys: &[
        key("reason", Kind::Text, "Why the finding is accepted."),
        key("until", Kind::Date, "The last day the waiver holds."),
    ],
};

/// The top level and every table under it, in the order of their keys.
pub fn tables() -> Vec<&'static Table> {
    fn walk(table: &'static Table, found: &mut Vec<&'static Table>) {
        found.push(table);
        for key in table.keys {
            if let Kind::Table(inner) | Kind::Tables(inner) = key.kind {
                walk(inner, found);
            }
        }
    }
    let mut found = Vec::new();
    walk(&TOP, &mut found);
    found
}

pub const GOAL_KINDS: &[&str] = &["satisfaction", "cost", "revenue"];
pub const STAGES: &[&str] = &[
    "awareness",
    "consideration",
    "purchase",
    "onboarding",
    "retention",
    "advocacy",
];

/// The values a number of the format may take: the loader refuses the rest
/// with `described` as the help, and the JSON Schema gives the same bounds.
#[derive(Debug, PartialEq)]
pub struct NumberRange {
    pub min: f64,
    pub max: f64,
    /// The bounds as a message shows them.
    pub min_shown: &'static str,
    pub max_shown: &'static str,
    /// What to give the key, after "give `KEY` ".
    pub described: &'static str,
}

/// `baseline` and `target`: whatever a goal measures, in either direction,
/// up to a million billion. That is more than any revenue in any currency's
/// main unit, and the range in which every whole number is exact in the
/// 64-bit float the rules compare.
pub const AMOUNT: NumberRange = NumberRange {
    min: -1e15,
    max: 1e15,
    min_shown: "-10^15",
    max_shown: "10^15",
    described: "a number from -10^15 to 10^15; for larger figures, count in thousands or \
                millions and say so in `metric`",
};

/// `per_week`: contacts a week per customer. A thousand is six an hour, day
/// and night; anything above is a typo or not a plan.
pub const PER_WEEK: NumberRange = NumberRange {
    min: 0.0,
    max: 1000.0,
    min_shown: "0",
    max_shown: "1000",
    described: "the contacts a week per customer, from 0 to 1000 (0.25 is monthly)",
};

/// Keys that start with this prefix hold the user's own data and are never checked.
pub const EXTENSION_PREFIX: &str = "x-";

/// Ids are `[a-z0-9][a-z0-9-]*`: safe in subjects, URLs and file names.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::suggest;

    #[test]
    fn ids_are_lower_case_kebab() {
        assert!(is_valid_id("winter-riders"));
        assert!(is_valid_id("2027-launch"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id("Winter"));
        assert!(!is_valid_id("a_b"));
        assert!(!is_valid_id(""));
    }

    #[test]
    fn ranges_are_checked() {
        assert!(Number::Share.accepts(0.0) && Number::Share.accepts(1.0));
        assert!(!Number::Share.accepts(1.5) && !Number::Share.accepts(-0.1));
        assert!(Number::Count.accepts(1.0) && !Number::Count.accepts(0.0));
        assert!(!Number::Count.accepts(2.5));
        assert!(Number::NonNegative.accepts(0.0) && Number::NonNegative.accepts(2.5));
        assert!(!Number::NonNegative.accepts(-1.0) && !Number::NonNegative.accepts(f64::INFINITY));
        let per_week = Number::Range(&PER_WEEK);
        assert!(per_week.accepts(0.0) && per_week.accepts(1000.0));
        assert!(!per_week.accepts(1000.5) && !per_week.accepts(f64::NAN));
    }

    #[test]
    fn the_tables_are_the_top_level_and_the_tables_under_it() {
        let shown: Vec<&str> = tables().iter().map(|t| t.shown_as).collect();
        assert_eq!(
            shown,
            [
                "the top level",
                "[why]",
                "[how]",
                "[what]",
                "[[goal]]",
                "[[persona]]",
                "[[touchpoint]]"
            ]
        );
    }

    /// The README's example of the format: one header per table and per
    /// top-level `allow`, in the table's order, and under each, its keys.
    #[test]
    fn the_readme_shows_every_key_of_the_format() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
            .expect("README.md");
        let block = readme
            .split("\n## The plan format (v1)\n")
            .nth(1)
            .and_then(|s| s.split("```toml\n").nth(1))
            .and_then(|s| s.split("```").next())
            .expect("the README shows the format");
        let mut shown: Vec<(String, Vec<String>)> = vec![(TOP.shown_as.to_owned(), Vec::new())];
        for line in block.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.starts_with('[') {
                shown.push((line.to_owned(), Vec::new()));
            } else if let Some((name, _)) = line.split_once('=') {
                shown.last_mut().unwrap().1.push(name.trim().to_owned());
            }
        }
        let mut expected = vec![(TOP.shown_as.to_owned(), Vec::new())];
        for key in TOP.keys {
            match key.kind {
                Kind::Table(table) | Kind::Tables(table) => {
                    expected.push((
                        table.shown_as.to_owned(),
                        table.names().map(str::to_owned).collect(),
                    ));
                }
                // The top-level waivers are shown as a table, with a rule.
                Kind::Waivers => expected.push(("[allow]".to_owned(), vec!["GOAL004".to_owned()])),
                _ => expected[0].1.push(key.name.to_owned()),
            }
        }
        assert_eq!(shown, expected);
    }

    #[test]
    fn typos_get_a_suggestion_and_strangers_do_not() {
        assert_eq!(suggest("metrc", GOAL.names()), Some("metric"));
        assert_eq!(suggest("goals", TOP.names()), Some("goal"));
        assert_eq!(suggest("perweek", TOUCHPOINT.names()), Some("per_week"));
        assert_eq!(suggest("budget", GOAL.names()), None);
    }
}
