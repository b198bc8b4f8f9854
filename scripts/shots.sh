#!/usr/bin/env bash
# Screenshots of every screen (390/320 px, light/dark) with six weeks of data, for looking
# at, not for asserting: tests/e2e/shots/out/*.png. Build first (trunk build --release).
# SCREENS=today,progress SCHEMES=dark LANGS=da,en SIGN=cleared narrow the set.
set -euo pipefail
cd "$(dirname "$0")/../tests/e2e"
mkdir -p shots/out
npx playwright test --config shots.config.mjs "$@"
