#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds each (default 30), seeded from
# the repository's examples, fixtures and test plans. A crash stops the run
# with libFuzzer's report and leaves the input in fuzz/artifacts/TARGET/;
# copy it into fuzz/regressions/TARGET/ once fixed (README, "Fuzzing").
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(plan config baseline feedback render summary)

corpus=fuzz/corpus
mkdir -p "$corpus"/{plan,config,baseline,feedback,render,summary}
seed() { # seed TARGET FILE...: copies files in under names that cannot clash
  local target=$1
  shift
  for file in "$@"; do
    cp "$file" "$corpus/$target/seed-$(echo "$file" | tr '/' '_')"
  done
}
seed plan examples/*/*.plan.toml tests/fixtures/*/*.plan.toml tests/corpus/*.plan.toml
seed render examples/*/*.plan.toml tests/fixtures/PLAN00*/*.plan.toml
seed config src/init/planlint.toml
seed feedback examples/*/feedback.csv tests/fixtures/*/*.csv tests/fixtures-feedback/*.csv
seed summary tests/summaries/*.summary
printf '{"version": 1, "findings": [{"file": "a.plan.toml", "code": "TX001", "subject": "touchpoint.x", "count": 2}]}\n' \
  > "$corpus/baseline/seed-baseline.json"

cargo +nightly fuzz build -O 2>&1 | tail -1
for target in "${targets[@]}"; do
  echo "== fuzz $target for ${seconds}s"
  cargo +nightly fuzz run -O "$target" "$corpus/$target" "fuzz/regressions/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=1024 -timeout=10 \
    -print_final_stats=1 2>&1 | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|artifact_prefix|Test unit written)|panicked|Done " || true
  # grep hides libFuzzer's progress lines; its exit code is what counts.
  test "${PIPESTATUS[0]}" -eq 0
done
