#!/usr/bin/env bash
# Runs every test layer (installs what is missing): format, lints, the core boundary,
# native unit tests, browser tests in headless Chromium, the release build and its byte
# budget, and the end-to-end suite with Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver.json"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

step() { printf '\n== %s\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "the core has no web types"
if cargo tree -p trinvis-core -e normal --prefix none | grep -Ei '^(leptos|web-sys|js-sys|wasm-bindgen|gloo)'; then
  echo "trinvis-core must not depend on web or Leptos crates" >&2
  exit 1
fi

step "our own words: no run of 7+ words shared with the seed documents"
scripts/seed_overlap.sh

step "lints (native and wasm32)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# The release build's lazily loaded parts (the cargo feature of scripts/split_build.sh).
cargo clippy --target wasm32-unknown-unknown --bin trinvis --features split,texts-apart -- -D warnings
cargo clippy --target wasm32-unknown-unknown --bin trinvis --features split,split-coach,texts-apart -- -D warnings

step "unit tests (native)"
cargo test --workspace

step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown

step "release build (main wasm and lazily loaded parts: Trunk.toml, scripts/split_build.sh)"
trunk build --release

step "static host headers (the serve command's server)"
bash scripts/check-serve.sh dist

step "end-to-end (Playwright, Chromium)"
(cd tests/e2e && npx playwright test)

step "byte budget"
node tests/e2e/bench.mjs --bytes-only
