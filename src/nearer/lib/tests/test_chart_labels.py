"""Labels never overlap the line: a geometric check on the SVG line_chart draws.

Each <text> is given a box from its position, anchor and length (a generous
0.65 em per character, the font's 12 units tall), and every segment of every
polyline and every dot is tested against every box.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise

from nearer.lib.charts import Band, line_chart

FONT = 12.0
EM_PER_CHAR = 0.65

_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)">([^<]*)</text>'
)
_LINE = re.compile(r'<polyline class="[^"]*" points="([^"]*)"/>')
_DOT = re.compile(r'<circle class="[^"]*" cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"/>')

Box = tuple[float, float, float, float]


def _unescape(text: str) -> str:
    return re.sub(r"&[#\w]+;", "x", text)


def text_boxes(svg: str) -> list[Box]:
    boxes = []
    for x, y, anchor, text in _TEXT.findall(svg):
        width = len(_unescape(text)) * FONT * EM_PER_CHAR
        left = {"start": float(x), "middle": float(x) - width / 2, "end": float(x) - width}[anchor]
        boxes.append((left, float(y) - FONT * 0.8, left + width, float(y) + FONT * 0.25))
    return boxes


def segments(svg: str) -> list[tuple[float, float, float, float]]:
    found: list[tuple[float, float, float, float]] = []
    for points in _LINE.findall(svg):
        coords = [pair.split(",") for pair in points.split()]
        found.extend(
            (float(a[0]), float(a[1]), float(b[0]), float(b[1])) for a, b in pairwise(coords)
        )
    return found


def _crosses(seg: tuple[float, float, float, float], box: Box, pad: float = 1.5) -> bool:
    """Whether the segment passes through the box (Liang-Barsky clipping)."""
    x1, y1, x2, y2 = seg
    left, top, right, bottom = box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def overlaps(svg: str) -> list[tuple[Box, str]]:
    """Every (label box, what it touches) where a label meets the line or a dot."""
    found: list[tuple[Box, str]] = []
    for box in text_boxes(svg):
        for seg in segments(svg):
            if _crosses(seg, box):
                found.append((box, f"segment {seg}"))
        for cx, cy, r in _DOT.findall(svg):
            x, y, radius = float(cx), float(cy), float(r)
            if box[0] - radius < x < box[2] + radius and box[1] - radius < y < box[3] + radius:
                found.append((box, f"dot {x},{y}"))
    return found


def _zigzag(count: int, step_days: int) -> list[tuple[date, float]]:
    # From the floor to the ceiling and back, so the line sweeps the whole plot.
    start = date(2024, 1, 1)
    return [(start + timedelta(days=step_days * i), 0.0 if i % 2 else 100.0) for i in range(count)]


def _chart(points: list[tuple[date, float]], **extra: object) -> str:
    return str(
        line_chart(
            points=points,
            y_min=0,
            y_max=100,
            title="WHO-5 over time",
            desc="d",
            chart_id="c",
            y_ticks=[(value, str(value)) for value in (0, 25, 50, 75, 100)],
            **extra,  # type: ignore[arg-type]
        )
    )


def test_the_check_sees_a_label_on_the_line() -> None:
    # The checker itself must be able to fail: a label drawn across a diagonal line.
    svg = (
        '<polyline class="chart-line" points="0,0 100,100"/>'
        '<text class="chart-label" x="50" y="50" text-anchor="middle">across</text>'
    )
    assert overlaps(svg)
    assert not overlaps(svg.replace('y="50"', 'y="150"'))


def test_band_names_never_overlap_a_line_that_sweeps_the_plot() -> None:
    bands = [Band(0, 50, "50 or below: low in studies")]
    for count, step in ((12, 30), (40, 9), (200, 2)):
        svg = _chart(_zigzag(count, step), bands=bands)
        assert "50 or below: low in studies" in svg
        assert overlaps(svg) == [], (count, step)


def test_high_bands_and_the_mean_legend_stay_clear_too() -> None:
    bands = [Band(60, 100, "6 or more: often read as lonely")]
    svg = _chart(_zigzag(30, 7), bands=bands, mean_window=4)
    assert 'class="chart-line-raw"' in svg and 'class="chart-line"' in svg
    assert overlaps(svg) == []


def test_tick_labels_stay_clear_of_a_line_at_the_floor_and_the_ceiling() -> None:
    for value in (0.0, 100.0):
        points = [(date(2024, 1, 1) + timedelta(days=5 * i), value) for i in range(60)]
        assert overlaps(_chart(points, mean_window=5)) == []


_RECT = re.compile(
    r'<rect class="chart-pair-\w+" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/>'
)


def test_paired_bars_keep_their_labels_and_percents_off_the_bars() -> None:
    from nearer.lib.charts import paired_bar_chart

    svg = str(
        paired_bar_chart(
            rows=[("Experiential", 1.0, 0.0), ("Emotional", 0.5, None), ("Physical", 0.25, 1.0)],
            first_label="The year before",
            second_label="The last 90 days",
            title="t",
            desc="d",
            chart_id="p",
        )
    )
    bars = [tuple(map(float, found)) for found in _RECT.findall(svg)]
    assert len(bars) == 2 + 4  # the legend's two swatches and the four bars above zero
    assert len(text_boxes(svg)) == 2 + 3 + 6  # legend, row labels, a percent per bar
    for left, top, right, bottom in text_boxes(svg):
        for x, y, width, height in bars:
            apart = right <= x or left >= x + width or bottom <= y or top >= y + height
            assert apart, ((left, top, right, bottom), (x, y, width, height))
    assert ">100%</text>" in svg and ">–</text>" in svg
