//! Regression guard for the sentiment scorer: strict accuracy on our labelled
//! marketing feedback (eval/sentiment/). The scorer was tuned on the tune half
//! and on tune2, a second set written for round 2; the holdout half was never
//! used for tuning. No timing here: see
//! `examples/eval_sentiment.rs` for throughput, and
//! `eval/sentiment/ACCURACY.md` for all the numbers.

use planlint::feedback::{Polarity, sentiment_model};

/// The target for every set is 0.90. The tune half meets it (0.972). The
/// holdout met it at the end of round 2 (0.902, 129 of 143; 0.811 after round
/// 1), with no slack: one row fewer fails. Never tune on the holdout to make
/// this pass; see eval/sentiment/README.md.
const TUNE_FLOOR: f64 = 0.90;
/// tune2 is a tuning set too: 0.922 at the end of round 2.
const TUNE2_FLOOR: f64 = 0.90;
const HOLDOUT_FLOOR: f64 = 0.90;

/// Strict accuracy: a neutral prediction for a positive or negative row is wrong.
fn strict_accuracy(path: &str) -> (usize, usize) {
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let headers = reader
        .headers()
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{path}: no column {name:?}"))
    };
    let (text_at, label_at) = (column("text"), column("label"));
    let model = sentiment_model();
    let (mut correct, mut total) = (0, 0);
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{path}: {e}"));
        let (Some(text), Some(label)) = (record.get(text_at), record.get(label_at)) else {
            panic!("{path}: short row {record:?}");
        };
        let gold = match label {
            "positive" => Polarity::Positive,
            "negative" => Polarity::Negative,
            "neutral" => Polarity::Neutral,
            other => panic!("{path}: unknown label {other:?}"),
        };
        total += 1;
        if model.score(text).polarity == gold {
            correct += 1;
        }
    }
    (correct, total)
}

fn assert_accuracy(path: &str, floor: f64) {
    let (correct, total) = strict_accuracy(path);
    assert!(total > 100, "{path}: only {total} rows");
    let accuracy = correct as f64 / total as f64;
    assert!(
        accuracy >= floor,
        "{path}: strict accuracy {accuracy:.3} ({correct}/{total}) is below {floor}"
    );
}

#[test]
fn marketing_tune_accuracy() {
    assert_accuracy("eval/sentiment/marketing.tune.csv", TUNE_FLOOR);
}

#[test]
fn marketing_tune2_accuracy() {
    assert_accuracy("eval/sentiment/marketing.tune2.csv", TUNE2_FLOOR);
}

#[test]
fn marketing_holdout_accuracy() {
    assert_accuracy("eval/sentiment/marketing.holdout.csv", HOLDOUT_FLOOR);
}
