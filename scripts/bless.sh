#!/usr/bin/env bash
# Refreshes every kind of golden output in one go, after a change that meant to change output.
# Read the diff afterwards (`git diff tests docs`): a golden is only as good as that reading.
#
#   scripts/bless.sh            all of them
#   scripts/bless.sh trycmd     only one kind: trycmd | insta | malformed | docs
set -euo pipefail
cd "$(dirname "$0")/.."
kinds=("${@:-trycmd insta malformed docs}")
kinds=(${kinds[*]})
export MANDAT_SKIP_BROWSER=1
for kind in "${kinds[@]}"; do
  case "$kind" in
    trycmd)
      # Terminal sessions under tests/cmd/ (*.trycmd, *.toml with .stdout/.stderr files).
      echo "== trycmd (tests/cmd/)"
      TRYCMD=overwrite cargo test --locked --test cli -- --test-threads=2 || true
      ;;
    insta)
      # Snapshots (*.snap) beside the tests that take them.
      echo "== insta snapshots"
      INSTA_UPDATE=always INSTA_FORCE_PASS=1 cargo test --locked --test integration --test rules || true
      ;;
    malformed)
      # The malformed corpus: tests/malformed/*/expected.txt.
      echo "== malformed corpus (tests/malformed/)"
      MANDAT_BLESS=1 cargo test --locked --test integration malformed || true
      ;;
    docs)
      # docs/rules.md, generated from the rule declarations.
      echo "== docs/rules.md"
      UPDATE_DOCS=1 cargo test --locked --lib docs_rules_md_is_current
      ;;
    *)
      echo "unknown kind: $kind (trycmd | insta | malformed | docs)" >&2
      exit 2
      ;;
  esac
done
echo "== now check that everything passes as blessed"
cargo test --locked
git status --short tests docs
