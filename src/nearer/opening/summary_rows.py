"""The summary page's long table bodies, built in code through ``nearer.lib.html``.

A ten-year account has about 150 reflected shares and dozens of people: a template
loop per cell cost more than the rest of the page. Our own words, dates and counts
go through here, and the names of the depth table (escaped by ``html()`` like
every value; the markup sweep's person has a deck depth).
"""

from __future__ import annotations

from collections.abc import Iterable

from nearer.lib.dates import MONTH_ABBREVIATIONS
from nearer.lib.html import Markup, html, join
from nearer.opening.felt import FeltPoint
from nearer.opening.summary import Depth, Period


def felt_rows(points: Iterable[FeltPoint]) -> Markup:
    """One row per share: the day shared, anxiety before and after, and in words."""
    return join(
        html(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            f"{point.day.day} {MONTH_ABBREVIATIONS[point.day.month - 1]} {point.day.year}",
            str(point.before),
            str(point.after),
            point.change_words,
        )
        for point in points
    )


def count_cells(counts: tuple[int, int, int, int]) -> Markup:
    """The cells of one row of counts (me, them, both, neither): one fill, not four."""
    return html("<td>{}</td><td>{}</td><td>{}</td><td>{}</td>", *map(str, counts))


def period_rows(periods: Iterable[Period], totals: tuple[int, int, int, int]) -> Markup:
    """One row per year or quarter, then the row of all of them together."""
    rows = [
        html(
            '<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
            period.label,
            *map(str, period.counts),
        )
        for period in periods
    ]
    rows.append(
        html(
            '<tr><th scope="row">All</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
            *map(str, totals),
        )
    )
    return join(rows)


def depth_rows(depths: Iterable[Depth]) -> Markup:
    """One row per person: their name and the deepest card reached, in words."""
    return join(
        html(
            '<tr><th scope="row">{}</th><td>{} (depth {} of 3)</td></tr>',
            one.name,
            one.words,
            str(one.depth),
        )
        for one in depths
    )
