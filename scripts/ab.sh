#!/usr/bin/env bash
# Two builds of `mandat validate` in turn, to tell whether a change made it faster on a machine
# whose speed moves by a fifth from minute to minute: A and B run alternately, each under
# /usr/bin/time, so that every pair sees the same state of the machine; the first pair only warms
# the caches and is left out. Prints the medians of each and the ratio B/A of every pair.
#
#   scripts/ab.sh OLD_BINARY NEW_BINARY DIR [PAIRS]      default: 8 pairs
#
# Keep the old binary aside before building the new one, e.g.
#   git stash && cargo build --release --bin mandat && cp target/release/mandat /tmp/mandat-A
#   git stash pop && cargo build --release --bin mandat
#   scripts/ab.sh /tmp/mandat-A target/release/mandat /tmp/n10000
# DIR is a registry made by examples/gen_registry.rs. See docs/performance.md.
set -euo pipefail

A=${1:?usage: scripts/ab.sh OLD_BINARY NEW_BINARY DIR [PAIRS]}
B=${2:?usage: scripts/ab.sh OLD_BINARY NEW_BINARY DIR [PAIRS]}
DIR=${3:?usage: scripts/ab.sh OLD_BINARY NEW_BINARY DIR [PAIRS]}
PAIRS=${4:-8}
AT=2026-11-22
LOG=$(mktemp)
trap 'rm -f "$LOG" "$LOG.one"' EXIT

for pair in $(seq 0 "$PAIRS"); do
  for which in A B; do
    bin=$A
    [ "$which" = B ] && bin=$B
    /usr/bin/time -f "$pair $which %e %U %S %M" -o "$LOG.one" "$bin" validate -r "$DIR" --at "$AT" \
      >/dev/null 2>&1 || true
    cat "$LOG.one" >>"$LOG"
  done
done

python3 - "$LOG" <<'PY'
import statistics, sys
runs = {"A": [], "B": []}
for line in open(sys.argv[1]):
    pair, which, wall, user, sys_, rss = line.split()
    if pair != "0":
        runs[which].append((float(wall), float(user) + float(sys_), int(rss) / 1024))
for which in "AB":
    r = runs[which]
    print(f"{which}: wall {statistics.median(x[0] for x in r):.3f} s, "
          f"CPU {statistics.median(x[1] for x in r):.3f} s, "
          f"peak RSS {statistics.median(x[2] for x in r):.0f} MB (medians)")
for i, what in ((0, "wall"), (1, "CPU")):
    ratios = sorted(b[i] / a[i] for a, b in zip(runs["A"], runs["B"]))
    print(f"{what} B/A, each pair: " + " ".join(f"{x:.3f}" for x in ratios)
          + f" (median {statistics.median(ratios):.3f})")
PY
