#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:8080/ (installs what is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
trunk build --release
PORT="${PORT:-8080}"
echo "Trinvis is served at http://127.0.0.1:$PORT/  (Ctrl+C stops it)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
