#!/usr/bin/env bash
# Builds planlint at revision REV, once, in the worktree target/bench/rev-REV,
# and prints the path of its binary; for the scripts that compare this
# checkout with a revision (compare.sh, same-output.sh).
# Usage: bench/build-rev.sh REV
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: bench/build-rev.sh REV}
base=target/bench/rev-$rev
if [ ! -x "$base/target/release/planlint" ]; then
  rm -rf "$base"
  git worktree prune
  git worktree add --force --detach "$base" "$rev" >/dev/null
  # The worktree lies inside this checkout's workspace: a revision without
  # a [workspace] of its own is made its own workspace's root.
  grep -q '^\[workspace\]' "$base/Cargo.toml" || printf '\n[workspace]\n' >> "$base/Cargo.toml"
  (cd "$base" && cargo build --release --quiet --bin planlint)
fi
echo "$base/target/release/planlint"
