#!/usr/bin/env bash
# Runs the same commands with this checkout's planlint and with another
# revision's, and compares stdout, stderr and exit code byte for byte: both
# example plans and the test corpus in every format (with their feedback,
# --statistics), the feedback summary in every format on the generated
# file, the rule catalog, every rule's page, both schemas, and the
# configuration. For changes of structure that must not change behaviour.
# Usage: bench/same-output.sh REV     (ROWS=200000)
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: bench/same-output.sh REV}
rows=${ROWS:-200000}
old=$(bench/build-rev.sh "$rev")
cargo build --release --quiet --bin planlint --example gen_feedback
file=target/bench/feedback-$rows.csv
[ -f "$file" ] || target/release/examples/gen_feedback --rows "$rows" "$file"
out=target/bench/same-output
rm -rf "$out"
mkdir -p "$out/old" "$out/new"
commands=()
for f in table json sarif github junit markdown; do
  for plan in examples/*/*.plan.toml; do
    commands+=("check $plan --format $f --statistics")
    commands+=("check $plan --format $f --feedback $(dirname "$plan")/feedback.csv")
  done
  commands+=("check tests/corpus --format $f")
done
for f in table json csv; do
  commands+=("feedback $file --format $f")
  for csv in examples/*/feedback.csv; do commands+=("feedback $csv --format $f"); done
done
commands+=("rules" "rules --format json" "schema" "schema config" "config examples/harbor-bikes")
for code in $(target/release/planlint rules --format json | grep -o '"code": *"[A-Z]*[0-9]*"' | grep -o '[A-Z]*[0-9][0-9]*'); do
  commands+=("explain $code")
done
differ=0
i=0
for command in "${commands[@]}"; do
  i=$((i + 1))
  for side in old new; do
    bin=target/release/planlint
    [ "$side" = old ] && bin=$old
    # shellcheck disable=SC2086
    set +e
    $bin $command >"$out/$side/$i.out" 2>"$out/$side/$i.err"
    echo $? >"$out/$side/$i.code"
    set -e
  done
  for part in out err code; do
    if ! cmp -s "$out/old/$i.$part" "$out/new/$i.$part"; then
      echo "differs ($part): planlint $command   (see $out/{old,new}/$i.$part)"
      differ=1
    fi
  done
done
echo "${#commands[@]} commands compared with $rev"
[ "$differ" = 0 ] && echo "all identical"
exit "$differ"
