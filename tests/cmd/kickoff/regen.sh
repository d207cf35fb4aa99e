#!/usr/bin/env bash
# Regenerates the <case>.out/ folders here (on 1 March 2026, without colour): see
# scripts/regen-out.sh.
export MANDAT_AT=2026-03-01 NO_COLOR=1
exec "$(dirname "$0")/../../../scripts/regen-out.sh" "$(dirname "$0")"
