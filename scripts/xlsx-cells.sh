#!/usr/bin/env bash
# Do office programs read the workbooks mandat writes as they were written?
#
# Writes every kind of workbook (`list groups|people|members|meetings`, `expenses`, `report
# region`, `import template`, in Norwegian and English) from registry-example, has LibreOffice
# convert each worksheet to CSV, and compares LibreOffice's cells with the cells in the file
# (read straight from its XML by scripts/xlsx_cells.py): text must be the same, a date must show
# as dd.mm.yyyy (nb) or yyyy-mm-dd (en), a number as the number.
#
# Usage: scripts/xlsx-cells.sh [path/to/mandat]   (default: target/debug/mandat)
# Needs: libreoffice (7.2 or later), python3. Prints one line per sheet and `N passed, N failed`.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
M=${1:-${CARGO_TARGET_DIR:-$here/target}/debug/mandat}
R=$here/registry-example
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export MANDAT_AT=2026-11-22
for what in groups people members meetings; do
  "$M" -r "$R" list "$what" --format xlsx -o "$tmp/list-$what.xlsx" 2>/dev/null
done
"$M" -r "$R" --lang en list members --format xlsx -o "$tmp/list-members-en.xlsx" 2>/dev/null
"$M" -r "$R" expenses nkt-ms --year 2025 --format xlsx -o "$tmp/expenses.xlsx" 2>/dev/null
"$M" -r "$R" report region helse-nord --year 2025 --format xlsx -o "$tmp/region.xlsx" 2>/dev/null
"$M" -r "$R" import template -o "$tmp/template.xlsx" 2>/dev/null
for book in "$tmp"/*.xlsx; do
  mkdir -p "${book%.xlsx}"
  # Token 12 = -1: one CSV per worksheet, named <book>-<sheet>.csv; token 9 = true: as shown.
  libreoffice --headless --convert-to \
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
    --outdir "${book%.xlsx}" "$book" >/dev/null 2>&1
done
python3 "$here/scripts/xlsx_cells.py" "$tmp"
