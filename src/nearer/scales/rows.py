"""The trends page's charts and data tables, built in Python.

Ten years hold about 260 WHO-5 results and 120 of each monthly scale; a template
loop over that many rows costs more than the rest of the page, so the table rows
are built here, through ``nearer.lib.html`` only: every value escaped, numbers
formatted before they go in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nearer.lib.charts import Band, line_chart
from nearer.lib.dates import long_date
from nearer.lib.html import EMPTY, Markup, html, join
from nearer.lib.urls import UrlPattern
from nearer.scales.instruments import UCLA3, WHO5, Scale
from nearer.scales.scoring import (
    UCLA3_LONELY_FROM,
    WHO5_MEANINGFUL_CHANGE,
    shown_range,
)
from nearer.scales.selectors import Point


def _bands(scale: Scale) -> tuple[Band, ...]:
    if scale.key == WHO5.key:
        return (Band(0, 50, "50 or below: low in studies"),)
    if scale.key == UCLA3.key:
        return (Band(UCLA3_LONELY_FROM, 9, "6 or more: often read as lonely"),)
    return ()


def _ticks(scale: Scale) -> list[tuple[float, str]]:
    low, high = shown_range(scale)
    if scale.key == WHO5.key:
        return [(value, str(value)) for value in (0, 25, 50, 75, 100)]
    return [(value, str(value)) for value in range(low, high + 1, 2 if high - low > 8 else 1)]


# How many results in a row the bold line averages: two months of fortnightly WHO-5
# results, a season of the monthly scales. Drawn once there are twice as many
# results, so a handful of points is never smoothed into a false trend.
MEAN_WINDOW: dict[str, int] = {WHO5.key: 4}
MEAN_WINDOW_DEFAULT = 3


def chart_for(scale: Scale, points: Sequence[Point]) -> Markup:
    """Return the SVG of ``points`` (oldest first) on the scale's shown range."""
    low, high = shown_range(scale)
    values = [(point.taken_on, float(point.shown)) for point in points]
    if not values:
        return EMPTY
    window = MEAN_WINDOW.get(scale.key, MEAN_WINDOW_DEFAULT)
    first, last = values[0], values[-1]
    desc = (
        f"{len(values)} results from {long_date(first[0])} to {long_date(last[0])}, "
        f"on a range of {low} to {high}; higher means {scale.higher_means}. "
        f"First {int(first[1])}, latest {int(last[1])}, lowest {int(min(v for _, v in values))}, "
        f"highest {int(max(v for _, v in values))}. The table below lists every result."
    )
    return line_chart(
        points=values,
        y_min=low,
        y_max=high,
        title=f"{scale.short_name} over time",
        desc=desc,
        chart_id=f"chart-{scale.key}",
        y_ticks=_ticks(scale),
        bands=_bands(scale),
        mean_window=window if len(values) >= 2 * window else 0,
        mean_label=f"Line: average of {window} results",
        raw_label="Faint: each result",
    )


@dataclass(frozen=True, slots=True)
class Summary:
    count: int
    latest: int
    lowest: int
    highest: int


def summary_of(scale: Scale, points: Sequence[Point]) -> Summary | None:
    if not points:
        return None
    shown = [point.shown for point in points]
    return Summary(len(shown), shown[-1], min(shown), max(shown))


def table_rows(scale: Scale, points: Sequence[Point]) -> Markup:
    """Return the <tr> rows of the data table, newest first, with the change each time."""
    previous: int | None = None
    rows: list[Markup] = []
    # One reverse() for the whole table: resolving a URL per row costs more than the row.
    url = UrlPattern("scales:result", "result_id")
    who5 = scale.key == WHO5.key
    for point in points:
        shown = point.shown
        if previous is None:
            moved = "first"
        else:
            diff = shown - previous
            moved = f"{diff:+d}" if diff else "no change"
            if who5 and abs(diff) >= WHO5_MEANINGFUL_CHANGE:
                moved += " (meaningful)"
        previous = shown
        rows.append(
            html(
                '<tr><th scope="row"><a href="{}">{}</a></th><td>{}</td><td>{}</td></tr>',
                url(point.id),
                long_date(point.taken_on),
                str(shown),
                moved,
            )
        )
    rows.reverse()
    return join(rows)
