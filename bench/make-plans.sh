#!/usr/bin/env bash
# Fills the folder DIR (emptied first) with COUNT plans, copies of the 16
# corpus plans spread over 40 folders, for the many-plans benchmarks.
# Usage: bench/make-plans.sh DIR COUNT
set -euo pipefail
dir=${1:?usage: bench/make-plans.sh DIR COUNT}
count=${2:?usage: bench/make-plans.sh DIR COUNT}
rm -rf "$dir"
i=0
while [ "$i" -lt "$count" ]; do
  for f in "$(dirname "$0")"/../tests/corpus/*.plan.toml; do
    [ "$i" -lt "$count" ] || break
    mkdir -p "$dir/d$((i % 40))"
    cp "$f" "$dir/d$((i % 40))/p$i.plan.toml"
    i=$((i + 1))
  done
done
