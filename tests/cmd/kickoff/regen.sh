#!/usr/bin/env bash
# Regenerates every <case>.out/ from the commands of <case>.md, run on a copy of <case>.in/:
# the files that differ afterwards. Review the result with `git diff`, then
# `TRYCMD=overwrite cargo test --test cli` updates the expected output.
set -euo pipefail
cd "$(dirname "$0")"
M="${MANDAT:-${CARGO_TARGET_DIR:-$(cd ../../.. && pwd)/target}/debug/mandat}"
here=$(pwd)
export MANDAT_AT=2026-03-01 NO_COLOR=1
for f in *.md; do
  c=${f%.md}
  tmp=$(mktemp -d)
  cp -rL "$c.in/." "$tmp"
  (cd "$tmp" && grep '^\$ mandat' "$here/$f" | sed 's/^\$ mandat //' | while read -r line; do eval "\"$M\" $line" >/dev/null 2>&1 || true; done)
  rm -rf "$c.out" && mkdir -p "$c.out"
  (cd "$tmp" && find . -type f ! -name .mandat.lock | while read -r p; do
    if ! cmp -s "$p" "$here/$c.in/$p"; then mkdir -p "$here/$c.out/$(dirname "$p")"; cp "$p" "$here/$c.out/$p"; fi
  done)
  [ -z "$(ls -A "$c.out")" ] && cp -r "$c.in/groups" "$c.out/"
  rm -rf "$tmp"
done
