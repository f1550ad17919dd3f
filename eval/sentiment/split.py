#!/usr/bin/env python3
"""Split marketing.csv into marketing.tune.csv and marketing.holdout.csv.

Deterministic and stratified by label: within each label, rows are taken in
ascending id order and alternate tune, holdout, tune, holdout, ... (the 1st,
3rd, 5th ... row of each label goes to tune, the 2nd, 4th, 6th ... to holdout).
Row ids were assigned once, by a fixed-seed shuffle, when marketing.csv was
written; they never change.

This was run ONCE to produce the committed split files. Re-running it on an
unchanged marketing.csv reproduces them byte for byte; do not re-split after
looking at holdout results.

Usage: python3 eval/sentiment/split.py [DIR]   (DIR defaults to this file's folder)
"""
import csv
import os
import sys

HEADER = ["id", "text", "label"]
LABELS = ("positive", "negative", "neutral")


def main() -> int:
    here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "marketing.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == HEADER, reader.fieldnames
        rows = list(reader)
    for r in rows:
        assert r["label"] in LABELS, r
    rows.sort(key=lambda r: int(r["id"]))

    seen = {label: 0 for label in LABELS}
    tune, holdout = [], []
    for r in rows:
        (tune if seen[r["label"]] % 2 == 0 else holdout).append(r)
        seen[r["label"]] += 1

    for name, part in (("marketing.tune.csv", tune), ("marketing.holdout.csv", holdout)):
        with open(os.path.join(here, name), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(HEADER)
            for r in part:
                w.writerow([r["id"], r["text"], r["label"]])
        counts = {label: sum(r["label"] == label for r in part) for label in LABELS}
        print(f"{name}: {len(part)} rows {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
