#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:8080/ as a real static host
# does (installs what is missing): static-web-server sends the precompressed .br/.gz
# files, caches hashed files as immutable, revalidates index.html and sw.js, and sends
# the Content-Security-Policy as a header (scripts/serve-config.sh; docs/deploy.md).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
trunk build --release
PORT="${PORT:-8080}"
mkdir -p target/serve
bash scripts/serve-config.sh "$PWD/dist" "$PORT" > target/serve/sws.toml
echo "Trinvis is served at http://127.0.0.1:$PORT/  (Ctrl+C stops it)"
exec static-web-server --config-file target/serve/sws.toml
