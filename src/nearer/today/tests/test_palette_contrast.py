"""The palette's text and background pairs meet WCAG AA contrast, light and dark.

Read from the style sheet itself (the first :root block and the dark one), so a
changed colour is checked the moment it is changed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import nearer

SHEET = Path(nearer.__file__).parent / "static" / "nearer" / "nearer.css"

# (foreground, background, least ratio): 4.5 for text, 3 for focus rings and marks.
PAIRS = [
    ("text", "bg", 4.5),
    ("text", "surface", 4.5),
    ("text", "surface-2", 4.5),
    ("text", "accent-soft", 4.5),
    ("text", "sage-soft", 4.5),
    ("text", "ok-soft", 4.5),
    ("text", "warn-soft", 4.5),
    ("text", "danger-soft", 4.5),
    ("muted", "bg", 4.5),
    ("muted", "surface", 4.5),
    ("muted", "surface-2", 4.5),
    ("muted", "accent-soft", 4.5),
    ("accent", "bg", 4.5),
    ("accent", "surface", 4.5),
    ("accent", "surface-2", 4.5),
    ("accent-text", "accent", 4.5),
    ("sage", "bg", 4.5),
    ("sage", "surface", 4.5),
    ("ok", "surface", 4.5),
    ("ok", "ok-soft", 4.5),
    ("warn", "surface", 4.5),
    ("warn", "warn-soft", 4.5),
    ("danger", "surface", 4.5),
    ("danger", "danger-soft", 4.5),
    ("focus", "bg", 3.0),
    ("focus", "surface", 3.0),
]


def _tokens(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([a-z0-9-]+):\s*(#[0-9a-fA-F]{6})\s*;", block))


def palettes() -> dict[str, dict[str, str]]:
    """Return the light and dark palettes: token name -> #rrggbb."""
    css = SHEET.read_text()
    light = css[css.index(":root {") : css.index("}", css.index(":root {"))]
    dark_at = css.index("@media (prefers-color-scheme: dark) {\n  :root {")
    dark = css[dark_at : css.index("}", dark_at)]
    light_tokens = _tokens(light)
    # Dark overrides what it names; the rest (none today) would fall back to light.
    return {"light": light_tokens, "dark": {**light_tokens, **_tokens(dark)}}


def luminance(colour: str) -> float:
    """Relative luminance of #rrggbb as WCAG 2 defines it."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_both_palettes_are_read_whole() -> None:
    found = palettes()
    for scheme in ("light", "dark"):
        for foreground, background, _least in PAIRS:
            assert foreground in found[scheme] and background in found[scheme]
    # Dark really is another palette, not the light one again.
    assert found["dark"]["bg"] != found["light"]["bg"]
    assert found["dark"]["text"] != found["light"]["text"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("foreground", "background", "least"), PAIRS)
def test_every_pair_meets_aa(scheme: str, foreground: str, background: str, least: float) -> None:
    palette = palettes()[scheme]
    ratio = contrast(palette[foreground], palette[background])
    assert ratio >= least, f"{scheme}: --{foreground} on --{background} is {ratio:.2f}:1"
