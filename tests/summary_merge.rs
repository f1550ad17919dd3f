//! Summaries of feedback (`feedback::state`): a summary read back is the
//! analysis it was made from, and merging is associative and commutative,
//! has the empty summary as identity, and gives for rows split anywhere
//! what one analysis of all of them gives.

use planlint::feedback::analysis::{AnalyzeOptions, Partial, TimeOptions};
use planlint::feedback::dates::Period;
use planlint::feedback::summary::Summary;
use planlint::feedback::{Columns, Row, scan_read, state};
use proptest::prelude::*;

/// Comments that carry themes, wants, fatigue, pressure, either polarity.
const TEXTS: &[&str] = &[
    "",
    "Great service, the mechanic explained everything",
    "Please add oat milk",
    "I wish you sold an oat-milk option",
    "Too many emails, every single day",
    "The delivery was late again and nobody called",
    "Late delivery, rude driver",
    "Would love evening classes",
    "Pushy sales call, felt pressured to upgrade",
    "Fine.",
    "Loved the loan bike during repairs",
    "Any chance of evening classes?",
];
const PERSONAS: &[&str] = &["Commuter Carla", "commuter-carla", "Weekend Will", ""];
const TOUCHPOINTS: &[&str] = &["Cart SMS", "repair-desk", "Newsletter"];
const CHANNELS: &[&str] = &["email", "sms", "in store"];

fn columns() -> Columns {
    Columns {
        headers: ["comment", "nps", "persona", "touchpoint", "channel", "date"]
            .map(String::from)
            .to_vec(),
        text: 0,
        score: Some(1),
        persona: Some(2),
        touchpoint: Some(3),
        channel: Some(4),
        date: Some(5),
        delimiter: b',',
    }
}

/// A row's text, score, persona, touchpoint and channel (indexes into the
/// lists above) and its date.
type Fields = (usize, Option<u8>, usize, usize, usize, String);

fn row() -> impl Strategy<Value = Fields> {
    let date = prop_oneof![
        (0i32..700).prop_map(|d| {
            let day = 20_089 + d; // from 2025-01-01
            planlint::feedback::dates::format_day(day)
        }),
        (1u32..=12).prop_map(|m| format!("2026-{m:02}")),
        (1u32..=28, 1u32..=12).prop_map(|(d, m)| format!("{d:02}/{m:02}/2026")),
        Just(String::new()),
        Just("soon".to_owned()),
    ];
    (
        0..TEXTS.len(),
        proptest::option::of(0u8..=10),
        0..PERSONAS.len(),
        0..TOUCHPOINTS.len(),
        0..CHANNELS.len(),
        date,
    )
}

fn rows_of(fields: &[Fields]) -> Vec<Row> {
    fields
        .iter()
        .enumerate()
        .map(
            |(i, (text, score, persona, touchpoint, channel, date))| Row {
                line: i as u64 + 2,
                text: TEXTS[*text].to_owned(),
                score: score.map(f64::from),
                persona: Some(PERSONAS[*persona].to_owned()),
                touchpoint: Some(TOUCHPOINTS[*touchpoint].to_owned()),
                channel: Some(CHANNELS[*channel].to_owned()),
                date: Some(date.clone()),
                fields: Vec::new(),
            },
        )
        .collect()
}

fn partial(rows: Vec<Row>, options: &AnalyzeOptions) -> Partial {
    scan_read("feedback.csv", columns(), rows, options).expect("a date column")
}

/// What a board sees of a partial analysis: its summary as JSON.
fn json(partial: &Partial, options: &AnalyzeOptions) -> String {
    let analysis = partial.clone().finish(options).expect("finishes");
    serde_json::to_string_pretty(&Summary::new(&analysis, None)).expect("serialises")
}

fn merged(mut a: Partial, b: Partial) -> Partial {
    assert_eq!(a.unlike(&b), None);
    a.merge(b);
    a
}

fn options(week: bool) -> AnalyzeOptions {
    AnalyzeOptions {
        workers: 1,
        time: TimeOptions {
            period: week.then_some(Period::Week),
            ..TimeOptions::default()
        },
        ..AnalyzeOptions::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_summary_read_back_is_the_analysis(
        fields in proptest::collection::vec(row(), 0..200),
        week in any::<bool>(),
    ) {
        let options = options(week);
        let whole = partial(rows_of(&fields), &options);
        let bytes = state::encode(&whole).unwrap();
        let read = state::decode(&bytes, "s.bin").expect("reads");
        prop_assert_eq!(state::encode(&read).unwrap(), bytes);
        prop_assert_eq!(json(&read, &options), json(&whole, &options));
    }

    #[test]
    fn rows_split_anywhere_merge_to_the_whole(
        fields in proptest::collection::vec(row(), 0..300),
        cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..6),
        reversed in any::<bool>(),
        week in any::<bool>(),
    ) {
        let options = options(week);
        let rows = rows_of(&fields);
        let whole = json(&partial(rows.clone(), &options), &options);
        let mut at: Vec<usize> = cuts.iter().map(|i| i.index(rows.len() + 1)).collect();
        at.extend([0, rows.len()]);
        at.sort_unstable();
        let mut parts: Vec<Partial> = at
            .windows(2)
            .map(|w| partial(rows[w[0]..w[1]].to_vec(), &options))
            .collect();
        if reversed {
            parts.reverse();
        }
        let all = parts.into_iter().reduce(merged).expect("one part at least");
        prop_assert_eq!(json(&all, &options), whole);
    }

    #[test]
    fn merging_is_commutative_and_associative_with_the_empty_summary_as_identity(
        a in proptest::collection::vec(row(), 0..120),
        b in proptest::collection::vec(row(), 0..120),
        c in proptest::collection::vec(row(), 0..120),
    ) {
        let options = options(false);
        // Three files: each with lines of its own, which may clash.
        let [a, b, c] = [a, b, c].map(|f| partial(rows_of(&f), &options));
        let empty = partial(Vec::new(), &options);
        let ab = merged(a.clone(), b.clone());
        let ba = merged(b.clone(), a.clone());
        prop_assert_eq!(state::encode(&ab).unwrap(), state::encode(&ba).unwrap());
        let left = merged(ab, c.clone());
        let right = merged(a.clone(), merged(b, c));
        prop_assert_eq!(json(&left, &options), json(&right, &options));
        prop_assert_eq!(
            state::encode(&merged(a.clone(), empty.clone())).unwrap(),
            state::encode(&a).unwrap()
        );
        prop_assert_eq!(state::encode(&merged(empty, a.clone())).unwrap(), state::encode(&a).unwrap());
    }
}

#[test]
fn summaries_made_alike_merge_and_others_are_told_apart() {
    let week = partial(Vec::new(), &options(true));
    let month = partial(Vec::new(), &options(false));
    assert!(week.unlike(&month).is_some());
    let mut renamed = partial(Vec::new(), &options(false));
    renamed.columns.headers[0] = "review".into();
    assert_eq!(
        month.unlike(&renamed),
        None,
        "headers may be named otherwise"
    );
    let mut stars = partial(Vec::new(), &options(false));
    stars.columns.headers[1] = "rating".into();
    assert!(month.unlike(&stars).is_some(), "a score column of stars");
    let mut undated = partial(Vec::new(), &options(false));
    undated.columns.date = None;
    assert!(month.unlike(&undated).is_some(), "no date column");
}
