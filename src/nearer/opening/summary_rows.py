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
from nearer.opening.summary import Depth, Period, Reciprocity


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


def person_section(one: Reciprocity, chart: Markup, chart_id: str) -> Markup:
    """One drawn person: their name, moments together, chart and the chart's table
    (as ``_reciprocity_table.html`` is for everyone together), in one ``html()`` call: a
    template include per person cost more than the rest of their part."""
    return html(
        "<h3>{name}</h3>"
        '<p class="small muted">{moments} moment{plural} together.</p>'
        "{chart}"
        "<details><summary>{name} as a table</summary>"
        '<div class="chart-table-wrap" tabindex="0" role="region" '
        'aria-label="{name}: who opened up, as a table">'
        '<table class="chart-table" id="{chart_id}-table">'
        '<caption class="visually-hidden">Who opened up: {name}, oldest first</caption>'
        '<thead><tr><th scope="col">Period</th><th scope="col">I did</th>'
        '<th scope="col">They did</th><th scope="col">We both did</th>'
        '<th scope="col">Neither</th></tr></thead>'
        "<tbody>{rows}</tbody></table></div></details>",
        name=one.name,
        moments=str(one.moments),
        plural="" if one.moments == 1 else "s",
        chart=chart,
        chart_id=chart_id,
        rows=period_rows(one.periods, one.totals),
    )
