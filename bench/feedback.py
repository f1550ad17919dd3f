"""Feedback benchmark: one run on one file, everything measured side by side.

Usage: bench/feedback.sh (builds, generates the file, sets up VADER, runs this).

Reports, for the same CSV file:
  parse-only        the csv crate alone reading every record (the baseline)
  planlint feedback the full analysis (sentiment, themes, aggregates)
  planlint check    the example plan checked with the file as --feedback
as rows per second and as a ratio to parse-only, with each run's peak RSS;
and Python vaderSentiment's rows per second on the same comments.
Each command runs RUNS times; the median wall time counts. Timings are ratios
against a baseline measured in the same run, because these machines are noisy.
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


def measure(argv):
    """Median wall seconds, max peak RSS (MB) and median CPU seconds (user and
    system, all threads) of a command, output discarded.

    Peak RSS comes from GNU time: a child forked from this Python process
    would start with Python's own memory and report that instead."""
    walls, peaks, cpus = [], [], []
    for _ in range(RUNS):
        with tempfile.NamedTemporaryFile("r") as rss, open(os.devnull, "wb") as null:
            start = time.perf_counter()
            proc = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", rss.name, *argv], stdout=null, stderr=subprocess.PIPE)
            wall = time.perf_counter() - start
            if proc.returncode not in (0, 1):
                sys.exit(f"{' '.join(argv)} failed with exit {proc.returncode}:\n{proc.stderr.decode(errors='replace')}")
            user, system, peak = rss.read().split()[-3:]
            peaks.append(int(peak) / 1024)
            cpus.append(float(user) + float(system))
        walls.append(wall)
    return statistics.median(walls), max(peaks), statistics.median(cpus)


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
    ]
    results = [(name, *measure(argv)) for name, argv in runs]
    base = results[0][1]
    print(f"{'':28}{'seconds':>9}{'rows/s':>13}{'x parse-only':>14}{'peak RSS MB':>13}{'CPU s':>8}")
    for name, wall, peak, cpu in results:
        print(f"{name:28}{wall:9.2f}{rows / wall:13,.0f}{wall / base:14.2f}{peak:13.1f}{cpu:8.2f}")
    rate = vader_rate(path)
    ours = rows / results[1][1]
    print(f"python vaderSentiment: {rate:,.0f} rows/s on the first {VADER_ROWS:,} comments (scoring only)")
    print(f"planlint feedback vs vaderSentiment: {ours / rate:.0f}x the throughput")


if __name__ == "__main__":
    main()
