"""Small accessible SVG charts drawn on the server: values over time.

A chart is a picture for those who can see it; every page that shows one also
shows the same numbers in a table. The SVG carries a title and a description
(``role="img"`` with ``aria-labelledby``), so a screen reader announces what it
is, and its colours come from classes in nearer.css so light and dark both work
(the page's CSP allows no inline styles).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from django.utils.safestring import SafeString, mark_safe

# Drawing units; the SVG scales to its box (see .chart in nearer.css). Narrow
# enough that its 12-unit text stays readable on a 360 px phone.
WIDTH, HEIGHT = 400, 220
LEFT, RIGHT, TOP, BOTTOM = 34, 12, 12, 28
# Above this many points dots would blur into the line: draw the line alone.
MAX_DOTS = 120

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Band:
    """A shaded range of values with a short name, e.g. scores often read as lonely."""

    low: float
    high: float
    label: str


def _x_ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Return at most about six dated ticks between ``first`` and ``last``, labelled."""
    months = (last.year - first.year) * 12 + last.month - first.month
    if months > 36:
        step = -(-(last.year - first.year) // 6)
        return [(date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1, step)]
    if months == 0:
        return [(first, f"{first.day} {MONTHS[first.month - 1]}")]
    step = -(-months // 6)
    ticks: list[tuple[date, str]] = []
    shown_year = None
    # Month starts after ``first`` up to ``last``, counted as year * 12 + month - 1.
    for number in range(first.year * 12 + first.month, last.year * 12 + last.month, step):
        year, month = divmod(number, 12)
        # The year is written wherever it changes, so no month is ambiguous.
        label = MONTHS[month] if year == shown_year else f"{MONTHS[month]} {year}"
        shown_year = year
        ticks.append((date(year, month + 1, 1), label))
    return ticks


def line_chart(
    *,
    points: Sequence[tuple[date, float]],
    y_min: float,
    y_max: float,
    title: str,
    desc: str,
    chart_id: str,
    y_ticks: Sequence[tuple[float, str]] = (),
    bands: Sequence[Band] = (),
) -> SafeString:
    """Return an SVG line chart of ``points`` (sorted by date) as safe markup.

    ``chart_id`` must be unique on the page (it names the title and description).
    An empty ``points`` gives an empty string: the page says there is nothing yet.
    Every text passed in is escaped here.
    """
    if not points:
        return mark_safe("")
    first, last = points[0][0], points[-1][0]
    span_days = max((last - first).days, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    y_span = (y_max - y_min) or 1.0

    def x_of(day: date) -> float:
        if first == last:
            return LEFT + plot_w / 2
        return LEFT + plot_w * (day - first).days / span_days

    def y_of(value: float) -> float:
        clamped = min(max(value, y_min), y_max)
        return TOP + plot_h * (1 - (clamped - y_min) / y_span)

    ident = escape(chart_id, quote=True)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" focusable="false" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
    ]
    for band in bands:
        top, bottom = y_of(band.high), y_of(band.low)
        parts.append(
            f'<rect class="chart-band" x="{LEFT}" y="{top:.1f}" width="{plot_w}" '
            f'height="{bottom - top:.1f}"/>'
            f'<text class="chart-band-label" x="{WIDTH - RIGHT - 4}" y="{top + 13:.1f}" '
            f'text-anchor="end">{escape(band.label)}</text>'
        )
    for value, label in y_ticks:
        y = y_of(value)
        parts.append(
            f'<line class="chart-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="chart-label" x="{LEFT - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end">{escape(label)}</text>'
        )
    base = TOP + plot_h
    parts.append(
        f'<line class="chart-axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}"/>'
    )
    for day, label in _x_ticks(first, last):
        x = x_of(day)
        parts.append(
            f'<text class="chart-label" x="{x:.1f}" y="{HEIGHT - 8}" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    coords = [(x_of(day), y_of(value)) for day, value in points]
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f'<polyline class="chart-line" points="{path}"/>')
    if len(coords) <= MAX_DOTS:
        parts.extend(
            f'<circle class="chart-dot" cx="{x:.1f}" cy="{y:.1f}" r="3.5"/>' for x, y in coords
        )
    parts.append("</svg>")
    # Every piece of text above went through escape(); the rest are numbers we made.
    return mark_safe("".join(parts))  # noqa: S308
