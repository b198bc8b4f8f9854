#!/usr/bin/env bash
# Builds the release app and prints the benchmark figures (never fails on a time).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
trunk build --release
node tests/e2e/bench.mjs "$@"
