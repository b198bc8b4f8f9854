#!/usr/bin/env bash
# Checks that the serve command's static host sends what a real host must (docs/deploy.md):
# brotli/gzip variants with Content-Encoding and Vary, application/wasm, hashed files
# immutable, index.html and sw.js revalidated, the CSP header with frame-ancestors.
# Usage: scripts/check-serve.sh [DIST] (default dist/, built by `trunk build --release`).
set -euo pipefail
cd "$(dirname "$0")/.."
dist="$(cd "${1:-dist}" && pwd)"
port="${CHECK_SERVE_PORT:-4190}"
conf="$(mktemp --suffix=.toml)"
bash scripts/serve-config.sh "$dist" "$port" > "$conf"
static-web-server --config-file "$conf" & pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$conf"' EXIT
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
  kill -0 $pid 2>/dev/null || { echo "check-serve: static-web-server exited" >&2; exit 1; }
  sleep 0.1
done
fails=0
header() { { grep -i "^$2:" "$1" || true; } | head -1 | cut -d: -f2- | tr -d '\r' | sed 's/^ *//'; }
expect() { # file header pattern what
  local got; got="$(header "$1" "$2")"
  if [[ "$got" =~ $3 ]]; then echo "ok   $4: $2: $got"; else echo "FAIL $4: $2 is '$got', wanted /$3/"; fails=$((fails+1)); fi
}
h="$(mktemp)"
trap 'kill $pid 2>/dev/null; rm -f "$conf" "$h"' EXIT
get() { # url-path accept-encoding: headers in file $h, body bytes in $size
  size=$(curl -sS -D "$h" -o /dev/null -w '%{size_download}' -H "Accept-Encoding: $2" "http://127.0.0.1:$port/$1")
}
# The release build keeps the main module and its parts in pkg-<hash>/; the one-wasm build
# (Trunk.plain.toml) has trinvis-<hash>_bg.wasm at the top.
wasm="$(cd "$dist" && ls pkg-*/trinvis_bg.wasm trinvis-*_bg.wasm 2>/dev/null | head -1 || true)"
js="$(cd "$dist" && ls pkg-*/trinvis.js trinvis-*.js 2>/dev/null | head -1 || true)"
part="$(cd "$dist" && ls pkg-*/split_*.wasm 2>/dev/null | head -1 || true)"
[ -n "$wasm" ] && [ -n "$js" ] || { echo "check-serve: no wasm or js in $dist" >&2; exit 1; }

get "" "br, gzip"
expect "$h" content-type '^text/html' "index.html"
expect "$h" cache-control '^no-cache$' "index.html"
expect "$h" content-encoding '^br$' "index.html"
expect "$h" content-security-policy "frame-ancestors 'none'" "index.html"
expect "$h" content-security-policy "default-src 'self'" "index.html"
get "sw.js" "br"
expect "$h" cache-control '^no-cache$' "sw.js"
get "$wasm" "br, gzip"
expect "$h" content-type '^application/wasm' "wasm"
expect "$h" content-encoding '^br$' "wasm (br)"
expect "$h" cache-control 'immutable' "wasm"
expect "$h" vary '[Aa]ccept-[Ee]ncoding' "wasm"
br_size=$(stat -c %s "$dist/$wasm.br" 2>/dev/null || echo "no file")
[ "$size" = "$br_size" ] && echo "ok   wasm (br): $size bytes = $wasm.br" || { echo "FAIL wasm (br): $size bytes, $wasm.br has $br_size"; fails=$((fails+1)); }
get "$wasm" "gzip"
expect "$h" content-encoding '^gzip$' "wasm (gzip only)"
get "$wasm" "identity"
[ -z "$(header "$h" content-encoding)" ] && echo "ok   wasm (identity): no content-encoding" || { echo "FAIL wasm (identity): encoded"; fails=$((fails+1)); }
raw_size=$(stat -c %s "$dist/$wasm")
[ "$size" = "$raw_size" ] && echo "ok   wasm (identity): $size bytes" || { echo "FAIL wasm (identity): $size bytes, want $raw_size"; fails=$((fails+1)); }
get "$js" "br"
expect "$h" cache-control 'immutable' "js"
if [ -n "$part" ]; then
  get "$part" "br"
  expect "$h" content-type '^application/wasm' "part $part"
  expect "$h" cache-control 'immutable' "part $part"
  expect "$h" content-encoding '^br$' "part $part"
fi
get "learn/da.json" "br"
expect "$h" cache-control '^no-cache$' "learn/da.json"
expect "$h" content-encoding '^br$' "learn/da.json"
get "shell.js" "br"
expect "$h" cache-control '^no-cache$' "shell.js (unhashed)"
if ((fails)); then echo "check-serve: $fails header checks failed" >&2; exit 1; fi
echo "check-serve: every header as docs/deploy.md says"
