#!/usr/bin/env bash
# Regenerates every <case>.out/ from the commands of <case>.md, run on a copy of _registry/:
# the files that differ from _registry/ afterwards. Review the result with `git diff`.
# Then `TRYCMD=overwrite cargo test --test cli` updates the expected output in the .md files.
set -euo pipefail
cd "$(dirname "$0")"
M="${MANDAT:-$(cd ../../.. && pwd)/target/debug/mandat}"
here=$(pwd)
for f in *.md; do
  c=${f%.md}
  tmp=$(mktemp -d)
  cp -r _registry/. "$tmp"
  (cd "$tmp" && grep '^\$ mandat' "$here/$f" | sed 's/^\$ mandat //' | while read -r line; do eval "\"$M\" $line" >/dev/null 2>&1 || true; done)
  rm -rf "$c.out" && mkdir -p "$c.out"
  (cd "$tmp" && find . -type f ! -name .mandat.lock | while read -r p; do
    if ! cmp -s "$p" "$here/_registry/$p"; then mkdir -p "$here/$c.out/$(dirname "$p")"; cp "$p" "$here/$c.out/$p"; fi
  done)
  # A case that must change nothing compares the group's files with the originals.
  [ -z "$(ls -A "$c.out")" ] && cp -r _registry/groups "$c.out/"
  rm -rf "$tmp"
done
