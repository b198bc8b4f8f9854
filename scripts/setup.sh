#!/usr/bin/env bash
# Installs whatever is missing for building and testing Trinvis, at pinned versions.
# Idempotent: each step is skipped when the right version is already there (about 1 s).
# Source it (`. scripts/setup.sh`) to also get PATH set for trunk, wasm-opt and Playwright.
set -euo pipefail
TRUNK_V=0.21.14
WB_V=0.2.130
SWS_V=2.44.1
SPLIT_V=0.2.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in chromium chromium-driver brotli; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]} from Debian"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

# The tools below are built from source. One target directory for all four lets the crates
# they share (proc macros, tokio, clap, serde, walrus) compile once on a bare machine; it is
# removed once every tool is installed. Thin builds: their fat-LTO profiles only cost time.
tool_dir="$ROOT/target/tool-build"
tool_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --target-dir "$tool_dir" "$@"
}

# trunk 0.22 needs a newer rustc.
[ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_V" ] \
  || tool_install "trunk@$TRUNK_V" --locked --force
# Must equal wasm-bindgen in Cargo.lock. No --locked: its lockfile wants a crate the
# registry lacks (toolchain.md, pitfall 2).
[ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WB_V" ] &&
[ "$(wasm-bindgen-test-runner --version 2>/dev/null)" = "wasm-bindgen-test-runner $WB_V" ] \
  || tool_install "wasm-bindgen-cli@$WB_V" --force

# The static host of the serve command (precompressed files, cache and CSP headers).
# Only the compression features: no TLS, HTTP/2, metrics or directory listing to build.
# (The version is read whole first: `| grep -q` would end the pipe early, and the SIGPIPE
# exit of static-web-server would fail the check under pipefail.)
sws_version="$(static-web-server --version 2>/dev/null || true)"
[[ "$sws_version" =~ Version:\ +$SWS_V($|[[:space:]]) ]] \
  || tool_install "static-web-server@$SWS_V" --locked --force --no-default-features --features compression

# The splitter of the release build (scripts/split_build.sh): cuts the rarely opened screens
# out of the main wasm into parts that load when first opened. 0.2.3 is the first release that
# matches wasm-bindgen 0.2.130.
# (It has no --version: cargo's install list, read whole as above, says which release is there.)
split_installed="$(cargo install --list 2>/dev/null || true)"
[[ $'\n'"$split_installed" == *$'\n'"wasm_split_cli_support v$SPLIT_V:"* ]] \
  || tool_install "wasm_split_cli_support@$SPLIT_V" --locked --force --features build-binary
unset split_installed  # this file is sourced: leave no variable behind
rm -rf "$tool_dir"
unset tool_dir
unset -f tool_install

# Playwright, axe-core and wasm-opt (binaryen 132) from the committed lockfile.
(cd "$ROOT/tests/e2e" && { npm ls --depth=0 >/dev/null 2>&1 || npm ci --no-audit --no-fund; })
