#!/usr/bin/env bash
# Renders the reports and letters as a reader meets them, to look at: every docx through
# LibreOffice to PDF and then PNG (pdftoppm), every html through headless Chromium to PNG.
# Usage: scripts/look.sh [OUT]   (default: target/look); then open the PNGs.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-target/look}"
M="${MANDAT:-${CARGO_TARGET_DIR:-target}/debug/mandat}"
mkdir -p "$OUT"
ex=(-r registry-example --at 2026-11-22)
gaps=(-r tests/fixtures/report-gaps --at 2026-03-01)
run() { local name=$1; shift; "$M" "$@" -o "$OUT/$name" 2>/dev/null; }
run annual-nkt-ms-2025.docx "${ex[@]}" report annual nkt-ms --year 2025 --format docx
run annual-nkt-ms-2025.html "${ex[@]}" report annual nkt-ms --year 2025 --format html
run annual-gaps-2025.docx "${gaps[@]}" report annual nkt-hull --year 2025 --format docx --details
run annual-gaps-2025-en.html "${gaps[@]}" --lang en report annual nkt-hull --year 2025 --format html
run region-helse-nord-2025.docx "${ex[@]}" report region helse-nord --year 2025 --format docx
run inputs-senja.docx "${ex[@]}" report inputs senja-omstilling --format docx
run letter-request.docx "${ex[@]}" letter request nkt-ms silje-pedersen --format docx
run letter-constituted.docx "${ex[@]}" letter constituted nkt-ms --format docx
run letter-constituted.html "${ex[@]}" letter constituted nkt-ms --format html
run letter-reminder-en.html "${gaps[@]}" --lang en letter reminder nkt-hull --region helse-vest --year 2025 --format html
for f in "$OUT"/*.docx; do
  soffice --headless --convert-to pdf --outdir "$OUT" "$f" >/dev/null 2>&1
  pdftoppm -png -r 60 "${f%.docx}.pdf" "${f%.docx}"
done
for f in "$OUT"/*.html; do
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1400 \
    --screenshot="${f%.html}.png" "file://$(realpath "$f")" >/dev/null 2>&1
done
ls "$OUT"/*.png
