"""HTML for the month's calendar and for lists of entries, built in Python for speed.

Django's template engine costs tens of microseconds per row once includes, {% url %}
and date filters are involved; these lists would make a month page several times
slower than a bare page (the benchmark's target is at most three times). So the
one hot partial is built in code, through ``nearer.lib.html`` only: every value is
escaped unless it is already markup, and numbers are formatted before they go in.
Page layout stays in templates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from nearer.journal.selectors import EntryView, SearchHit
from nearer.lib.dates import long_day, short_date
from nearer.lib.html import EMPTY, Markup, html, join
from nearer.lib.urls import UrlPattern

_GUIDED = html('<span class="badge">Guided</span>')
_PAD = html('<td class="cal-pad"></td>')


def _entry_urls() -> UrlPattern:
    """Entry URLs without a reverse() per row: the pattern is worked out once."""
    return UrlPattern("journal:entry", "entry_id")


def day_anchor(day: date) -> str:
    """Return the id of a day's heading in the month list, e.g. "day-2026-05-14"."""
    return f"day-{day.isoformat()}"


def _extras(entry: EntryView) -> Markup:
    """Return the kind badge and the tags of an entry, a space between, or EMPTY."""
    tags = entry.tags
    if not tags:
        return _GUIDED if entry.kind == "guided" else EMPTY
    # One call for all the tags: the separator is markup written here, each tag escaped.
    tagged = join(tags, '</span> <span class="tag">')
    if entry.kind == "guided":
        return html(
            '<span class="badge">Guided</span> <span class="visually-hidden">Tags:</span>'
            ' <span class="tag">{}</span>',
            tagged,
        )
    return html('<span class="visually-hidden">Tags:</span> <span class="tag">{}</span>', tagged)


def _preview(entry: EntryView) -> Markup:
    preview = entry.preview
    return html('<p class="entry-preview">{}</p>', preview) if preview else EMPTY


def _row(entry: EntryView, url: str, middle: Markup, *, show_date: bool) -> Markup:
    """One entry as a list row: one ``html`` call whichever parts it has (a month page
    has about a hundred rows, and every call and value costs)."""
    unreadable = "" if entry.readable else " entry-unreadable"
    extras = _extras(entry)
    if show_date:
        day = entry.entry_date
        return html(
            '<li class="entry-row"><a class="entry-link{}" href="{}">{}</a>{}'
            '<p class="entry-meta"><time datetime="{}">{}</time>{}{}</p></li>',
            unreadable,
            url,
            entry.heading,
            middle,
            day.isoformat(),
            short_date(day),
            " " if extras else "",
            extras,
        )
    if extras:
        return html(
            '<li class="entry-row"><a class="entry-link{}" href="{}">{}</a>{}'
            '<p class="entry-meta">{}</p></li>',
            unreadable,
            url,
            entry.heading,
            middle,
            extras,
        )
    return html(
        '<li class="entry-row"><a class="entry-link{}" href="{}">{}</a>{}</li>',
        unreadable,
        url,
        entry.heading,
        middle,
    )


def entry_rows(entries: Iterable[EntryView], *, show_date: bool = True) -> Markup:
    """Return <li> rows: heading as the link, a line of the body, date, kind and tags."""
    url = _entry_urls()
    return join(
        _row(entry, url(entry.id), _preview(entry), show_date=show_date) for entry in entries
    )


def day_sections(days: Iterable[tuple[date, Sequence[EntryView]]]) -> Markup:
    """Return one <section> per day: a heading the calendar links to, then its entries."""
    url = _entry_urls()
    sections = []
    for day, entries in days:
        rows = join(
            _row(entry, url(entry.id), _preview(entry), show_date=False) for entry in entries
        )
        sections.append(
            html(
                '<section class="day-group" aria-labelledby="{anchor}">'
                '<h2 class="day-heading" id="{anchor}" tabindex="-1">{day}</h2>'
                '<ul class="plain-list entry-list">{rows}</ul></section>',
                anchor=day_anchor(day),
                day=long_day(day),
                rows=rows,
            )
        )
    return join(sections)


def hit_rows(hits: Iterable[SearchHit]) -> Markup:
    """Return <li> rows for search hits, each with its excerpt and the match marked."""
    url = _entry_urls()
    rows = []
    for hit in hits:
        match = html("<mark>{}</mark>", hit.match) if hit.match else EMPTY
        middle = html('<p class="excerpt">{}{}{}</p>', hit.before, match, hit.after)
        rows.append(_row(hit.entry, url(hit.entry.id), middle, show_date=True))
    return join(rows)


@dataclass(frozen=True)
class CalendarDay:
    """One cell of the calendar; ``day`` is None for the days of other months."""

    day: int | None = None
    count: int = 0
    is_today: bool = False
    anchor: str = ""


def _calendar_cell(cell: CalendarDay) -> Markup:
    """One day of the calendar; one call to ``html`` for every day but today."""
    if cell.day is None:
        return _PAD
    day = str(cell.day)
    if cell.is_today:
        if cell.count:
            return html(
                '<td class="is-today"><a class="cal-day has-entries" href="#{}"'
                ' aria-current="date">{}<span class="visually-hidden">, today, {} {}</span>'
                "</a></td>",
                cell.anchor,
                day,
                str(cell.count),
                "entry" if cell.count == 1 else "entries",
            )
        return html(
            '<td class="is-today"><span class="cal-day" aria-current="date">{}'
            '<span class="visually-hidden">, today</span></span></td>',
            day,
        )
    if cell.count:
        return html(
            '<td><a class="cal-day has-entries" href="#{}">{}'
            '<span class="visually-hidden">, {} {}</span></a></td>',
            cell.anchor,
            day,
            str(cell.count),
            "entry" if cell.count == 1 else "entries",
        )
    return html('<td><span class="cal-day">{}</span></td>', day)


def calendar_rows(weeks: Sequence[Sequence[CalendarDay]]) -> Markup:
    """Return the <tr> rows of a month: days with entries link to their list and say
    how many (a ring and a dot show it too); today carries aria-current="date"."""
    return join(html("<tr>{}</tr>", join(_calendar_cell(cell) for cell in week)) for week in weeks)
