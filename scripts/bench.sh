#!/usr/bin/env bash
# End-to-end timings of the release binary on synthetic registries, beside the floor (a program
# that only reads and parses the same files with the toml crate, on one thread).
#
#   scripts/bench.sh [N ...]          default: 100 1000 10000 groups
#   BENCH_DIR=/tmp/b RUNS=5 scripts/bench.sh 1000
#
# Registries are generated once into $BENCH_DIR (default target/bench; 10,000 groups take
# 275 MB in 420,000 files) by examples/gen_registry.rs. Wall time comes from hyperfine when it is
# installed (mean ± σ of $RUNS runs after a warm-up), else from the best of $RUNS runs of
# /usr/bin/time; peak memory (max RSS) from /usr/bin/time -v. `appoint`, `report annual` and
# `status` are timed only when the binary has them; otherwise the script says it skipped them.
# See docs/performance.md for the figures and how to read them.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${*:-100 1000 10000}
WORK=${BENCH_DIR:-target/bench}
RUNS=${RUNS:-3}
AT=2026-11-22
mkdir -p "$WORK"

cargo build --release --quiet --bin mandat --example gen_registry --example floor
BIN=$PWD/target/release/mandat
FLOOR=$PWD/target/release/examples/floor
GEN=$PWD/target/release/examples/gen_registry

has_command() { "$BIN" help "$@" >/dev/null 2>&1; }

# mean wall seconds of a command ("-" if it failed to run)
wall() {
  local name=$1; shift
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 1 --runs "$RUNS" --ignore-failure --style none \
      --export-json "$WORK/$name.json" "$*" >/dev/null 2>&1 || { echo "-"; return; }
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.3f ± %.3f" % (r["mean"], r["stddev"] or 0))' "$WORK/$name.json"
  else
    local best=
    for _ in $(seq "$RUNS"); do
      local t
      t=$( { /usr/bin/time -f %e sh -c "$* >/dev/null 2>&1" ; } 2>&1 | tail -1)
      if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    done
    echo "$best"
  fi
}

# peak resident memory in MB
peak() { /usr/bin/time -f %M sh -c "$* >/dev/null 2>&1" 2>&1 | tail -1 | awk '{printf "%.1f", $1/1024}'; }

printf '| groups | files | MB | command | wall s | floor wall s | ratio | peak RSS MB | limit MB |\n'
printf '|---:|---:|---:|---|---:|---:|---:|---:|---:|\n'
for n in $SIZES; do
  dir=$WORK/n$n
  [ -f "$dir/registry.toml" ] || "$GEN" --groups "$n" --out "$dir" >/dev/null
  files=$(find "$dir" -type f | wc -l)
  bytes=$(find "$dir" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  mb=$(awk "BEGIN{printf \"%.1f\", $bytes/1048576}")
  limit=$(awk "BEGIN{printf \"%.0f\", 2*$bytes/1048576+30}")
  floor_t=$(wall "floor-$n" "$FLOOR $dir")
  floor_m=$(peak "$FLOOR $dir")
  row() { # name, command
    local t m ratio
    t=$(wall "$1-$n" "$2")
    m=$(peak "$2")
    ratio=$(awk -v a="${t%% *}" -v b="${floor_t%% *}" 'BEGIN{ if (b > 0 && a != "-") printf "%.2f", a/b; else print "-" }')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$files" "$mb" "$1" "$t" "${floor_t}" "$ratio" "$m" "$limit"
  }
  printf '| %s | %s | %s | floor | %s | | | %s | |\n' "$n" "$files" "$mb" "$floor_t" "$floor_m"
  row validate "$BIN validate -r $dir --at $AT"
  # In the first group, jon-nordmann-6 holds the helse-vest seat (he replaced its first holder
  # in 2023) and is not the chair; morten-nordmann-8 sits in the second group. The generator's
  # names depend only on the group number. --dry-run: the registry is left as it was.
  if has_command appoint; then
    row appoint "$BIN appoint rg-00000 morten-nordmann-8 --by helse-vest --role regional --region helse-vest --replaces jon-nordmann-6 --consented 2026-11-01 --leader-cleared 2026-11-02 --date $AT --dry-run -r $dir --at $AT"
  else
    echo "skipped: this mandat has no \`appoint\` command" >&2
  fi
  if has_command report annual; then
    row "report annual" "$BIN report annual rg-00000 --year 2025 --format md -r $dir --at $AT"
  else
    echo "skipped: this mandat has no \`report annual\` command" >&2
  fi
  if has_command status; then
    row status "$BIN status -r $dir --at $AT"
  else
    echo "skipped: this mandat has no \`status\` command" >&2
  fi
done
