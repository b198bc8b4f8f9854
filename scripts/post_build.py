#!/usr/bin/env python3
"""Trunk post_build hook (see Trunk.toml); python3 standard library only.

Runs in $TRUNK_STAGING_DIR once Trunk has written the final index.html:

1. Content-Security-Policy: Trunk injects an inline <script type="module"> loader
   (import init from './trinvis-<hash>.js'; await init(...)) whose text changes with
   every build. The CSP meta in index.html carries the placeholder 'sha256-LOADER';
   it is replaced by the CSP hash of every inline script ('sha256-<base64>' of the
   exact text between <script ...> and </script>). Missing placeholder or loader is
   an error, so a build can never ship a page whose CSP blocks its own start-up.

2. Service worker: the staged sw.js has `/*__ASSETS__*/` replaced by the list of all
   staged files ("./path", index.html as "./") and `__VERSION__` by the first 16 hex
   characters of a sha256 over all staged files, so every build gets a new cache name
   and a new worker (the browser installs a worker whose bytes changed).

3. shell.js is minified with terser (before the hashes above are taken).

4. Precompression: every text-like file (html, js, css, wasm, json, svg, webmanifest) gets
   a brotli (`.br`, quality 11, Debian's `brotli`) and a gzip (`.gz`, level 9, mtime 0)
   sibling, written after the precache list so the worker never lists them; a static host
   (scripts/serve.sh, docs/deploy.md) sends them with Content-Encoding when the browser
   accepts it. A variant that is not smaller is not written.

Run by hand: TRUNK_STAGING_DIR=dist python3 scripts/post_build.py  (on a fresh build only:
the placeholders are gone after the first run).
"""

import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

PLACEHOLDER = "'sha256-LOADER'"
ASSETS_MARK = "/*__ASSETS__*/"
VERSION_MARK = "__VERSION__"
SW_NAME = "sw.js"
HTML_NAME = "index.html"

# An inline script: a <script> start tag without a src attribute, its text, </script>.
# Raw text elements end at the first "</script", case-insensitively (HTML spec).
SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SRC_RE = re.compile(r"(?:^|\s)src\s*=", re.IGNORECASE)
CSP_META_RE = re.compile(
    r"<meta\b[^>]*http-equiv\s*=\s*[\"']?Content-Security-Policy[\"']?[^>]*>",
    re.IGNORECASE,
)


def fail(msg: str) -> None:
    print(f"post_build.py: error: {msg}", file=sys.stderr)
    sys.exit(1)


def csp_hash(script_text: str) -> str:
    # The browser hashes the element's text after input-stream preprocessing, which
    # turns CRLF and lone CR into LF; do the same so the hash matches on any platform.
    text = script_text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def patch_csp(html: str) -> tuple[str, list[str]]:
    hashes = []
    for m in SCRIPT_RE.finditer(html):
        attrs, body = m.group(1), m.group(2)
        if SRC_RE.search(attrs):
            continue  # external script: covered by 'self'
        if not body.strip():
            continue
        h = csp_hash(body)
        if h not in hashes:
            hashes.append(h)
    if not hashes:
        fail(f"no inline <script> loader found in {HTML_NAME}; did Trunk inject its loader?")
    if not any(re.search(r"\btype\s*=\s*[\"']?module", m.group(1), re.IGNORECASE)
               for m in SCRIPT_RE.finditer(html) if not SRC_RE.search(m.group(1))):
        fail(f'no inline <script type="module"> loader found in {HTML_NAME}')

    metas = CSP_META_RE.findall(html)
    if len(metas) != 1:
        fail(f"expected exactly one Content-Security-Policy meta in {HTML_NAME}, found {len(metas)}")
    meta = metas[0]
    if meta.count(PLACEHOLDER) != 1:
        fail(f"the CSP meta in {HTML_NAME} must contain {PLACEHOLDER} exactly once: {meta}")
    new_meta = meta.replace(PLACEHOLDER, " ".join(hashes))
    return html.replace(meta, new_meta, 1), hashes


def check_references(root: Path, html: str) -> None:
    """Every local href/src of index.html must be a staged file (catches mixed builds)."""
    missing = []
    for m in re.finditer(r"\b(?:href|src)\s*=\s*[\"']([^\"']+)[\"']", html, re.IGNORECASE):
        url = urllib.parse.urlsplit(m.group(1))
        if url.scheme or url.netloc or not url.path:
            continue  # other origins are the CSP's business; "#x" and "?x" are not files
        rel = urllib.parse.unquote(url.path).lstrip("/").removeprefix("./")
        if not rel or rel.endswith("/"):
            rel += HTML_NAME
        if not (root / rel).is_file():
            missing.append(m.group(1))
    if missing:
        fail(f"{HTML_NAME} refers to files that are not in the build: {', '.join(missing)}")


def staged_files(root: Path) -> list[str]:
    """All staged files as sorted POSIX paths relative to root, hidden files skipped."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            out.append((Path(dirpath) / name).relative_to(root).as_posix())
    return sorted(out)


COMPRESSIBLE = (".html", ".js", ".css", ".wasm", ".json", ".svg", ".webmanifest")


def precompress(root: Path, files: list[str]) -> tuple[int, int]:
    """Writes .br and .gz beside each compressible file; returns how many of each."""
    brotli = shutil.which("brotli")
    if brotli is None:
        fail("brotli is missing (Debian package brotli; scripts/setup.sh installs it)")
    n_br = n_gz = 0
    for rel in files:
        if not rel.endswith(COMPRESSIBLE):
            continue
        src = root / rel
        data = src.read_bytes()
        gz = gzip.compress(data, compresslevel=9, mtime=0)
        if len(gz) < len(data):
            (root / (rel + ".gz")).write_bytes(gz)
            n_gz += 1
        br_path = root / (rel + ".br")
        subprocess.run([brotli, "-q", "11", "-f", "-o", str(br_path), str(src)], check=True)
        if br_path.stat().st_size >= len(data):
            br_path.unlink()
        else:
            n_br += 1
    return n_br, n_gz


def main() -> None:
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        fail("TRUNK_STAGING_DIR is not set (this script is a Trunk post_build hook)")
    root = Path(staging)
    html_path, sw_path = root / HTML_NAME, root / SW_NAME
    if not html_path.is_file():
        fail(f"{html_path} is missing")
    if not sw_path.is_file():
        fail(f"{sw_path} is missing (index.html must copy public/sw.js)")

    # 0. The release build (Trunk.toml, scripts/split_build.sh) copies its parts unhashed into pkg/; the
    #    directory gets a content hash (pkg-<16 hex>/) so a host can cache it as immutable,
    #    and the loader's "./pkg/" follows. The chunks keep their names inside it, since
    #    __wasm_split.js fetches them relative to itself.
    html = html_path.read_bytes().decode("utf-8")
    pkg = root / "pkg"
    if pkg.is_dir():
        h = hashlib.sha256()
        for rel in staged_files(pkg):
            h.update(rel.encode("utf-8") + b"\0" + (pkg / rel).read_bytes() + b"\0")
        hashed = f"pkg-{h.hexdigest()[:16]}"
        if "./pkg/" not in html:
            fail(f"{HTML_NAME} does not load ./pkg/ although the build has a pkg/ directory")
        pkg.rename(root / hashed)
        html = html.replace("./pkg/", f"./{hashed}/")

    # 0b. shell.js (a copied file, so Trunk does not minify it) minified by terser, which
    #     scripts/setup.sh installs from tests/e2e's lockfile; a classic script, so its
    #     top-level names stay.
    shell = root / "shell.js"
    terser = shutil.which("terser")
    if shell.is_file():
        if terser is None:
            print("post_build.py: terser not on PATH, shell.js left as written", file=sys.stderr)
        else:
            subprocess.run(
                [terser, str(shell), "--compress", "--mangle", "--output", str(shell)],
                check=True,
            )

    # 1. CSP hash of the loader.
    check_references(root, html)
    html, hashes = patch_csp(html)
    html_path.write_bytes(html.encode("utf-8"))

    # 2. Precache list and build version for the service worker.
    sw = sw_path.read_bytes().decode("utf-8")
    if sw.count(ASSETS_MARK) != 1:
        fail(f"{SW_NAME} must contain {ASSETS_MARK} exactly once")
    if VERSION_MARK not in sw:
        fail(f"{SW_NAME} does not contain {VERSION_MARK}")

    files = staged_files(root)
    version = hashlib.sha256()
    for rel in files:  # includes sw.js itself (its template), so worker edits bump the version
        version.update(rel.encode("utf-8") + b"\0")
        version.update((root / rel).read_bytes())
        version.update(b"\0")
    version_hex = version.hexdigest()[:16]

    already = sw[: sw.index(ASSETS_MARK)]
    entries = []
    for rel in files:
        if rel == SW_NAME:
            continue
        url = "./" if rel == HTML_NAME else "./" + urllib.parse.quote(rel)
        if url == "./" and re.search(r"\[\s*[\"']\./[\"']\s*,\s*$", already):
            continue  # the template already lists "./"
        entries.append(json.dumps(url))
    sw = sw.replace(ASSETS_MARK, ", ".join(entries)).replace(VERSION_MARK, version_hex)
    sw_path.write_bytes(sw.encode("utf-8"))

    # 3. Precompressed variants for the static host (after the list: never precached).
    n_br, n_gz = precompress(root, files)

    print(
        f"post_build.py: CSP {' '.join(hashes)}; sw.js version {version_hex}, "
        f"{len(entries)} entries added to the precache list; {n_br} .br and {n_gz} .gz written"
    )


if __name__ == "__main__":
    main()
