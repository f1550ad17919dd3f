"""Feedback benchmark: one run on one file, everything measured side by side.

Usage: bench/feedback.sh (builds, generates the file, sets up VADER, runs this).

Reports, for the same CSV file:
  parse-only        the csv crate alone reading every record (the baseline)
  planlint feedback the full analysis (sentiment, themes, aggregates)
  planlint check    the example plan checked with the file as --feedback
  planlint report   the board report of the same plan and file
as rows per second and as a ratio to parse-only, with each run's peak RSS;
and Python vaderSentiment's rows per second on the same comments.
The commands run in turn, RUNS rounds of one run each; a command's ratio is
the median over the rounds of its wall time against parse-only's in the same
round, because these machines are noisy and their load drifts.
"""

import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(os.environ.get("RUNS", "3"))
VADER_ROWS = int(os.environ.get("VADER_ROWS", "100000"))


def run_once(argv):
    """Wall seconds, peak RSS (MB) and CPU seconds (user and system, all
    threads) of one run of a command, output discarded.

    Peak RSS comes from GNU time: a child forked from this Python process
    would start with Python's own memory and report that instead."""
    with tempfile.NamedTemporaryFile("r") as rss, open(os.devnull, "wb") as null:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", rss.name, *argv], stdout=null, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            sys.exit(f"{' '.join(argv)} failed with exit {proc.returncode}:\n{proc.stderr.decode(errors='replace')}")
        user, system, peak = rss.read().split()[-3:]
    return wall, int(peak) / 1024, float(user) + float(system)


def measure(runs):
    """Runs the commands in turn, RUNS rounds of one run each, so that the
    machine's load drifts over all of them alike. For each command: the
    median wall seconds, the largest peak RSS, the median CPU seconds, and
    the median over the rounds of its wall time divided by the first
    command's in the same round (the ratio to the baseline)."""
    rounds = [[run_once(argv) for _, argv in runs] for _ in range(RUNS)]
    results = []
    for i, (name, _) in enumerate(runs):
        mine = [r[i] for r in rounds]
        ratio = statistics.median(r[i][0] / r[0][0] for r in rounds)
        results.append((name, statistics.median(m[0] for m in mine), max(m[1] for m in mine), statistics.median(m[2] for m in mine), ratio))
    return results


def count_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return sum(1 for _ in csv.reader(f)) - 1


def vader_rate(path):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    comments = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        for row in reader:
            comments.append(row["comment"])
            if len(comments) >= VADER_ROWS:
                break
    start = time.perf_counter()
    for text in comments:
        analyzer.polarity_scores(text)
    return len(comments) / (time.perf_counter() - start)


def main():
    path, release, plan = sys.argv[1], sys.argv[2], sys.argv[3]
    rows = count_rows(path)
    size = os.path.getsize(path) / 1e6
    print(f"file: {path}, {rows} rows, {size:.0f} MB; {os.cpu_count()} cores; median of {RUNS} runs")
    runs = [
        ("parse-only (csv crate)", [f"{release}/examples/parse_only", path]),
        ("planlint feedback", [f"{release}/planlint", "feedback", path, "--format", "json"]),
        ("planlint check --feedback", [f"{release}/planlint", "check", plan, "--feedback", path, "--fail-on", "never"]),
        ("planlint report --feedback", [f"{release}/planlint", "report", plan, "--feedback", path, "-o", os.devnull]),
    ]
    # OLD=path/to/planlint (e.g. from bench/build-rev.sh) adds another build's
    # `planlint feedback` to the same rounds.
    if os.environ.get("OLD"):
        runs.append(("planlint feedback, OLD", [os.environ["OLD"], "feedback", path, "--format", "json"]))
    results = measure(runs)
    print(f"{'':28}{'seconds':>9}{'rows/s':>13}{'x parse-only':>14}{'peak RSS MB':>13}{'CPU s':>8}")
    for name, wall, peak, cpu, ratio in results:
        print(f"{name:28}{wall:9.2f}{rows / wall:13,.0f}{ratio:14.2f}{peak:13.1f}{cpu:8.2f}")
    rate = vader_rate(path)
    ours = rows / results[1][1]
    print(f"python vaderSentiment: {rate:,.0f} rows/s on the first {VADER_ROWS:,} comments (scoring only)")
    print(f"planlint feedback vs vaderSentiment: {ours / rate:.0f}x the throughput")


if __name__ == "__main__":
    main()
