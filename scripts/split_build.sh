#!/usr/bin/env bash
# The release build: the wasm with the `split` feature, cut by
# wasm-split-cli into the main module and one chunk per lazily loaded screen, then
# wasm-bindgen on the main module, wasm-opt -Oz on every part and terser on the glue.
#
#   scripts/split_build.sh [OUT]      (OUT defaults to target/split/pkg)
#   SPLIT_FEATURES=split,texts-apart scripts/split_build.sh   (the coach section in the main module)
#   SPLIT_FEATURES=split,split-coach scripts/split_build.sh   (every text in the main module)
#
# Writes OUT/trinvis.js, OUT/trinvis_bg.wasm, OUT/__wasm_split.js, OUT/split_*.wasm /
# OUT/chunk_*.wasm and, with the feature texts-apart (the default), the texts kept apart from
# the wasm: OUT/texts-da.json and OUT/texts-en.json (from texts/, src/i18n/apart.rs). Trunk cannot run the splitter between cargo and wasm-bindgen (trunk
# issue 1022), so this runs on its own or as Trunk's pre_build hook (Trunk.toml).
# Needs: wasm-split-cli (cargo install --locked wasm_split_cli_support --version 0.2.3
# --features build-binary), wasm-bindgen 0.2.130, wasm-opt 132 and terser (scripts/setup.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"
OUT="${1:-$ROOT/target/split/pkg}"
# Trunk's hooks run with a TRUNK_* environment; keep our cargo call independent of it.
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
WORK="$TARGET_DIR/split/work"
WASM="$TARGET_DIR/wasm32-unknown-unknown/release/trinvis.wasm"

# 1. The wasm with relocations kept (the splitter reads them to find what each split
#    point reaches). RUSTFLAGS replaces the config's rustflags, so erase_components is
#    repeated here (.cargo/config.toml).
#    Panic messages name their source file: the registry's directory is cut from those
#    paths (shorter strings; the same bytes on any machine).
FEATURES_CARGO="${SPLIT_FEATURES:-split,split-coach,texts-apart}"
REMAP=""
for d in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  if [ -d "$d" ]; then REMAP="$REMAP --remap-path-prefix=$d="; fi
done
RUSTFLAGS="--cfg erase_components -Clink-args=--emit-relocs$REMAP" \
  nice -n "${SPLIT_NICE:-19}" cargo build --release --target wasm32-unknown-unknown \
  --bin trinvis --features "$FEATURES_CARGO"

# 2. Split: main module (still to be bound) + chunks + the __wasm_split.js link module.
rm -rf "$WORK" "$OUT"
mkdir -p "$WORK" "$OUT"
wasm-split-cli --out-name trinvis "$WASM" "$WORK"

# 3. wasm-bindgen on the main module only; --keep-lld-exports keeps the table, memory and
#    stack pointer exports that the chunks import through __wasm_split.js.
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$OUT" \
  --out-name trinvis "$WORK/trinvis.wasm"
# wasm-split-cli writes the shared exports in hash-map order, which changes from run to run:
# sort them, so the same sources give the same files and the same pkg-<hash>/ name (a new
# name makes every patient's worker fetch the whole app again).
python3 - "$WORK/__wasm_split.js" "$OUT/__wasm_split.js" <<'PY'
import re, sys
src, dst = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
def sort_names(m):
    names = sorted(n.strip() for n in m.group(1).split(",") if n.strip())
    return "{ " + ", ".join(names) + ", }"
lines = []
for line in text.split("\n"):
    if "initSync(undefined" in line or "Object.assign(sharedImports.__wasm_split" in line:
        line = re.sub(r"\{\s*((?:[A-Za-z_$][\w$]*\s*,\s*)+)\}", sort_names, line)
    lines.append(line)
open(dst, "w", encoding="utf-8").write("\n".join(lines))
PY
for f in "$WORK"/*.wasm; do
  [ "$(basename "$f")" = trinvis.wasm ] || cp "$f" "$OUT"/
done
# 3b. The main module's bindings slimmed (scripts/slim_bindings.py): the wasm-streams classes
#     that Leptos's server_fn exports are dropped, and the JavaScript imports get short names
#     in the wasm and the glue alike.
python3 scripts/slim_bindings.py "$OUT"

# 4. wasm-opt -Oz on every part. The chunks carry no target_features section, so the
#    features of Rust's wasm32 target are named (and the producers and target_features
#    sections are dropped from every part).
FEATURES=(--enable-bulk-memory --enable-sign-ext --enable-mutable-globals
  --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue)
for f in "$OUT"/*.wasm; do
  wasm-opt -Oz "${FEATURES[@]}" --strip-producers --strip-target-features "$f" -o "$f"
done
# 4b. The coach part (fetched on every start of the today screen) merged with every chunk it
#     shares with other parts: one request instead of 51 (scripts/merge_coach.py).
if [[ ",$FEATURES_CARGO," == *,split-coach,* ]]; then
  python3 scripts/merge_coach.py "$OUT"
fi
# 5. The JavaScript glue minified (terser, from tests/e2e's lockfile): the first screen
#    fetches trinvis.js and __wasm_split.js before the wasm starts. Property names are
#    kept (the wasm's imports are looked up by name), so only locals are renamed.
for f in "$OUT/trinvis.js" "$OUT/__wasm_split.js"; do
  terser "$f" --module --compress --mangle --output "$f.min"
  mv "$f.min" "$f"
done
# 5b. The styles of the rare screens (style/screens.css), fetched with the first of them
#     (public/shell.js, asked by platform::screens_css), minified the safe way: comments
#     and runs of white space go, and the spaces next to { } ; , (never inside a
#     selector's compound or a value's words).
python3 - style/screens.css "$OUT/screens.css" <<'PY'
import re, sys
css = open(sys.argv[1], encoding="utf-8").read()
css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
css = re.sub(r"\s+", " ", css)
css = re.sub(r"\s*([{};,])\s*", r"\1", css)
css = css.replace(";}", "}").strip()
open(sys.argv[2], "w", encoding="utf-8").write(css + "\n")
PY
# 6. The texts kept apart (src/i18n/apart.rs), beside the wasm they belong to: the directory's
#    content hash (scripts/post_build.py) then covers them, so a page never reads the texts
#    of another build.
if [[ ",$FEATURES_CARGO," == *,texts-apart,* ]]; then
  for lang in da en; do cp "texts/$lang.json" "$OUT/texts-$lang.json"; done
fi
ls -l "$OUT"
