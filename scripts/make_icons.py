#!/usr/bin/env python3
"""Draws the Trinvis icons (python3 standard library only) into public/icons/.

"Trinvis" means step by step: a calm teal rounded square with three ascending white
steps. The same geometry as public/icons/icon.svg (written here too), on a 512 grid:

  icon.svg, icon-192.png, icon-512.png  rounded square on transparent, purpose "any"
  icon-maskable-192.png, -512.png       full-bleed square, steps inside the 80 % safe
                                        circle, purpose "maskable"

Run from anywhere: python3 scripts/make_icons.py  (output is deterministic).
"""

import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "public" / "icons"
TEAL = (0x2F, 0x6F, 0x6A)
WHITE = (0xFF, 0xFF, 0xFF)
GRID = 512
RADIUS = 112  # corner radius of the rounded square, in grid units

# Three steps (x0, y0, x1, y1) on the 512 grid: a staircase rising to the right.
STEPS = [(112, 304, 208, 400), (208, 208, 304, 400), (304, 112, 400, 400)]


def scaled_steps(factor: float) -> list[tuple[float, float, float, float]]:
    """The steps scaled about the centre (for the maskable safe zone)."""
    c = GRID / 2
    return [tuple(c + (v - c) * factor for v in r) for r in STEPS]


def svg() -> str:
    rects = "\n".join(
        f'  <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" fill="#fff"/>'
        for x0, y0, x1, y1 in STEPS
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">\n'
        "  <title>Trinvis</title>\n"
        f'  <rect width="512" height="512" rx="{RADIUS}" fill="#2f6f6a"/>\n'
        f"{rects}\n"
        "</svg>\n"
    )


def overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def rounded_square_coverage(px: int, py: int, size: int, radius: float) -> float:
    """Fraction of pixel (px, py) inside a size x size square with rounded corners."""
    # Only pixels in the corner boxes need sampling; everything else is fully inside.
    near_x = px < radius or px + 1 > size - radius
    near_y = py < radius or py + 1 > size - radius
    if not (near_x and near_y):
        return 1.0
    n, inside = 8, 0
    for sy in range(n):
        y = py + (sy + 0.5) / n
        for sx in range(n):
            x = px + (sx + 0.5) / n
            cx = min(max(x, radius), size - radius)
            cy = min(max(y, radius), size - radius)
            if (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius:
                inside += 1
    return inside / (n * n)


def render(size: int, maskable: bool) -> bytes:
    k = size / GRID
    steps = [tuple(v * k for v in r) for r in (scaled_steps(0.8) if maskable else STEPS)]
    radius = RADIUS * k
    rows = []
    for py in range(size):
        row = bytearray([0])  # PNG filter type 0 (none)
        for px in range(size):
            bg = 1.0 if maskable else rounded_square_coverage(px, py, size, radius)
            # Steps do not overlap, so their areas add up (exact for axis-aligned boxes).
            white = sum(
                overlap(px, px + 1, x0, x1) * overlap(py, py + 1, y0, y1)
                for x0, y0, x1, y1 in steps
            )
            white = min(white, 1.0)
            if bg <= 0.0:
                row += b"\0\0\0\0"
                continue
            rgb = (round(t * (1 - white) + w * white) for t, w in zip(TEAL, WHITE))
            row += bytes(rgb) + bytes([round(255 * bg)])
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "icon.svg").write_text(svg(), encoding="utf-8")
    for name, size, maskable in [
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("icon-maskable-192.png", 192, True),
        ("icon-maskable-512.png", 512, True),
    ]:
        data = render(size, maskable)
        (OUT / name).write_bytes(data)
        print(f"make_icons.py: {name} {len(data)} bytes")


if __name__ == "__main__":
    main()
