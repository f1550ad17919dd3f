#!/usr/bin/env bash
# Regenerates the README's screenshots of the board report: the first page
# of each example's report, rendered by headless Chromium
# (apt-get install chromium-headless-shell). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin planlint
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for example in blitz-bikes harbor-bikes; do
  PLANLINT_TODAY=2027-01-01 target/release/planlint report "examples/$example" -o "$out/$example.html"
  chromium-headless-shell --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size=1000,1300 --screenshot="docs/report-$example.png" "file://$out/$example.html" 2>/dev/null
done
ls -l docs/report-*.png
