#!/usr/bin/env bash
# The feedback reader benchmark (see BENCHMARKS.md): the csv crate alone
# (parse_only, the baseline) and planlint's reader (read_feedback) in its
# four modes, on the file that bench/feedback.sh generates, in one run.
# Prints each command's median wall time of RUNS (default 7) and its ratio to
# parse-only.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${ROWS:-1000000}
runs=${RUNS:-7}
cargo build --release --quiet --example parse_only --example read_feedback --example gen_feedback
mkdir -p target/bench
file=target/bench/feedback-$rows.csv
[ -f "$file" ] || target/release/examples/gen_feedback --rows "$rows" "$file"
median() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    times+=("$(awk "BEGIN { print $end - $start }")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}
base=$(median target/release/examples/parse_only "$file")
printf '%-40s %8s %14s\n' command seconds "vs parse-only"
printf '%-40s %8.3f %13.2fx\n' parse_only "$base" 1
for flags in "" "--owned" "--keep-fields" "--owned --keep-fields"; do
  # shellcheck disable=SC2086 # the flags are separate words
  t=$(median target/release/examples/read_feedback "$file" $flags)
  printf '%-40s %8.3f %13.2fx\n' "read_feedback $flags" "$t" "$(awk "BEGIN { print $t / $base }")"
done
