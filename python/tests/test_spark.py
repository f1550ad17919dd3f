"""The Spark example on 200,000 generated rows in 8 partitions, on Spark in
local mode with two cores: the merged summary must give exactly the
findings and the JSON summary that `planlint check --feedback` gives on the
same CSV. Skipped, saying why, without pyspark or Java, unless
PLANLINT_REQUIRE_SPARK=1 (as in CI), which makes that a failure."""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

PLAN = "examples/harbor-bikes/harbor-bikes.plan.toml"
ROWS = 200_000


def require_spark():
    missing = []
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing.append("pyspark")
    if shutil.which("java") is None:
        missing.append("java")
    if missing:
        why = f"needs {' and '.join(missing)} (.ci/run installs them)"
        if os.environ.get("PLANLINT_REQUIRE_SPARK") == "1":
            pytest.fail(why)
        pytest.skip(why)


def test_spark_partitions_merge_to_what_the_cli_finds(tmp_path, planlint_bin, gen_feedback_bin):
    require_spark()
    feedback = tmp_path / "feedback.csv"
    subprocess.run([gen_feedback_bin, "--rows", str(ROWS), "--single-line", feedback], check=True)
    summary = tmp_path / "feedback.summary"
    job = [sys.executable, ROOT / "examples/spark/feedback_job.py", feedback,
           "--summary-out", summary, "--master", "local[2]", "--partitions", "8",
           "--plan", PLAN, "--planlint", planlint_bin, "--format", "json"]
    spark = subprocess.run(job, capture_output=True, cwd=ROOT)
    assert spark.returncode in (0, 1), spark.stderr.decode()
    assert b"8 partition summaries merged" in spark.stderr

    def planlint(*args):
        run = subprocess.run([planlint_bin, *args], capture_output=True, cwd=ROOT)
        assert run.returncode in (0, 1), run.stderr.decode()
        return run.stdout

    from_csv = planlint("check", PLAN, "--feedback", feedback, "--format", "json")
    assert spark.stdout == from_csv
    assert (planlint("feedback", "--summary", summary, "--format", "json")
            == planlint("feedback", feedback, "--format", "json"))
