#!/usr/bin/env bash
# The Python package's benchmark (see BENCHMARKS.md, "Feedback at warehouse
# scale"): builds planlint and the package (release) into a virtualenv under
# target/py, generates the feedback file (one record per line) if it is not
# there, and runs bench/python.py, which compares `score_batch` on one core
# with `planlint feedback`'s CPU time on the same rows, and times the Spark
# example end to end. ROWS (default 1000000) and RUNS (default 3) can be set;
# SPARK=0 leaves Spark out.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${ROWS:-1000000}
cargo build --release --quiet --bin planlint --example gen_feedback
mkdir -p target/bench
file=target/bench/feedback-$rows-single-line.csv
[ -f "$file" ] || target/release/examples/gen_feedback --rows "$rows" --single-line "$file"
[ -x target/py/bin/python ] || python3 -m venv target/py
target/py/bin/pip install -q -r python/requirements-ci.txt
(cd python && VIRTUAL_ENV="$PWD/../target/py" PATH="$PWD/../target/py/bin:$PATH" maturin develop -q --release --locked)
target/py/bin/python bench/python.py "$file" target/release/planlint examples/harbor-bikes/harbor-bikes.plan.toml
