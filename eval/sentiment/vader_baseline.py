#!/usr/bin/env python3
"""Strict VADER baseline on a labelled CSV.

Usage:
    python vader_baseline.py CSV [TEXT_COLUMN] [LABEL_COLUMN]

Defaults: TEXT_COLUMN=text, LABEL_COLUMN=label. Labels are positive / negative /
neutral (also accepted: 1 / 0, pos / neg). VADER's compound score >= 0.05 is
positive, <= -0.05 negative, otherwise neutral. Accuracy is strict: a
prediction counts only if it equals the gold label, so a neutral prediction on
a positive or negative row is wrong.

Needs vaderSentiment (pip install vaderSentiment); not a project dependency.
"""
import csv
import sys
from collections import Counter

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

NORMALISE = {
    "positive": "positive", "pos": "positive", "1": "positive",
    "negative": "negative", "neg": "negative", "0": "negative",
    "neutral": "neutral", "neu": "neutral",
}
ORDER = ("positive", "negative", "neutral")


def predict(analyzer, text):
    c = analyzer.polarity_scores(text)["compound"]
    if c >= 0.05:
        return "positive"
    if c <= -0.05:
        return "negative"
    return "neutral"


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[1]
    text_col = argv[2] if len(argv) > 2 else "text"
    label_col = argv[3] if len(argv) > 3 else "label"
    analyzer = SentimentIntensityAnalyzer()
    confusion = Counter()  # (gold, predicted) -> n
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            gold = NORMALISE[row[label_col].strip().lower()]
            confusion[(gold, predict(analyzer, row[text_col]))] += 1
    total = sum(confusion.values())
    correct = sum(n for (g, p), n in confusion.items() if g == p)
    print(f"{path}: strict accuracy {correct}/{total} = {correct / total:.3f}")
    for gold in ORDER:
        n_gold = sum(n for (g, _), n in confusion.items() if g == gold)
        if not n_gold:
            continue
        preds = ", ".join(f"{p} {confusion[(gold, p)]}" for p in ORDER)
        print(f"  gold {gold:8} {n_gold:5}: predicted {preds}; "
              f"correct {confusion[(gold, gold)] / n_gold:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
