"""HTML for the month's calendar and for lists of entries, built in Python for speed.

Django's template engine costs tens of microseconds per row once includes, {% url %}
and date filters are involved; these lists would make a month page several times
slower than a bare page (the benchmark's target is at most three times). So the
one hot partial is plain string building, with every value passed through
``escape`` (the standard library's, which escapes what Django's does, without
its per-call lazy-string checks). Page layout stays in templates.
"""

from __future__ import annotations

import functools
import html
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString, mark_safe

from nearer.journal.selectors import EntryView, SearchHit

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
_PLACEHOLDER = uuid.UUID(int=0)
_PLACEHOLDER_TEXT = str(_PLACEHOLDER)


def short_date(day: date) -> str:
    """Return e.g. "Wed 25 Nov 2026" (English, whatever the server's locale)."""
    return f"{DAY_NAMES[day.weekday()][:3]} {day.day} {MONTH_NAMES[day.month - 1][:3]} {day.year}"


def day_anchor(day: date) -> str:
    """Return the id of a day's heading in the month list, e.g. "day-2026-05-14"."""
    return f"day-{day.isoformat()}"


def long_day(day: date) -> str:
    """Return e.g. "Wednesday 25 November"."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"


def escape(value: str) -> str:
    """Return ``value`` safe to place in HTML text or a quoted attribute."""
    return html.escape(value, quote=True)


@functools.lru_cache(maxsize=8)
def _entry_url_pattern(urlconf: str | None, prefix: str) -> str:
    return reverse("journal:entry", kwargs={"entry_id": _PLACEHOLDER}, urlconf=urlconf)


class _EntryUrls:
    """Entry URLs without a reverse() per row: the pattern is worked out once."""

    def __init__(self) -> None:
        self._pattern = _entry_url_pattern(get_urlconf(), get_script_prefix())

    def __call__(self, entry_id: uuid.UUID) -> str:
        return self._pattern.replace(_PLACEHOLDER_TEXT, str(entry_id))


def _meta(entry: EntryView, *, show_date: bool) -> str:
    parts = []
    if show_date:
        iso = entry.entry_date.isoformat()
        parts.append(f'<time datetime="{iso}">{short_date(entry.entry_date)}</time>')
    if entry.kind == "guided":
        parts.append('<span class="badge">Guided</span>')
    if entry.tags:
        parts.append('<span class="visually-hidden">Tags:</span>')
        parts.extend(f'<span class="tag">{escape(tag)}</span>' for tag in entry.tags)
    return f'<p class="entry-meta">{" ".join(parts)}</p>' if parts else ""


def _preview(entry: EntryView) -> str:
    preview = entry.preview
    return f'<p class="entry-preview">{escape(preview)}</p>' if preview else ""


def _row(entry: EntryView, url: str, middle: str, *, show_date: bool) -> str:
    unreadable = "" if entry.readable else " entry-unreadable"
    return (
        f'<li class="entry-row"><a class="entry-link{unreadable}" href="{url}">'
        f"{escape(entry.heading)}</a>{middle}{_meta(entry, show_date=show_date)}</li>"
    )


def entry_rows(entries: Iterable[EntryView], *, show_date: bool = True) -> SafeString:
    """Return <li> rows: heading as the link, a line of the body, date, kind and tags."""
    url = _EntryUrls()
    html = []
    for entry in entries:
        html.append(_row(entry, url(entry.id), _preview(entry), show_date=show_date))
    return mark_safe("".join(html))  # noqa: S308 - every value above is escaped


def day_sections(days: Iterable[tuple[date, Sequence[EntryView]]]) -> SafeString:
    """Return one <section> per day: a heading the calendar links to, then its entries."""
    url = _EntryUrls()
    html = []
    for day, entries in days:
        anchor = day_anchor(day)
        rows = "".join(
            _row(entry, url(entry.id), _preview(entry), show_date=False) for entry in entries
        )
        html.append(
            f'<section class="day-group" aria-labelledby="{anchor}">'
            f'<h2 class="day-heading" id="{anchor}" tabindex="-1">{long_day(day)}</h2>'
            f'<ul class="plain-list entry-list">{rows}</ul></section>'
        )
    return mark_safe("".join(html))  # noqa: S308 - every value above is escaped


def hit_rows(hits: Iterable[SearchHit]) -> SafeString:
    """Return <li> rows for search hits, each with its excerpt and the match marked."""
    url = _EntryUrls()
    html = []
    for hit in hits:
        match = f"<mark>{escape(hit.match)}</mark>" if hit.match else ""
        middle = f'<p class="excerpt">{escape(hit.before)}{match}{escape(hit.after)}</p>'
        html.append(_row(hit.entry, url(hit.entry.id), middle, show_date=True))
    return mark_safe("".join(html))  # noqa: S308 - every value above is escaped


@dataclass(frozen=True)
class CalendarDay:
    """One cell of the calendar; ``day`` is None for the days of other months."""

    day: int | None = None
    count: int = 0
    is_today: bool = False
    anchor: str = ""


def calendar_rows(weeks: Sequence[Sequence[CalendarDay]]) -> SafeString:
    """Return the <tr> rows of a month: days with entries link to their list and say
    how many (a ring and a dot show it too); today carries aria-current="date"."""
    html_rows = []
    for week in weeks:
        cells = []
        for cell in week:
            if cell.day is None:
                cells.append('<td class="cal-pad"></td>')
                continue
            today = cell.is_today
            td = '<td class="is-today">' if today else "<td>"
            current = ' aria-current="date"' if today else ""
            said_today = ", today" if today else ""
            if cell.count:
                noun = "entry" if cell.count == 1 else "entries"
                cells.append(
                    f'{td}<a class="cal-day has-entries" href="#{cell.anchor}"{current}>'
                    f'{cell.day}<span class="visually-hidden">{said_today}, {cell.count} {noun}'
                    "</span></a></td>"
                )
            else:
                hidden = f'<span class="visually-hidden">{said_today}</span>' if today else ""
                cells.append(f'{td}<span class="cal-day"{current}>{cell.day}{hidden}</span></td>')
        html_rows.append(f"<tr>{''.join(cells)}</tr>")
    return mark_safe("".join(html_rows))  # noqa: S308 - numbers and our own anchors only
