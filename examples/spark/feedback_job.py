"""Hold a marketing plan against feedback that Spark holds.

Reads feedback (CSV or Parquet), summarises each partition with planlint's
Python binding inside ``mapInArrow``, merges the partitions' summaries on
the driver, writes the merged summary, and runs ``planlint check PLAN
--feedback-summary`` on it:

    python examples/spark/feedback_job.py feedback.csv --plan plan.toml \\
        --summary-out feedback.summary --master 'local[2]' --partitions 8

Rows are numbered as lines of the file (the header is line 1), so that the
example comments and wordings of the merged summary are those
``planlint check --feedback feedback.csv`` chooses, however Spark splits
the rows. That holds for a CSV with one record per line and no blank
lines (Spark's ``multiLine`` off, which also lets it split the file); for
a table, name a column that orders the rows with ``--line-column``, or the
rows are numbered in the order Spark reads them. A row Spark cannot parse
(a field too many or too few) stops the job (``FAILFAST``), where planlint
would reject and count it: run ``planlint feedback`` on the file to see
which rows. The time options (``--date-format``, ``--period``, ``--since``,
``--until``) are kept in the summary, and ``planlint check`` reads it with
them. Needs ``pyspark`` and ``planlint``
(``pip install ./python``); ``--scored-out`` also writes every row with its
sentiment, polarity and themes as Parquet.
"""

import argparse
import os
import subprocess
import sys

import pyarrow as pa
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

SUMMARY = pa.schema([("summary", pa.binary())])


def summarise_partition(name, columns):
    """The function ``mapInArrow`` runs on each partition: its batches
    summarised and merged into one summary."""

    def run(batches):
        import planlint

        parts = [
            planlint.summarize(batch, line="line", name=name, **columns)
            for batch in batches
            if batch.num_rows
        ]
        if parts:
            merged = planlint.merge(parts, name=name)
            yield pa.RecordBatch.from_pylist([{"summary": merged}], schema=SUMMARY)

    return run


def score_partition(text):
    def run(batches):
        import planlint

        for batch in batches:
            yield planlint.score_batch(batch, text=text)

    return run


def numbered(frame, line_column):
    """The rows with a ``line`` column: ``line_column``'s values, else their
    place in the order Spark read them, counted from line 2."""
    if line_column:
        return frame.withColumn("line", F.col(line_column).cast("long"))
    # A partition's ids start at its index shifted left by 33; each
    # partition's first line follows the rows of the partitions before it.
    frame = frame.withColumn("_part", F.spark_partition_id()).withColumn(
        "_id", F.monotonically_increasing_id()
    )
    frame = frame.cache()
    counts = dict(frame.groupBy("_part").count().collect())
    starts, total = {}, 0
    for part in sorted(counts):
        starts[part] = total
        total += counts[part]
    start = F.create_map(*[F.lit(x) for pair in starts.items() for x in pair])
    within = F.col("_id") - F.shiftleft(F.col("_part").cast("long"), 33)
    line = start[F.col("_part")] + within + F.lit(2)
    return frame.withColumn("line", line.cast("long")).drop("_part", "_id")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("feedback", help="a CSV file, or Parquet (by its extension)")
    parser.add_argument("--plan", help="run `planlint check PLAN --feedback-summary` on the result")
    parser.add_argument("--summary-out", required=True, help="where the merged summary goes")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=0, help="repartition the rows first")
    parser.add_argument("--line-column", help="a column that orders the rows")
    parser.add_argument("--scored-out", help="also write the scored rows (Parquet)")
    parser.add_argument("--planlint", default=os.environ.get("PLANLINT", "planlint"))
    for role in ["text", "score", "persona", "touchpoint", "channel", "date"]:
        parser.add_argument(f"--{role}-column", dest=role)
    parser.add_argument("--delimiter", default=",", help="the CSV's delimiter (default ,)")
    parser.add_argument("--date-format")
    parser.add_argument("--period")
    parser.add_argument("--since")
    parser.add_argument("--until")
    args, check_args = parser.parse_known_args(argv)

    # The workers run this Python, which has planlint and pyarrow.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master(args.master).appName("planlint").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        if args.feedback.endswith(".parquet"):
            frame = spark.read.parquet(args.feedback)
        else:
            # As planlint reads a CSV: every value as text, "" quotes.
            frame = spark.read.csv(
                args.feedback,
                header=True,
                inferSchema=False,
                escape='"',
                multiLine=False,
                sep=args.delimiter,
                mode="FAILFAST",
            )
        frame = numbered(frame, args.line_column)
        if args.partitions:
            frame = frame.repartition(args.partitions)
        options = {
            role: getattr(args, role)
            for role in ["text", "score", "persona", "touchpoint", "channel", "date"]
            if getattr(args, role)
        }
        options.update(
            {
                k: getattr(args, k)
                for k in ["date_format", "period", "since", "until"]
                if getattr(args, k)
            }
        )
        name = args.feedback
        parts = [
            row.summary
            for row in frame.mapInArrow(summarise_partition(name, options), "summary binary").collect()
        ]
        if args.scored_out:
            scored = frame.mapInArrow(
                score_partition(args.text),
                frame.schema.add("sentiment", "double")
                .add("polarity", "string")
                .add("themes", "array<string>"),
            )
            scored.write.mode("overwrite").parquet(args.scored_out)
    finally:
        spark.stop()

    import planlint

    merged = planlint.merge(parts, name=name)
    with open(args.summary_out, "wb") as out:
        out.write(merged)
    print(f"{len(parts)} partition summaries merged into {args.summary_out}", file=sys.stderr)
    if args.plan:
        command = [args.planlint, "check", args.plan, "--feedback-summary", args.summary_out]
        return subprocess.run(command + check_args).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
