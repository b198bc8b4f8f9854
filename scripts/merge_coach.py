#!/usr/bin/env python3
"""Merges the coach part with every chunk it shares into one file (scripts/split_build.sh).

wasm-split-cli gives each set of parts that share code a chunk of its own. The coach section
is fetched on every start of the today screen, and it shares code with every other part, so
its part came with 50 small chunks: 51 requests, 84 KB of brotli. Every chunk that the coach
uses is fetched at start anyway, so they are merged into split_coach.wasm (binaryen's
wasm-merge: one request, 59 KB of brotli), and every other part that needs one of them loads
that file instead (once, memoized by __wasm_split.js like any chunk).

The chunks import the main module's memory, table and shared globals from "__wasm_split".
wasm-merge would keep one import per input (several memories), so a stub module that imports
them once from "ext" and exports them is merged first; the chunks' imports from
"__wasm_split" resolve to it, and its imports are renamed back afterwards.

    merge_coach.py PKG_DIR      (after wasm-opt, before terser)
"""
import os
import re
import subprocess
import sys
import tempfile

FEATURES = [
    "--enable-bulk-memory", "--enable-sign-ext", "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int", "--enable-reference-types", "--enable-multivalue",
]
PART = "split_coach.wasm"


def run(*args):
    """Runs a binaryen tool; its output is returned, its warnings shown only if it fails."""
    done = subprocess.run(list(args), capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        fail(f"{args[0]} failed ({done.returncode})")
    return done.stdout


def fail(msg):
    sys.exit(f"merge_coach.py: {msg}")


def main(pkg):
    js_path = os.path.join(pkg, "__wasm_split.js")
    js = open(js_path, encoding="utf-8").read()
    if not os.path.exists(os.path.join(pkg, PART)):
        fail(f"{PART} is missing (build with the feature split-coach)")
    # Each chunk: its users in a comment, then its loader.
    block = re.compile(
        r"/\* ([^*]*) \*/\nconst (__chunk_\d+) = makeLoad\(\(\) => \{\n"
        r"    const src = fetch\(new URL\(\"\./(chunk_\d+\.wasm)\", import\.meta\.url\)\);\n"
        r"    return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n"
        r"\}\n, \[\]\);\n"
    )
    chunks = [(m, [u.strip() for u in m.group(1).split(",")]) for m in block.finditer(js)]
    if not chunks:
        fail("no chunk loaders found in __wasm_split.js (has wasm-split-cli's output changed?)")
    shared = [(m.group(2), m.group(3)) for m, users in chunks if "coach" in users]
    coach = re.compile(
        r"(export const __wasm_split_load_coach = wrapAsyncCb\()makeLoad\(\(\) => \{\n"
        r"    const src = fetch\(new URL\(\"\./split_coach\.wasm\", import\.meta\.url\)\);\n"
        r"    return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n"
        r"\}\n, \[([^\]]*)\]\)\)"
    )
    m = coach.search(js)
    if not m:
        fail("the coach part's loader was not found in __wasm_split.js")
    deps = sorted(d.strip() for d in m.group(2).split(",") if d.strip())
    if deps != sorted(v for v, _ in shared):
        fail("the coach part's chunks differ from the chunks whose users include the coach")

    files = [PART] + [f for _, f in shared]
    with tempfile.TemporaryDirectory() as tmp:
        # The stub: every import of the inputs, once, from "ext", exported under its name.
        imports = {}
        for f in files:
            text = run("wasm-dis", os.path.join(pkg, f), *FEATURES)
            for line in re.findall(r'^ \(import "__wasm_split" .*$', text, re.M):
                name = re.match(r' \(import "__wasm_split" "([^"]+)"', line).group(1)
                decl = re.sub(r"\$[\w$.]+", "", line.split(None, 3)[3]).strip()
                if imports.setdefault(name, decl) != decl:
                    fail(f"the parts import {name} differently: {imports[name]} / {decl}")
        stub = ["(module"]
        for i, (name, decl) in enumerate(sorted(imports.items())):
            kind = decl.lstrip("(").split()[0]
            inner = decl[1:].split(None, 1)[1]
            stub.append(f' (import "ext" "{name}" ({kind} $i{i} {inner}')
            stub.append(f' (export "{name}" ({kind} $i{i}))')
        stub.append(")")
        stub_wat = os.path.join(tmp, "stub.wat")
        open(stub_wat, "w").write("\n".join(stub) + "\n")
        stub_wasm = os.path.join(tmp, "stub.wasm")
        run("wasm-as", stub_wat, "-o", stub_wasm, *FEATURES)
        args = [stub_wasm, "__wasm_split"]
        for i, f in enumerate(files):
            args += [os.path.join(pkg, f), f"m{i}"]
        merged = os.path.join(tmp, "merged.wasm")
        run("wasm-merge", *args, "-o", merged, *FEATURES)
        # Back to the names __wasm_split.js provides; the stub's exports go.
        wat = run("wasm-dis", merged, *FEATURES)
        wat = re.sub(r'^ \(import "ext" ', ' (import "__wasm_split" ', wat, flags=re.M)
        for name in imports:
            wat = re.sub(rf'^ \(export "{re.escape(name)}" .*\n', "", wat, flags=re.M)
        if re.search(r'^ \((import "ext"|export )', wat, re.M):
            fail("the merged module still imports from the stub or exports something")
        merged_wat = os.path.join(tmp, "merged.wat")
        open(merged_wat, "w").write(wat)
        run("wasm-as", merged_wat, "-o", merged, *FEATURES)
        run("wasm-opt", "-Oz", *FEATURES, merged, "-o", os.path.join(pkg, PART))
    for _, f in shared:
        os.remove(os.path.join(pkg, f))

    # The loaders: one for the merged file, every merged chunk an alias of it.
    first = chunks[0][0].start()
    loader = (
        "/* coach, with every chunk it shares (scripts/merge_coach.py) */\n"
        "const __coach_all = makeLoad(() => {\n"
        '    const src = fetch(new URL("./split_coach.wasm", import.meta.url));\n'
        "    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n"
        "}\n, []);\n"
    )
    out = js[:first] + loader
    pos = first
    for m, users in chunks:
        out += js[pos:m.start()]
        if "coach" in users:
            out += f"/* {m.group(1)}: merged into split_coach.wasm */\nconst {m.group(2)} = __coach_all;\n"
        else:
            out += m.group(0)
        pos = m.end()
    out += js[pos:]
    out, n = coach.subn(lambda m: m.group(1) + "__coach_all)", out)
    if n != 1:
        fail("the coach part's loader could not be replaced")
    open(js_path, "w", encoding="utf-8").write(out)
    print(f"merge_coach.py: split_coach.wasm now holds the coach part and {len(shared)} chunks")


if __name__ == "__main__":
    main(sys.argv[1])
