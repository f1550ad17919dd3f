#!/usr/bin/env bash
# The feedback benchmark (see BENCHMARKS.md): builds planlint, generates the
# feedback file if it is not there, installs vaderSentiment into a virtualenv
# under target/ (for comparison only; it is no dependency), and runs
# bench/feedback.py (which needs GNU time, /usr/bin/time). ROWS (default 1000000) and RUNS (default 3) can be set;
# OLD=path/to/planlint adds that build's `planlint feedback` to the same rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${ROWS:-1000000}
cargo build --release --quiet --bin planlint --example parse_only --example gen_feedback
mkdir -p target/bench
file=target/bench/feedback-$rows.csv
[ -f "$file" ] || target/release/examples/gen_feedback --rows "$rows" "$file"
venv=target/bench/venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import vaderSentiment' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet vaderSentiment==3.3.2
fi
"$venv/bin/python" bench/feedback.py "$file" target/release examples/harbor-bikes/harbor-bikes.plan.toml
