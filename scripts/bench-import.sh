#!/usr/bin/env bash
# How long `mandat import members` takes on a 20 MB sheet, and how much memory it uses.
#
#   scripts/bench-import.sh [path/to/mandat]   (default: the release binary)
#
# Generates a member list of 20 MB (about 22,000 rows of regional members, each with a long
# comment column that is ignored) as CSV, and the same rows as .xlsx and .ods written by
# LibreOffice; then, on a copy of tests/cmd/import/_registry:
#   read:  a sheet whose last row is wrong — every row is read and checked, nothing written
#          (the cost of reading a file and reporting its problems);
#   whole: the full import with --dry-run --force (reading, the plan of 22,000 people and seats,
#          the rule check of the group after the change, the diff).
# Wall time and peak memory (max RSS) come from /usr/bin/time -v. Figures in docs/performance.md.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
M=${1:-${CARGO_TARGET_DIR:-$here/target}/release/mandat}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import sys
out = sys.argv[1]
first = ["Kari", "Ola", "Siri", "Tor", "Per", "Ulla", "Eva", "Lars", "Nina", "Bjørn", "Åse", "Hege", "Knut", "Liv", "Geir"]
last = ["Nordmann", "Hansen", "Berg", "Lie", "Olsen", "Dahl", "Strand", "Vik", "Moe", "Ås", "Bråten", "Aune", "Holm", "Nilsen", "Haugen"]
regions = {"Helse Nord": "unn", "Helse Sør-Øst": "ous", "Helse Midt-Norge": "st-olavs", "Helse Vest": "helse-bergen"}
names = list(regions)
rows = ["Navn;Rolle;Region;Arbeidsgiver;Samtykke;Leder avklart;Oppnevnt;Oppnevnt av;Kommentar"]
size, i = len(rows[0]), 0
while size < 20 * 1024 * 1024:
    r = names[i % 4]
    row = f"{first[i % 15]} {last[(i // 15) % 15]} {i};regionrepresentant;{r};{regions[r]};10.01.2024;12.01.2024;01.02.2024;{r} RHF;" + "Lorem ipsum dolor sit amet, " * 30
    rows.append(row)
    size += len(row.encode()) + 1
    i += 1
open(f"{out}/stor.csv", "w").write("\n".join(rows) + "\n")
open(f"{out}/stor-feil.csv", "w").write("\n".join(rows) + "\nSiste Person;ukjent;Helse Nord;unn;;;;;\n")
print(f"{i} rows, {size / 1024 / 1024:.1f} MiB")
PY
lo='CSV:59,34,76,1'
libreoffice --headless --infilter="$lo" --convert-to xlsx --outdir "$tmp" "$tmp/stor.csv" >/dev/null 2>&1
libreoffice --headless --infilter="$lo" --convert-to ods --outdir "$tmp" "$tmp/stor.csv" >/dev/null 2>&1
ls -l "$tmp"/stor.*
measure() { # label, args...
  local label=$1; shift
  rm -rf "$tmp/reg" && cp -r "$here/tests/cmd/import/_registry" "$tmp/reg"
  (cd "$tmp/reg" && /usr/bin/time -v "$M" --at 2026-03-01 "$@" >/dev/null 2>"$tmp/time.txt") || true
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$tmp/time.txt" | awk '{print $NF}')
  rss=$(grep 'Maximum resident' "$tmp/time.txt" | awk '{print $NF}')
  printf '%-28s %10s  %8d MiB\n' "$label" "$wall" "$((rss / 1024))"
}
printf '%-28s %10s  %12s\n' "case" "wall" "max RSS"
measure "read csv (last row wrong)" import members "$tmp/stor-feil.csv" --group nkt-demo
measure "whole csv" import members "$tmp/stor.csv" --group nkt-demo --dry-run --force
measure "whole xlsx" import members "$tmp/stor.xlsx" --group nkt-demo --dry-run --force
measure "whole ods" import members "$tmp/stor.ods" --group nkt-demo --dry-run --force
