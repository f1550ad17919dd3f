#!/usr/bin/env bash
# Times this checkout against another revision, in one run, on the same
# inputs (see BENCHMARKS.md): `planlint feedback` and `planlint check
# --feedback` on the generated feedback file, and `planlint check` on a folder
# of PLANS plans. The two builds run in turn, RUNS times each (default 7);
# the table gives the median wall and CPU seconds of each and their ratio,
# and the peak RSS. The revision is built once, in target/bench/rev-REV.
# Usage: bench/compare.sh REV     (ROWS=1000000 PLANS=1000 RUNS=7)
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: bench/compare.sh REV}
rows=${ROWS:-1000000}
plans=${PLANS:-1000}
runs=${RUNS:-7}
old=$(bench/build-rev.sh "$rev")
cargo build --release --quiet --bin planlint --example gen_feedback
mkdir -p target/bench
file=target/bench/feedback-$rows.csv
[ -f "$file" ] || target/release/examples/gen_feedback --rows "$rows" "$file"
dir=target/bench/compare-plans
bench/make-plans.sh "$dir" "$plans"
plan=examples/harbor-bikes/harbor-bikes.plan.toml
new=target/release/planlint
# One line per run: "wall user+system peak-KB".
measure() {
  /usr/bin/time -f "%e %U %S %M" -o target/bench/time.txt "$@" >/dev/null 2>&1 || true
  # GNU time puts "Command exited with non-zero status 1" first on exit 1.
  tail -1 target/bench/time.txt | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
printf '%-28s %9s %9s %7s %9s %9s %7s %9s %9s\n' workload "$rev" this ratio "cpu $rev" "cpu this" ratio "MB $rev" "MB this"
for workload in feedback check-feedback check-plans; do
  case $workload in
    feedback) args=(feedback "$file" --format json) ;;
    check-feedback) args=(check "$plan" --feedback "$file" --format json) ;;
    check-plans) args=(check "$dir" --format json --fail-on never) ;;
  esac
  : >target/bench/old.txt
  : >target/bench/new.txt
  for _ in $(seq "$runs"); do
    measure "$old" "${args[@]}" >>target/bench/old.txt
    measure "$new" "${args[@]}" >>target/bench/new.txt
  done
  ow=$(cut -d' ' -f1 target/bench/old.txt | median)
  nw=$(cut -d' ' -f1 target/bench/new.txt | median)
  oc=$(cut -d' ' -f2 target/bench/old.txt | median)
  nc=$(cut -d' ' -f2 target/bench/new.txt | median)
  om=$(cut -d' ' -f3 target/bench/old.txt | sort -n | tail -1)
  nm=$(cut -d' ' -f3 target/bench/new.txt | sort -n | tail -1)
  awk -v w="$workload" -v ow="$ow" -v nw="$nw" -v oc="$oc" -v nc="$nc" -v om="$om" -v nm="$nm" 'BEGIN {
    printf "%-28s %9.3f %9.3f %6.3fx %9.2f %9.2f %6.3fx %9.1f %9.1f\n", w, ow, nw, nw / ow, oc, nc, nc / oc, om / 1024, nm / 1024 }'
done
