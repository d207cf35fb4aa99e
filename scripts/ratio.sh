#!/usr/bin/env bash
# The ratio of `mandat validate` to the floor, with the two run in turn so that both see the
# same state of the machine (its page and inode caches, other jobs), which on a shared machine
# changes more from minute to minute than the two programs differ.
#
#   scripts/ratio.sh DIR [ROUNDS]        default: 7 rounds
#   BIN=/path/to/mandat scripts/ratio.sh DIR
#   ONE_CORE=1 scripts/ratio.sh DIR       `validate` pinned to one core (taskset), as on a
#                                         machine with one core: it then reads on one thread
#
# DIR is a registry made by examples/gen_registry.rs (scripts/bench.sh makes them). Each round
# runs the floor on one thread, the floor on two threads (`floor --threads 2`), then `validate`,
# under /usr/bin/time; the first round only warms the caches and is left out. Prints every run,
# then the median wall time and CPU time (user + system) of each program and the two targets:
# validate's wall time against the two-thread floor's, and its CPU time against the
# one-thread floor's (at most 1.3x). See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=${1:?usage: scripts/ratio.sh DIR [ROUNDS]}
ROUNDS=${2:-7}
AT=2026-11-22

cargo build --release --quiet --bin mandat --example floor
BIN=${BIN:-$PWD/target/release/mandat}
FLOOR=$PWD/target/release/examples/floor
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

for round in $(seq 0 "$ROUNDS"); do
  for what in floor floor2 validate; do
    if [ "$what" = floor ]; then
      cmd=("$FLOOR" "$DIR")
    elif [ "$what" = floor2 ]; then
      cmd=("$FLOOR" --threads 2 "$DIR")
    elif [ -n "${ONE_CORE:-}" ]; then
      cmd=(taskset -c 0 "$BIN" validate -r "$DIR" --at "$AT")
    else
      cmd=("$BIN" validate -r "$DIR" --at "$AT")
    fi
    /usr/bin/time -f "$round $what %e %U %S %M" -o "$LOG.one" "${cmd[@]}" >/dev/null 2>&1 || true
    cat "$LOG.one" >>"$LOG"
    rm -f "$LOG.one"
  done
done

python3 - "$LOG" <<'EOF'
import statistics, sys
runs = {"floor": [], "floor2": [], "validate": []}
print("round  program    wall s  user s  sys s  max RSS MB")
for line in open(sys.argv[1]):
    rnd, what, wall, user, sys_, rss = line.split()
    print(f"{rnd:>5}  {what:<9} {float(wall):7.2f} {float(user):7.2f} {float(sys_):6.2f} {int(rss)/1024:11.1f}")
    if rnd != "0":
        runs[what].append((float(wall), float(user) + float(sys_)))
med = {w: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs)) for w, rs in runs.items()}
ratios = sorted(v[0] / f[0] for f, v in zip(runs["floor"], runs["validate"]))
ratios2 = sorted(v[0] / f[0] for f, v in zip(runs["floor2"], runs["validate"]))
print()
for w in ("floor", "floor2", "validate"):
    print(f"median {w:<9} wall {med[w][0]:.2f} s, CPU (user + system) {med[w][1]:.2f} s")
print(f"wall: validate / floor (one thread) {med['validate'][0] / med['floor'][0]:.2f}; "
      f"validate / floor (two threads) {med['validate'][0] / med['floor2'][0]:.2f} (target: at most 1.00)")
print(f"CPU: validate / floor (one thread) {med['validate'][1] / med['floor'][1]:.2f} (target: at most 1.30)")
print("wall ratio to the one-thread floor, each round: " + ", ".join(f"{r:.2f}" for r in ratios)
      + f" (median {statistics.median(ratios):.2f})")
print("wall ratio to the two-thread floor, each round: " + ", ".join(f"{r:.2f}" for r in ratios2)
      + f" (median {statistics.median(ratios2):.2f})")
EOF
