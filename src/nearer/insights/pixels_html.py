"""The year in pixels drawn as HTML: a calendar grid per month and the same days as a table.

About 365 cells and 372 table cells: built here through ``nearer.lib.html`` in one
pass (a template loop over that many costs more than the rest of the page).
"""

from __future__ import annotations

from collections.abc import Mapping

from nearer.insights.pixels import LEVEL_CLASSES, LEVEL_WORDS, SHAPES, Day, Year
from nearer.lib.dates import MONTH_ABBREVIATIONS
from nearer.lib.html import Markup, html, join

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


# Six kinds of cell in all: made once, not once a day.
_CELLS: dict[int | None, Markup] = {
    level: html('<li class="pixel pixel-{}">{}</li>', LEVEL_CLASSES[level], SHAPES[level])
    for level in SHAPES
}
_CELLS[None] = html('<li class="pixel pixel-none"></li>')


def pixels_grid(year: Year) -> Markup:
    """Twelve small month calendars (Monday first), each day a coloured shape.

    Hidden from screen readers: the table below says the same, day by day.
    """
    months = []
    for number, days in enumerate(year.months):
        # The first day sits under its weekday: a class, as the CSP allows no styles.
        start = days[0].day.weekday() + 1
        cells = [_CELLS[day.level] for day in days]
        months.append(
            html(
                '<div class="pixel-month"><p class="pixel-month-name">{}</p>'
                '<ol class="pixel-days pixel-start-{}">{}</ol></div>',
                MONTH_ABBREVIATIONS[number],
                str(start),
                join(cells),
            )
        )
    return html('<div class="pixels" aria-hidden="true">{}</div>', join(months))


def _value(day: Day) -> str:
    if day.mean is None:
        return ""
    return f"{day.mean:+.1f}".replace("-", "−") if day.mean else "0"


def pixels_table_rows(year: Year) -> Markup:
    """The table's body: a row per month, a cell per day of 1 to 31 (blank without check-ins)."""
    rows = []
    for number, days in enumerate(year.months):
        cells = [html("<td>{}</td>", _value(day)) for day in days]
        cells.extend(html('<td class="pixel-no-day"></td>') for _ in range(31 - len(days)))
        rows.append(html('<tr><th scope="row">{}</th>{}</tr>', _MONTH_NAMES[number], join(cells)))
    return join(rows)


def pixels_legend(counts: Mapping[int, int]) -> Markup:
    """The legend: each level's shape (in its colour), words, and how many days had it."""
    return join(
        html(
            '<li><span class="pixel pixel-{}" aria-hidden="true">{}</span> {} ({}): {}</li>',
            LEVEL_CLASSES[level],
            SHAPES[level],
            LEVEL_WORDS[level],
            f"{level:+d}".replace("-", "−") if level else "0",
            "1 day" if counts.get(level, 0) == 1 else f"{counts.get(level, 0)} days",
        )
        for level in sorted(SHAPES, reverse=True)
    )
