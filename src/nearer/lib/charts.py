"""Small accessible SVG charts drawn on the server: values over time.

A chart is a picture for those who can see it; every page that shows one also
shows the same numbers in a table. The SVG carries a title and a description
(``role="img"`` with ``aria-labelledby``), so a screen reader announces what it
is, and its colours come from classes in nearer.css so light and dark both work
(the page's CSP allows no inline styles).

Labels never overlap the line: tick labels sit outside the plot (left of it and
below it), and the names of shaded bands and of the lines go in a legend above
the plot, never inside it. A chart of many noisy points can draw a rolling mean
over them (``mean_window``), the raw points lighter beneath it. Pages choose
what span to draw with ``chart_range`` (``?range=3m|1y|all``) and
``range_links``, links that work without JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

import numpy as np

from nearer.lib.dates import MONTH_ABBREVIATIONS
from nearer.lib.html import EMPTY, Markup, html, join

# Drawing units; the SVG scales to its box (see .chart in nearer.css). Narrow
# enough that its 12-unit text stays readable on a 360 px phone.
WIDTH, HEIGHT = 400, 220
LEFT, RIGHT, TOP, BOTTOM = 34, 12, 12, 28
# Above this many points dots would blur into the line: draw the line alone.
MAX_DOTS = 120
# The legend above the plot: one row's height, and a generous width per character
# of 12-unit text (wider than most glyphs), so a row is wrapped before it could
# run past the chart's right edge.
LEGEND_ROW = 16
LEGEND_CHAR = 7.0
LEGEND_SWATCH = 18

P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class ChartRange:
    """A span a chart can show: ``key`` as in ``?range=``, words, days back (None: all)."""

    key: str
    label: str
    days: int | None


RANGES: tuple[ChartRange, ...] = (
    ChartRange("3m", "3 months", 91),
    ChartRange("1y", "A year", 365),
    ChartRange("all", "All", None),
)
RANGE_BY_KEY: dict[str, ChartRange] = {r.key: r for r in RANGES}
DEFAULT_RANGE = RANGE_BY_KEY["all"]


def chart_range(value: object, *, default: ChartRange = DEFAULT_RANGE) -> ChartRange:
    """Return the range named by ``value`` (a query value); anything else is ``default``.

    A bad or missing value is never an error: the page simply shows its default.
    """
    return RANGE_BY_KEY.get(value, default) if isinstance(value, str) else default


def in_range(
    points: Sequence[P], chosen: ChartRange, *, today: date, day_of: Callable[[P], date]
) -> list[P]:
    """Return the ``points`` (sorted by day) whose day is within ``chosen`` of ``today``.

    A range of ``days`` keeps the days from ``today - days + 1`` on, so "3 months"
    holds 91 days counting today.
    """
    if chosen.days is None:
        return list(points)
    start = today - timedelta(days=chosen.days - 1)
    return [point for point in points if day_of(point) >= start]


def range_links(*, chosen: ChartRange, url: str, label: str, fragment: str = "") -> Markup:
    """Return a small navigation of the ranges as plain links (no JavaScript needed).

    ``url`` is the page's address without a query; ``fragment`` (an id, no "#")
    brings the reader back to the chart. The chosen range is marked
    ``aria-current`` and is not a link, so it is announced as where one is.
    """
    anchor = f"#{fragment}" if fragment else ""
    items = []
    for option in RANGES:
        if option == chosen:
            items.append(html('<li><span aria-current="true">{}</span></li>', option.label))
        else:
            items.append(
                html(
                    '<li><a href="{}?range={}{}">{}</a></li>',
                    url,
                    option.key,
                    anchor,
                    option.label,
                )
            )
    return html('<nav class="chart-ranges" aria-label="{}"><ul>{}</ul></nav>', label, join(items))


def rolling_mean(values: Sequence[float], window: int) -> list[float]:
    """Return the trailing mean of each value with up to ``window - 1`` values before it.

    The first values have fewer before them and are the mean of what there is:
    ``rolling_mean([2, 4, 6, 8], 3) == [2, 3, 4, 6]``.
    """
    if window < 1:
        raise ValueError("a rolling mean needs a window of at least one value")
    if not values:
        return []
    sums = np.cumsum(np.asarray(values, dtype=float))
    # The sum of the values that fell out of the window: the cumulative sum
    # ``window`` places back (nothing for the first ``window`` values).
    before = np.concatenate((np.zeros(window), sums))[: len(sums)]
    counts = np.minimum(np.arange(1, len(sums) + 1), window)
    return [float(v) for v in (sums - before) / counts]


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
        return [(first, f"{first.day} {MONTH_ABBREVIATIONS[first.month - 1]}")]
    step = -(-months // 6)
    ticks: list[tuple[date, str]] = []
    shown_year = None
    # Month starts after ``first`` up to ``last``, counted as year * 12 + month - 1.
    for number in range(first.year * 12 + first.month, last.year * 12 + last.month, step):
        year, month = divmod(number, 12)
        # The year is written wherever it changes, so no month is ambiguous.
        name = MONTH_ABBREVIATIONS[month]
        label = name if year == shown_year else f"{name} {year}"
        shown_year = year
        ticks.append((date(year, month + 1, 1), label))
    return ticks


def _svg_open(*, title: str, desc: str, chart_id: str, height: int = HEIGHT) -> Markup:
    """The opening tag of a chart, named by its title and description (escaped)."""
    return html(
        '<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="{ident}-title {ident}-desc" focusable="false" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="{ident}-title">{title}</title>'
        '<desc id="{ident}-desc">{desc}</desc>',
        width=str(WIDTH),
        height=str(height),
        ident=chart_id,
        title=title,
        desc=desc,
    )


def _y_grid(y_ticks: Sequence[tuple[float, str]], y_of: Callable[[float], float]) -> list[Markup]:
    """The y ticks' grid lines and labels, and the x axis at the plot's foot."""
    parts = []
    for value, label in y_ticks:
        y = f"{y_of(value):.1f}"
        parts.append(
            html(
                '<line class="chart-grid" x1="{left}" x2="{right}" y1="{y}" y2="{y}"/>'
                '<text class="chart-label" x="{x}" y="{text_y}" text-anchor="end">{label}</text>',
                left=str(LEFT),
                right=str(WIDTH - RIGHT),
                y=y,
                x=str(LEFT - 6),
                text_y=f"{y_of(value) + 4:.1f}",
                label=label,
            )
        )
    base = str(HEIGHT - BOTTOM)
    parts.append(
        html(
            '<line class="chart-axis" x1="{}" x2="{}" y1="{}" y2="{}"/>',
            str(LEFT),
            str(WIDTH - RIGHT),
            base,
            base,
        )
    )
    return parts


def _legend(entries: Sequence[tuple[str, str]]) -> tuple[list[Markup], int]:
    """Draw ``(swatch, words)`` entries in rows above the plot; return them and the rows.

    ``swatch`` is "band" (a shaded square), "mean" (the bold line) or "raw" (the
    faint one). Entries wrap to a new row before they would pass the right edge,
    so no words are ever drawn inside the plot, where the line is.
    """
    parts: list[Markup] = []
    row, x = 0, 4.0
    for swatch, words in entries:
        width = LEGEND_SWATCH + len(words) * LEGEND_CHAR
        if x > 4.0 and x + width > WIDTH - RIGHT:
            row, x = row + 1, 4.0
        text_y = 14 + row * LEGEND_ROW
        if swatch == "band":
            parts.append(
                html(
                    '<rect class="chart-band chart-swatch" x="{}" y="{}" width="12" height="10"/>',
                    f"{x:.1f}",
                    str(text_y - 9),
                )
            )
        else:
            parts.append(
                html(
                    '<line class="{}" x1="{}" x2="{}" y1="{}" y2="{}"/>',
                    "chart-line" if swatch == "mean" else "chart-line-raw",
                    f"{x:.1f}",
                    f"{x + 13:.1f}",
                    str(text_y - 4),
                    str(text_y - 4),
                )
            )
        parts.append(
            html(
                '<text class="chart-legend-label" x="{}" y="{}" text-anchor="start">{}</text>',
                f"{x + LEGEND_SWATCH:.1f}",
                str(text_y),
                words,
            )
        )
        x += width + 10
    return parts, (row + 1 if entries else 0)


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
    mean_window: int = 0,
    mean_label: str = "",
    raw_label: str = "Faint: each one",
) -> Markup:
    """Return an SVG line chart of ``points`` (sorted by date) as markup.

    ``chart_id`` must be unique on the page (it names the title and description).
    An empty ``points`` gives empty markup: the page says there is nothing yet.
    With ``mean_window`` above 1 (and more than one point) the points are drawn
    faint and the rolling mean of each ``mean_window`` in a row over them, bold;
    the legend above the plot names both (``mean_label``, ``raw_label``) and the
    bands. Every text passed in is escaped here (through ``nearer.lib.html``);
    numbers are formatted before they go in.
    """
    if not points:
        return EMPTY
    first, last = points[0][0], points[-1][0]
    span_days = max((last - first).days, 1)
    smooth = mean_window > 1 and len(points) > 1
    entries = [("band", band.label) for band in bands]
    if smooth:
        entries.append(("mean", mean_label or f"Line: average of the last {mean_window}"))
        entries.append(("raw", raw_label))
        desc = f"{desc} The bold line is the average of each {mean_window} in a row."
    legend, rows = _legend(entries)
    top = TOP + LEGEND_ROW * rows
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - top - BOTTOM
    y_span = (y_max - y_min) or 1.0

    def x_of(day: date) -> float:
        if first == last:
            return LEFT + plot_w / 2
        return LEFT + plot_w * (day - first).days / span_days

    def y_of(value: float) -> float:
        clamped = min(max(value, y_min), y_max)
        return top + plot_h * (1 - (clamped - y_min) / y_span)

    parts = [_svg_open(title=title, desc=desc, chart_id=chart_id)]
    parts.extend(legend)
    for band in bands:
        high, low = y_of(band.high), y_of(band.low)
        parts.append(
            html(
                '<rect class="chart-band" x="{}" y="{}" width="{}" height="{}"/>',
                str(LEFT),
                f"{high:.1f}",
                str(plot_w),
                f"{low - high:.1f}",
            )
        )
    parts.extend(_y_grid(y_ticks, y_of))
    label_y = str(HEIGHT - 8)
    for day, label in _x_ticks(first, last):
        parts.append(
            html(
                '<text class="chart-label" x="{}" y="{}" text-anchor="middle">{}</text>',
                f"{x_of(day):.1f}",
                label_y,
                label,
            )
        )
    coords = [(f"{x_of(day):.1f}", f"{y_of(value):.1f}") for day, value in points]
    if len(coords) > 1:
        path = " ".join(f"{x},{y}" for x, y in coords)
        parts.append(
            html(
                '<polyline class="{}" points="{}"/>',
                "chart-line-raw" if smooth else "chart-line",
                path,
            )
        )
    if len(coords) <= MAX_DOTS:
        dot = "chart-dot-raw" if smooth else "chart-dot"
        parts.extend(
            html('<circle class="{}" cx="{}" cy="{}" r="3.5"/>', dot, x, y) for x, y in coords
        )
    if smooth:
        means = rolling_mean([value for _, value in points], mean_window)
        path = " ".join(
            f"{x_of(day):.1f},{y_of(mean):.1f}"
            for (day, _), mean in zip(points, means, strict=True)
        )
        parts.append(html('<polyline class="chart-line" points="{}"/>', path))
    parts.append(html("</svg>"))
    return join(parts)


def change_chart(
    *,
    points: Sequence[tuple[date, float, float]],
    y_min: float,
    y_max: float,
    title: str,
    desc: str,
    chart_id: str,
    y_ticks: Sequence[tuple[float, str]] = (),
) -> Markup:
    """Return an SVG chart of values that changed, one ``(day, before, after)`` each,
    sorted by day: a hollow dot at "before", a filled one at "after", joined.

    The page says in words which dot is which (a legend) and shows the numbers in a
    table. Empty ``points`` give empty markup. Texts are escaped here.
    """
    if not points:
        return EMPTY
    first, last = points[0][0], points[-1][0]
    span_days = max((last - first).days, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    y_span = (y_max - y_min) or 1.0
    # Shares on the same day (or close) are spread a little so both stay visible.
    step = plot_w / max(len(points), 1)

    def y_of(value: float) -> float:
        clamped = min(max(value, y_min), y_max)
        return TOP + plot_h * (1 - (clamped - y_min) / y_span)

    parts = [_svg_open(title=title, desc=desc, chart_id=chart_id)]
    parts.extend(_y_grid(y_ticks, y_of))
    for day, label in _x_ticks(first, last):
        x = LEFT + (plot_w / 2 if first == last else plot_w * (day - first).days / span_days)
        parts.append(
            html(
                '<text class="chart-label" x="{}" y="{}" text-anchor="middle">{}</text>',
                f"{x:.1f}",
                str(HEIGHT - 8),
                label,
            )
        )
    # Each kind of mark is one <path> of many pieces, not an element per share: a
    # ten-year account has about 150 shares, and three elements each (every one its
    # own html() call) cost more than the rest of the chart. A dot is a circle of
    # radius 4 drawn as two arcs.
    changes, befores, afters = [], [], []
    last_x = -step
    for day, before, after in points:
        x = LEFT + (plot_w / 2 if first == last else plot_w * (day - first).days / span_days)
        x = min(max(x, last_x + min(step, 8.0)), WIDTH - RIGHT)
        last_x = x
        y1, y2 = y_of(before), y_of(after)
        changes.append(f"M{x:.1f} {y1:.1f}V{y2:.1f}")
        befores.append(f"M{x - 4:.1f} {y1:.1f}a4 4 0 1 0 8 0a4 4 0 1 0-8 0")
        afters.append(f"M{x - 4:.1f} {y2:.1f}a4 4 0 1 0 8 0a4 4 0 1 0-8 0")
    parts.append(
        html(
            '<path class="chart-change" fill="none" d="{}"/><path class="chart-dot-before" d="{}"/>'
            '<path class="chart-dot" d="{}"/></svg>',
            "".join(changes),
            "".join(befores),
            "".join(afters),
        )
    )
    return join(parts)


def stacked_bar_chart(
    *,
    bars: Sequence[tuple[str, Sequence[int]]],
    series: Sequence[str],
    title: str,
    desc: str,
    chart_id: str,
) -> Markup:
    """Return an SVG chart of one stacked bar per ``(label, counts)``, in order.

    ``series`` names a CSS class suffix for each position of ``counts``
    (``chart-bar-<name>``); the page gives the legend in words and a table.
    At most six bar labels are written, so they never overlap. Empty
    ``bars`` (or only zeros) give empty markup. Texts are escaped here.
    """
    tallest = max((sum(counts) for _, counts in bars), default=0)
    if tallest == 0:
        return EMPTY
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(bars)
    bar_w = max(min(slot * 0.7, 40.0), 1.0)
    parts = [_svg_open(title=title, desc=desc, chart_id=chart_id)]
    for value in sorted({0, tallest // 2, tallest}):
        y = TOP + plot_h * (1 - value / tallest)
        parts.append(
            html(
                '<line class="chart-grid" x1="{left}" x2="{right}" y1="{y}" y2="{y}"/>'
                '<text class="chart-label" x="{x}" y="{text_y}" text-anchor="end">{label}</text>',
                left=str(LEFT),
                right=str(WIDTH - RIGHT),
                y=f"{y:.1f}",
                x=str(LEFT - 6),
                text_y=f"{y + 4:.1f}",
                label=str(value),
            )
        )
    label_every = -(-len(bars) // 6)
    # Each series is one <path> of a rectangle per bar, not an element per bar and
    # series (each its own html() call): a page draws six of these charts.
    pieces: list[list[str]] = [[] for _ in series]
    width = f"{bar_w:.1f}"
    for position, (label, counts) in enumerate(bars):
        x = LEFT + slot * position + (slot - bar_w) / 2
        bottom = float(TOP + plot_h)
        for piece, count in zip(pieces, counts, strict=False):
            if count <= 0:
                continue
            height = plot_h * count / tallest
            bottom -= height
            piece.append(f"M{x:.1f} {bottom:.1f}h{width}v{height:.1f}h-{width}z")
        if position % label_every == 0:
            parts.append(
                html(
                    '<text class="chart-label" x="{}" y="{}" text-anchor="middle">{}</text>',
                    f"{x + bar_w / 2:.1f}",
                    str(HEIGHT - 8),
                    label,
                )
            )
    parts.extend(
        html('<path class="chart-bar-{}" d="{}"/>', name, "".join(piece))
        for name, piece in zip(series, pieces, strict=True)
        if piece
    )
    parts.append(html("</svg>"))
    return join(parts)


def paired_bar_chart(
    *,
    rows: Sequence[tuple[str, float | None, float | None]],
    first_label: str,
    second_label: str,
    title: str,
    desc: str,
    chart_id: str,
) -> Markup:
    """Return an SVG of two horizontal bars per ``(label, first, second)`` row: shares 0–1.

    The first bar of a row is hollow, the second filled, so the two read apart
    without colour; each bar's percent is written just past its end and each row's
    label left of the bars, so no text is drawn over a bar. A share of None (no
    data on that side) draws no bar and a dash. The legend above names both.
    Empty ``rows`` give empty markup. Texts are escaped here.
    """
    if not rows:
        return EMPTY
    label_w, bars_left, bars_w, bar_h = 118, 122, 220, 10
    row_h, top = 2 * bar_h + 14, 30
    height = top + row_h * len(rows)
    parts = [_svg_open(title=title, desc=desc, chart_id=chart_id, height=height)]
    for position, (words, css) in enumerate(((first_label, "before"), (second_label, "after"))):
        x = 4 + position * 190
        parts.append(
            html(
                '<rect class="chart-pair-{}" x="{}" y="6" width="12" height="10"/>'
                '<text class="chart-legend-label" x="{}" y="15" text-anchor="start">{}</text>',
                css,
                str(x),
                str(x + LEGEND_SWATCH),
                words,
            )
        )
    for index, (label, first, second) in enumerate(rows):
        y = top + index * row_h
        parts.append(
            html(
                '<text class="chart-label" x="{}" y="{}" text-anchor="end">{}</text>',
                str(label_w),
                f"{y + bar_h + 4:.1f}",
                label,
            )
        )
        for offset, (share, css) in enumerate(((first, "before"), (second, "after"))):
            bar_y = y + offset * (bar_h + 2)
            width = 0.0 if share is None else bars_w * min(max(share, 0.0), 1.0)
            if width > 0:
                parts.append(
                    html(
                        '<rect class="chart-pair-{}" x="{}" y="{}" width="{}" height="{}"/>',
                        css,
                        str(bars_left),
                        f"{bar_y:.1f}",
                        f"{width:.1f}",
                        str(bar_h),
                    )
                )
            parts.append(
                html(
                    '<text class="chart-label" x="{}" y="{}" text-anchor="start">{}</text>',
                    f"{bars_left + width + 4:.1f}",
                    f"{bar_y + bar_h - 1:.1f}",
                    "–" if share is None else f"{round(100 * share)}%",
                )
            )
    parts.append(html("</svg>"))
    return join(parts)


def means_chart(
    *,
    rows: Sequence[tuple[str, float]],
    band: tuple[float, float] | None,
    x_min: float,
    x_max: float,
    title: str,
    desc: str,
    chart_id: str,
    x_ticks: Sequence[tuple[float, str]] = (),
) -> Markup:
    """Return an SVG chart of a few means on one scale, one ``(label, mean)`` row each
    (a filled dot for the first row, hollow dots for the others), and an optional
    shaded ``band`` (low, high) on the first row: where its mean may well lie, say a
    95% interval of the difference added to the second row's mean.

    The page says the same numbers in words or a table. Texts are escaped here.
    """
    if not rows:
        return EMPTY
    plot_w = WIDTH - LEFT - RIGHT
    span = (x_max - x_min) or 1.0
    row_h = (HEIGHT - TOP - BOTTOM) / len(rows)

    def x_of(value: float) -> float:
        return LEFT + plot_w * (min(max(value, x_min), x_max) - x_min) / span

    parts = [_svg_open(title=title, desc=desc, chart_id=chart_id)]
    for value, label in x_ticks:
        x = f"{x_of(value):.1f}"
        parts.append(
            html(
                '<line class="chart-grid" x1="{x}" x2="{x}" y1="{top}" y2="{base}"/>'
                '<text class="chart-label" x="{x}" y="{text_y}" '
                'text-anchor="middle">{label}</text>',
                x=x,
                top=str(TOP),
                base=str(HEIGHT - BOTTOM),
                text_y=str(HEIGHT - 8),
                label=label,
            )
        )
    for number, (label, mean) in enumerate(rows):
        y = TOP + row_h * number + row_h * 0.62
        if number == 0 and band is not None:
            low, high = x_of(band[0]), x_of(band[1])
            parts.append(
                html(
                    '<rect class="chart-band" x="{}" y="{}" width="{}" height="16"/>',
                    f"{low:.1f}",
                    f"{y - 8:.1f}",
                    f"{max(high - low, 1.0):.1f}",
                )
            )
        parts.append(
            html(
                '<text class="chart-label" x="{}" y="{}" text-anchor="start">{}</text>'
                '<circle class="{}" cx="{}" cy="{}" r="6"/>',
                str(LEFT),
                f"{y - 14:.1f}",
                label,
                "chart-dot" if number == 0 else "chart-dot-before",
                f"{x_of(mean):.1f}",
                f"{y:.1f}",
            )
        )
    base = str(HEIGHT - BOTTOM)
    parts.append(
        html(
            '<line class="chart-axis" x1="{}" x2="{}" y1="{}" y2="{}"/>',
            str(LEFT),
            str(WIDTH - RIGHT),
            base,
            base,
        )
    )
    parts.append(html("</svg>"))
    return join(parts)
