"""Draw Nearer's app icons as PNG files from our mark (two overlapping rings).

Run ``python -m nearer.pwa.make_icons`` after changing the mark or its colours; the
PNGs are committed, so nothing here runs when Nearer does. Plain Python (zlib and
struct), so no imaging library is needed: each pixel's coverage of a ring or a disc
comes from its distance to the edge, which also smooths the edges.
"""

from __future__ import annotations

import math
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).parent / "static" / "nearer" / "pwa"

# Our palette (nearer.css): the accent as the ground, the page's light colour as the mark.
GROUND = (0x7A, 0x3E, 0x6A)
MARK = (0xFB, 0xF8, 0xF4)
SOFT = (0xF3, 0xE4, 0xEE)

RGBA = tuple[float, float, float, float]


@dataclass(frozen=True)
class Icon:
    name: str
    size: int
    # The mark's width as a share of the icon. A maskable icon keeps it inside the
    # central 80 % circle that every launcher's mask leaves visible.
    mark_share: float
    # Corner radius as a share of the size; 0 fills the square (maskable, Apple's
    # touch icon: the platform rounds the corners itself).
    corner: float


ICONS = (
    Icon("icon-192.png", 192, 0.74, 0.22),
    Icon("icon-512.png", 512, 0.74, 0.22),
    Icon("icon-maskable-512.png", 512, 0.56, 0.0),
    Icon("apple-touch-icon.png", 180, 0.66, 0.0),
)


def _cover(distance: float) -> float:
    """How much of a one-pixel square is inside an edge ``distance`` px away (+ = outside)."""
    return min(1.0, max(0.0, 0.5 - distance))


def _over(base: RGBA, colour: tuple[int, int, int], alpha: float) -> RGBA:
    """``colour`` at ``alpha`` laid over ``base`` (straight alpha)."""
    r, g, b, a = base
    out_a = alpha + a * (1 - alpha)
    if out_a == 0:
        return (0.0, 0.0, 0.0, 0.0)

    def mix(top: int, bottom: float) -> float:
        return (top * alpha + bottom * a * (1 - alpha)) / out_a

    return (mix(colour[0], r), mix(colour[1], g), mix(colour[2], b), out_a)


def _rounded_square(x: float, y: float, size: int, radius: float) -> float:
    """Signed distance from (x, y) to a square of ``size`` with rounded corners."""
    half = size / 2
    qx = abs(x - half) - (half - radius)
    qy = abs(y - half) - (half - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def draw(icon: Icon) -> bytes:
    """Return the PNG bytes of ``icon``."""
    size = icon.size
    # The mark's own geometry (icon.svg): viewBox 32 × 20, rings r=8 at x=10 and x=22,
    # stroke 3. Scaled so its 35-unit outer width is mark_share of the icon.
    unit = size * icon.mark_share / 35
    cx = size / 2
    cy = size / 2
    left = (cx - 6 * unit, cy)
    right = (cx + 6 * unit, cy)
    radius = 8 * unit
    stroke = 3 * unit / 2
    corner = icon.corner * size
    rows = bytearray()
    for py in range(size):
        rows.append(0)  # PNG filter type "none" for this row
        y = py + 0.5
        for px in range(size):
            x = px + 0.5
            pixel: RGBA = (0.0, 0.0, 0.0, 0.0)
            ground = _cover(_rounded_square(x, y, size, corner)) if corner else 1.0
            pixel = _over(pixel, GROUND, ground)
            d_left = math.hypot(x - left[0], y - left[1]) - radius
            d_right = math.hypot(x - right[0], y - right[1]) - radius
            # The right ring is filled softly, as in the mark, and lies over the left one.
            pixel = _over(pixel, MARK, _cover(abs(d_left) - stroke) * ground)
            pixel = _over(pixel, SOFT, 0.35 * _cover(d_right) * ground)
            pixel = _over(pixel, MARK, _cover(abs(d_right) - stroke) * ground)
            r, g, b, a = pixel
            rows += bytes((round(r), round(g), round(b), round(a * 255)))
    return _png(size, size, bytes(rows))


def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for icon in ICONS:
        (OUT / icon.name).write_bytes(draw(icon))
        print(f"{icon.name}: {icon.size} × {icon.size}")


if __name__ == "__main__":
    main()
