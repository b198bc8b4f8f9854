#!/usr/bin/env bash
# Writes the static-web-server config for a built dist/ to stdout: precompressed files
# (.br/.gz from scripts/post_build.py) sent with Content-Encoding, hashed files cached as
# immutable, everything else (index.html, sw.js, shell.js, learn/, icons/, the manifest)
# revalidated, and the page's Content-Security-Policy as a header with frame-ancestors
# (a meta tag cannot set it). Usage: scripts/serve-config.sh DIST PORT
set -euo pipefail
dist="$1"; port="$2"
csp=$(python3 - "$dist/index.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
# The meta tag as written or as Trunk's minifier writes it (attributes in any order,
# quotes only where needed).
tag = re.search(r'<meta\b[^>]*http-equiv\s*=\s*["\']?Content-Security-Policy\b[^>]*>', html, re.I)
m = tag and re.search(r'\bcontent\s*=\s*"([^"]+)"', tag.group(0))
if not m:
    sys.exit("serve-config: no Content-Security-Policy meta in index.html")
print(m.group(1).strip().rstrip(";") + "; frame-ancestors 'none'")
PY
)
cat <<TOML
[general]
host = "127.0.0.1"
port = $port
root = "$dist"
compression = false
compression-static = true
cache-control-headers = false
log-level = "error"

[advanced]
# Every block whose source matches is applied in file order, each overwriting the last:
# the catch-all comes first.
[[advanced.headers]]
source = "**"
[advanced.headers.headers]
Cache-Control = "no-cache"
X-Content-Type-Options = "nosniff"
Referrer-Policy = "no-referrer"
Content-Security-Policy = "$csp"

# Trunk's content-hashed names: trinvis-<16 hex>.js, trinvis-<16 hex>_bg.wasm, main-<16 hex>.css.
[[advanced.headers]]
source = "/{trinvis,main}-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]{.js,_bg.wasm,.css}"
[advanced.headers.headers]
Cache-Control = "public, max-age=31536000, immutable"

# The split build's parts: pkg-<16 hex>/ (scripts/post_build.py names the directory
# after its contents).
[[advanced.headers]]
source = "/pkg-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]/**"
[advanced.headers.headers]
Cache-Control = "public, max-age=31536000, immutable"
TOML
