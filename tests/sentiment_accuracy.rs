//! Regression guard for the sentiment scorer: strict accuracy on our labelled
//! marketing feedback (eval/sentiment/). The scorer was tuned on the tune half
//! only; the holdout half was never used for tuning. No timing here: see
//! `examples/eval_sentiment.rs` for throughput.

use planlint::feedback::{Polarity, sentiment_model};

const TARGET: f64 = 0.90;

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

fn assert_accuracy(path: &str) {
    let (correct, total) = strict_accuracy(path);
    assert!(total > 100, "{path}: only {total} rows");
    let accuracy = correct as f64 / total as f64;
    assert!(
        accuracy >= TARGET,
        "{path}: strict accuracy {accuracy:.3} ({correct}/{total}) is below {TARGET}"
    );
}

#[test]
fn marketing_tune_accuracy() {
    assert_accuracy("eval/sentiment/marketing.tune.csv");
}

#[test]
fn marketing_holdout_accuracy() {
    assert_accuracy("eval/sentiment/marketing.holdout.csv");
}
