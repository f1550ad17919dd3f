"""The Python package against the CLI, and the Spark example end to end.

Usage: bench/python.sh (builds, generates the file, runs this).

- score_batch: the comments of FILE scored by `planlint.score_batch` on
  one thread, in batches of 65,536 rows read beforehand with pyarrow (not
  timed), against the CPU seconds (user and system, all threads) of
  `planlint feedback FILE --format json`, which reads, scores and counts
  them: the ratio is per core. RUNS rounds, interleaved; the median ratio.
- summarize: the same batches summarised and merged, likewise.
- Spark: examples/spark/feedback_job.py on FILE in local[2] with 8
  partitions, wall seconds from start to the merged summary checked
  (one run: Spark's start-up alone takes seconds).
- The size of the merged summary.
"""

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import pyarrow.csv as csv

import planlint

RUNS = int(os.environ.get("RUNS", "3"))


def cli_cpu(argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed(work):
    start = time.process_time()
    work()
    return time.process_time() - start


def main(path, binary, plan):
    batches = csv.read_csv(path).to_batches(max_chunksize=65_536)
    rows = sum(b.num_rows for b in batches)
    feedback = [binary, "feedback", path, "--format", "json"]
    rounds = []
    for _ in range(RUNS):
        cli = cli_cpu(feedback)
        score = timed(lambda: [planlint.score_batch(b, text="comment") for b in batches])
        summary = timed(lambda: planlint.merge([planlint.summarize(b, name=path) for b in batches]))
        rounds.append((cli, score, summary))
    cli = statistics.median(r[0] for r in rounds)
    print(f"file: {path}, {rows:,} rows; median of {RUNS} rounds")
    print(f"{'':38}{'CPU s':>8}{'rows/s per core':>18}{'x CLI':>8}")
    print(f"{'planlint feedback (CLI, all threads)':38}{cli:8.2f}{rows / cli:18,.0f}{1:8.2f}")
    for i, name in [(1, "score_batch (one thread)"), (2, "summarize + merge (one thread)")]:
        seconds = statistics.median(r[i] for r in rounds)
        ratio = statistics.median(r[i] / r[0] for r in rounds)
        print(f"{name:38}{seconds:8.2f}{rows / seconds:18,.0f}{ratio:8.2f}")
    if os.environ.get("SPARK", "1") == "0":
        return
    with tempfile.TemporaryDirectory() as tmp:
        summary = os.path.join(tmp, "feedback.summary")
        job = [sys.executable, "examples/spark/feedback_job.py", path, "--summary-out", summary,
               "--master", "local[2]", "--partitions", "8", "--plan", plan,
               "--planlint", binary, "--format", "json"]
        start = time.perf_counter()
        spark = subprocess.run(job, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        if spark.returncode not in (0, 1):
            sys.exit(spark.stderr.decode(errors="replace"))
        print(f"Spark local[2], 8 partitions, end to end: {wall:.1f} s ({rows / wall:,.0f} rows/s)")
        print(f"merged summary: {os.path.getsize(summary):,} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:])
