#!/usr/bin/env bash
# Regenerates the <case>.out/ folders here: see scripts/regen-out.sh.
exec "$(dirname "$0")/../../../scripts/regen-out.sh" "$(dirname "$0")"
