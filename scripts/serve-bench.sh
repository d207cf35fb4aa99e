#!/usr/bin/env bash
# How fast `mandat serve` answers on a registry of 1,000 groups (examples/gen_registry.rs): the
# warm dashboard, a group page, a write (check + atomic write, under the lock) and the
# dashboard right after a write (the reload), each the median of ROUNDS requests over a real
# socket with curl; and startup (until the first dashboard) beside one `mandat validate`.
# Startup is also timed against `validate` in PAIRS runs of the two in turn (after one pair to warm
# the caches), medians of each, since one run of either moves by a fifth on this machine.
# Targets (issue 15): warm dashboard <= 100 ms, a write <= 50 ms, startup no slower than one
# validate. Figures: docs/performance.md.
#
#   scripts/serve-bench.sh [GROUPS] [ROUNDS]     default: 1000 groups, 15 rounds
set -euo pipefail
cd "$(dirname "$0")/.."

GROUPS_N=${1:-1000}
ROUNDS=${2:-15}
AT=2026-11-22
TARGET=${CARGO_TARGET_DIR:-$PWD/target}

cargo build --release --quiet --bin mandat --example gen_registry
BIN=$TARGET/release/mandat
WORK=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

"$TARGET/release/examples/gen_registry" --groups "$GROUPS_N" --out "$WORK/reg" >/dev/null
REG=$WORK/reg

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m*1000}'; }

start=$(date +%s.%N)
"$BIN" -r "$REG" --at "$AT" validate >/dev/null || true
validate=$(echo "$(date +%s.%N) - $start" | bc)

start=$(date +%s.%N)
"$BIN" -r "$REG" --at "$AT" serve --port 0 --no-open >"$WORK/out" 2>"$WORK/err" &
PID=$!
until [ -s "$WORK/out" ]; do sleep 0.01; done
URL=$(sed 's/^mandat serve: //' "$WORK/out")
BASE=${URL%%/\?token=*}
TOKEN=${URL##*token=}
H=(-s -o /dev/null -H "X-Mandat-Token: $TOKEN")
curl "${H[@]}" "$BASE/"
startup=$(echo "$(date +%s.%N) - $start" | bc)

GROUP=$(ls "$REG/groups" | sed -n 1p)  # not head: SIGPIPE under pipefail
t() { curl "${H[@]}" -w '%{time_total}\n' "$@"; }

dash=$(for _ in $(seq "$ROUNDS"); do t "$BASE/"; done | median)
group=$(for _ in $(seq "$ROUNDS"); do t "$BASE/groups/$GROUP"; done | median)
: >"$WORK/write"
: >"$WORK/after"
for i in $(seq "$ROUNDS"); do
  g=$(ls "$REG/groups" | sed -n "$((i + 1))p")
  t -H 'Accept: application/json' --data "date=2027-06-$(printf %02d "$i")&mode=digital" \
    "$BASE/groups/$g/meeting" >>"$WORK/write"
  t "$BASE/" >>"$WORK/after"
done
write=$(median <"$WORK/write")
after=$(median <"$WORK/after")

kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true
PID=
# Startup against validate, in turn.
PAIRS=${PAIRS:-7}
: >"$WORK/v"
: >"$WORK/s"
for i in $(seq 0 "$PAIRS"); do
  a=$(date +%s.%N)
  "$BIN" -r "$REG" --at "$AT" validate >/dev/null || true
  b=$(date +%s.%N)
  rm -f "$WORK/out2"
  "$BIN" -r "$REG" --at "$AT" serve --port 0 --no-open >"$WORK/out2" 2>/dev/null &
  PID=$!
  until [ -s "$WORK/out2" ]; do sleep 0.002; done
  U=$(sed 's/^mandat serve: //' "$WORK/out2")
  curl -s -o /dev/null -H "X-Mandat-Token: ${U##*token=}" "${U%%/\?token=*}/"
  c=$(date +%s.%N)
  kill "$PID"; wait "$PID" 2>/dev/null || true
  PID=
  if [ "$i" -gt 0 ]; then
    echo "$b - $a" | bc >>"$WORK/v"
    echo "$c - $b" | bc >>"$WORK/s"
  fi
done
vmed=$(median <"$WORK/v")
smed=$(median <"$WORK/s")

printf 'groups                         %s\n' "$GROUPS_N"
printf 'validate (one run)             %.0f ms\n' "$(echo "$validate * 1000" | bc)"
printf 'serve startup to 1st dashboard %.0f ms\n' "$(echo "$startup * 1000" | bc)"
printf 'warm dashboard (median)        %s ms\n' "$dash"
printf 'group page (median)            %s ms\n' "$group"
printf 'write: meeting new (median)    %s ms\n' "$write"
printf 'dashboard after a write        %s ms\n' "$after"
printf 'in turn, %s pairs (medians):   validate %s ms, serve startup %s ms\n' "$PAIRS" "$vmed" "$smed"
