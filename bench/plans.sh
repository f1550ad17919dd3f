#!/usr/bin/env bash
# The many-plans benchmark (see BENCHMARKS.md): copies the 16 corpus plans
# into target/bench/plans until there are PLANS of them (default 1000), in 40
# folders, then times, in one run, the toml crate alone parsing them
# (examples/toml_only.rs, the baseline) and `planlint check` on the folder.
set -euo pipefail
cd "$(dirname "$0")/.."
plans=${PLANS:-1000}
runs=${RUNS:-5}
cargo build --release --quiet --bin planlint --example toml_only
dir=target/bench/plans
bench/make-plans.sh "$dir" "$plans"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_of() { for _ in $(seq "$runs"); do /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1; done | median; }
base=$(time_of target/release/examples/toml_only "$dir")
full=$(time_of target/release/planlint check "$dir" --format json --fail-on never)
echo "$plans plans, $(nproc) cores, median of $runs runs"
echo "toml crate alone:  ${base} s"
echo "planlint check:    ${full} s  ($(awk -v a="$full" -v b="$base" 'BEGIN {printf "%.1f", a / b}')x the toml-only time)"
