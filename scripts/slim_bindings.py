#!/usr/bin/env python3
"""Shrink the main module's bindings after wasm-bindgen, before wasm-opt.

    python3 scripts/slim_bindings.py OUT      (OUT holds trinvis_bg.wasm and trinvis.js)

Two things the first screen fetches and never uses:

1. The wasm-streams classes. Leptos depends on server_fn, which depends on wasm-streams, and
   its `#[wasm_bindgen]` classes (IntoUnderlyingSource, IntoUnderlyingByteSource,
   IntoUnderlyingSink) are exports, so nothing can remove them as dead code. Trinvis has no
   server and never builds a stream from Rust. Their exports are dropped from the wasm (wasm-opt
   then removes the code behind them) and their classes from the glue.
2. Long import names. wasm-bindgen names each JavaScript import like
   `__wbg_getElementById_7ee213db584f37b0`: the name sits once in the wasm's import section and
   once in the glue's import object, and its 16 hex digits do not compress. Every import of the
   module "./trinvis_bg.js" gets a short name instead (a, b, ... in import order) in both files.
   Each old name must occur exactly once in the glue, as the key of its function; otherwise the
   script stops and the build fails, since the glue would no longer match the wasm.

Measured on the release build of 2026-12-04: main wasm -3.3 KB brotli, glue -1.6 KB.
"""

import re
import sys
from pathlib import Path

DROPPED_EXPORTS = ("intounderlying", "__wbg_intounderlying")
DROPPED_CLASSES = ("IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource")
GLUE_MODULE = b"./trinvis_bg.js"


def fail(msg):
    sys.exit(f"slim_bindings: {msg}")


def leb(data, i):
    n = shift = 0
    while True:
        b = data[i]
        i += 1
        n |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return n, i


def uleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def short_name(k):
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    s = ""
    k += 1
    while k:
        k -= 1
        s = letters[k % 52] + s
        k //= 52
    return s


def token(name):
    return re.compile(r"(?<![\w$])" + re.escape(name) + r"(?![\w$])")


def section(sid, body):
    return bytes([sid]) + uleb(len(body)) + body


def slim_exports(data, start, end, dropped):
    count, k = leb(data, start)
    kept = []
    for _ in range(count):
        s = k
        length, k = leb(data, k)
        name = data[k : k + length].decode()
        k += length + 1  # the name, then the kind
        _, k = leb(data, k)
        if name.startswith(DROPPED_EXPORTS):
            dropped.append(name)
        else:
            kept.append(data[s:k])
    if k != end:
        fail("export section not read to its end")
    return uleb(len(kept)) + b"".join(kept)


def short_imports(data, start, end, glue, renamed):
    count, k = leb(data, start)
    entries = []
    for _ in range(count):
        length, k = leb(data, k)
        module = data[k : k + length]
        k += length
        length, k = leb(data, k)
        name = data[k : k + length].decode()
        k += length
        desc = k
        kind = data[k]
        k += 1
        if kind != 0:
            fail(f"import {name} is not a function")
        _, k = leb(data, k)
        if module == GLUE_MODULE:
            if len(token(name).findall(glue)) != 1:
                fail(f"{name} does not occur exactly once in the glue")
            new = short_name(len(renamed))
            renamed[name] = new
            module, name = b"a", new
        encoded = name.encode()
        entries.append(uleb(len(module)) + module + uleb(len(encoded)) + encoded + data[desc:k])
    if k != end:
        fail("import section not read to its end")
    return uleb(count) + b"".join(entries)


def drop_classes(glue):
    for cls in DROPPED_CLASSES:
        block = re.compile(
            r"\nexport class " + cls + r" \{.*?\nif \(Symbol\.dispose\) " + cls
            + r"\.prototype\[Symbol\.dispose\] = " + cls + r"\.prototype\.free;\n",
            re.S,
        )
        glue, n = block.subn("\n", glue)
        registry = re.compile(r"\nconst " + cls + r"Finalization = .*?\);\n", re.S)
        glue, m = registry.subn("\n", glue)
        if n != 1 or m != 1:
            fail(f"class {cls} not found once in the glue")
        if token(cls).search(glue):
            fail(f"class {cls} is still used in the glue")
    return glue


def main():
    if len(sys.argv) != 2:
        fail("usage: slim_bindings.py OUT")
    out = Path(sys.argv[1])
    wasm_path, glue_path = out / "trinvis_bg.wasm", out / "trinvis.js"
    data = wasm_path.read_bytes()
    glue = glue_path.read_text(encoding="utf-8")
    if data[:8] != b"\0asm\x01\0\0\0":
        fail("not a wasm module")
    result = bytearray(data[:8])
    dropped, renamed = [], {}
    i = 8
    while i < len(data):
        sid = data[i]
        size, j = leb(data, i + 1)
        end = j + size
        if sid == 7:
            result += section(7, slim_exports(data, j, end, dropped))
        elif sid == 2:
            result += section(2, short_imports(data, j, end, glue, renamed))
        else:
            result += data[i:end]
        i = end
    if len(dropped) == 0:
        fail("no wasm-streams export found (did a dependency change?)")
    glue = drop_classes(glue)
    for old, new in renamed.items():
        glue = token(old).sub(new, glue)
    key = '"./trinvis_bg.js": import0'
    if glue.count(key) != 1:
        fail("the glue's import object was not found")
    glue = glue.replace(key, '"a": import0')
    wasm_path.write_bytes(bytes(result))
    glue_path.write_text(glue, encoding="utf-8")
    print(f"slim_bindings: {len(dropped)} exports dropped, {len(renamed)} imports renamed")


if __name__ == "__main__":
    main()
