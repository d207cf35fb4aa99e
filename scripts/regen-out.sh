#!/usr/bin/env bash
# Regenerates every <case>.out/ of a folder of terminal sessions (tests/cmd/<area>/) from the
# commands of <case>.md, run on a copy of <case>.in/ (or of the folder's shared _registry/):
# the files that differ afterwards. A case that must change nothing gets the group files it
# started with. Review the result with `git diff`; then `TRYCMD=overwrite cargo test --test cli`
# updates the expected output in the .md files.
#
#   scripts/regen-out.sh tests/cmd/edit      (the environment, e.g. MANDAT_AT, is passed on)
set -euo pipefail
dir=$(cd "${1:?usage: scripts/regen-out.sh tests/cmd/AREA}" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)
M="${MANDAT:-${CARGO_TARGET_DIR:-$top/target}/debug/mandat}"
cd "$dir"
for f in *.md; do
  c=${f%.md}
  if [ -d "$c.in" ]; then base="$dir/$c.in"; else base="$dir/_registry"; fi
  tmp=$(mktemp -d)
  cp -rL "$base/." "$tmp"
  (cd "$tmp" && grep '^\$ mandat' "$dir/$f" | sed 's/^\$ mandat //' | while read -r line; do eval "\"$M\" $line" >/dev/null 2>&1 || true; done)
  rm -rf "$c.out" && mkdir -p "$c.out"
  (cd "$tmp" && find . -type f ! -name .mandat.lock | while read -r p; do
    if ! cmp -s "$p" "$base/$p"; then mkdir -p "$dir/$c.out/$(dirname "$p")"; cp "$p" "$dir/$c.out/$p"; fi
  done)
  [ -z "$(ls -A "$c.out")" ] && cp -r "$base/groups" "$c.out/"
  rm -rf "$tmp"
done
