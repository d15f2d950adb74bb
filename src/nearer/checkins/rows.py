"""HTML for the check-ins' hot parts, built in Python for speed (like journal/rows.py).

The two scales appear on Today on every visit, and the month page shows a
calendar and a few dozen check-ins; Django's template engine would cost more
than everything else on those pages together. Every value placed in the HTML
goes through ``escape``; most are our own constants anyway.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString, mark_safe

from nearer.checkins.content import ENERGY, PLEASANTNESS, QUADRANTS, QuadrantInfo
from nearer.checkins.selectors import UNREADABLE, CheckInView
from nearer.journal.rows import MONTH_NAMES, escape, long_day

# How many marks a calendar day shows before "+N".
MARKS_PER_DAY = 4

SCALES = (
    ("pleasantness", "How pleasant do you feel?", PLEASANTNESS),
    ("energy", "How much energy do you have?", ENERGY),
)


def _scale(name: str, legend: str, steps: Sequence[tuple[int, str]], chosen: int | None,
           error: str) -> str:
    error_id = f"{name}-error"
    described = f' aria-describedby="{error_id}"' if error else ""
    options = []
    for value, words in steps:
        checked = " checked" if value == chosen else ""
        options.append(
            f'<label class="scale-step"><input type="radio" name="{name}" value="{value}"'
            f' required{checked}><span>{escape(words)}</span></label>'
        )
    error_html = f'<p class="errors" id="{error_id}">{escape(error)}</p>' if error else ""
    invalid = " field-invalid" if error else ""
    return (
        f'<fieldset class="scale{invalid}"{described}><legend>{escape(legend)}</legend>'
        f'{error_html}<div class="scale-steps">{"".join(options)}</div></fieldset>'
    )


def feeling_fields(
    pleasantness: int | None = None,
    energy: int | None = None,
    errors: Mapping[str, str] | None = None,
) -> SafeString:
    """Return the two radio groups (pleasantness, energy), with choices and errors shown."""
    if errors is None or not errors:
        return _feeling_fields_cached(pleasantness, energy)
    return mark_safe(  # noqa: S308 - our own words, and errors escaped
        "".join(_scale(name, legend, steps, value, errors.get(name, ""))
                for (name, legend, steps), value in zip(SCALES, (pleasantness, energy),
                                                        strict=True))
    )


@functools.lru_cache(maxsize=32)
def _feeling_fields_cached(pleasantness: int | None, energy: int | None) -> SafeString:
    return mark_safe(  # noqa: S308 - our own words only
        "".join(_scale(name, legend, steps, value, "")
                for (name, legend, steps), value in zip(SCALES, (pleasantness, energy),
                                                        strict=True))
    )


def mark(quadrant: QuadrantInfo | None) -> str:
    """Return the shape (and colour) of a quadrant; screen readers get the words elsewhere."""
    code = quadrant.code if quadrant is not None else "unknown"
    return f'<span class="mood-mark mood-{code}" aria-hidden="true"></span>'


def quadrant_key() -> SafeString:
    """Return the key explaining each quadrant's shape and colour."""
    items = "".join(
        f"<li>{mark(q)} {escape(q.name)} <span class=\"muted\">({escape(q.hint)})</span></li>"
        for q in QUADRANTS
    )
    return mark_safe(f'<ul class="mood-key plain-list">{items}</ul>')  # noqa: S308


@functools.lru_cache(maxsize=8)
def _base_url(urlconf: str | None, prefix: str) -> str:
    return reverse("checkins:index", urlconf=urlconf)


def base_url() -> str:
    """Return /checkins/ (under the script prefix), worked out once."""
    return _base_url(get_urlconf(), get_script_prefix())


def day_url(day: date) -> str:
    return f"{base_url()}{day.year}/{day.month}/{day.day}/"


def _said(checkin: CheckInView) -> str:
    """The words a screen reader hears for one check-in in the calendar."""
    if checkin.emotion is None or checkin.quadrant is None:
        return UNREADABLE.lower()
    return f"{checkin.emotion.label} ({checkin.quadrant.name.lower()})"


def calendar_rows(
    year: int, month: int, by_day: Mapping[date, Sequence[CheckInView]], today: date
) -> SafeString:
    """Return the <tr> rows of a month, Monday first.

    A day with check-ins links to its day page and shows one shape per check-in
    (its quadrant's shape and colour; the link's hidden text names each emotion
    and quadrant, so neither colour nor shape is the only cue). Today carries
    aria-current="date".
    """
    rows = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells = []
        for day in week:
            if day.month != month:
                cells.append('<td class="cal-pad"></td>')
                continue
            is_today = day == today
            td = '<td class="is-today">' if is_today else "<td>"
            current = ' aria-current="date"' if is_today else ""
            said_today = ", today" if is_today else ""
            checkins = by_day.get(day, ())
            if not checkins:
                hidden = f'<span class="visually-hidden">{said_today}</span>' if is_today else ""
                cells.append(f'{td}<span class="cal-day"{current}>{day.day}{hidden}</span></td>')
                continue
            count = len(checkins)
            noun = "check-in" if count == 1 else "check-ins"
            said = ", ".join(_said(c) for c in checkins)
            marks = "".join(mark(c.quadrant) for c in checkins[:MARKS_PER_DAY])
            if count > MARKS_PER_DAY:
                marks += f'<span class="mood-more">+{count - MARKS_PER_DAY}</span>'
            cells.append(
                f'{td}<a class="cal-day has-checkins" href="{day_url(day)}"{current}>{day.day}'
                f'<span class="visually-hidden">{said_today}, {count} {noun}: {escape(said)}'
                f'</span><span class="mood-marks" aria-hidden="true">{marks}</span></a></td>'
            )
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return mark_safe("".join(rows))  # noqa: S308 - numbers, our words, escaped labels


def _line(checkin: CheckInView, *, show_date: bool) -> str:
    """One check-in as a list row: shape, time, the word, and the quadrant in words."""
    when = ""
    if show_date:
        day = checkin.local_date
        when = (
            f'<a href="{day_url(day)}"><time datetime="{day.isoformat()}">'
            f"{escape(long_day(day))} {day.year}</time></a> "
        )
    if checkin.content is None or checkin.emotion is None or checkin.quadrant is None:
        return (
            f'<li class="checkin-row">{mark(None)}<span class="checkin-when">{when}</span>'
            f'<span class="entry-unreadable">{UNREADABLE}</span></li>'
        )
    time = f'<span class="checkin-time">{escape(checkin.time)}</span>' if checkin.time else ""
    return (
        f'<li class="checkin-row">{mark(checkin.quadrant)}'
        f'<span class="checkin-when">{when}{time}</span> '
        f'<strong class="checkin-word">{escape(checkin.emotion.label)}</strong> '
        f'<span class="muted small">{escape(checkin.quadrant.name)}</span></li>'
    )


def day_sections(by_day: Iterable[tuple[date, Sequence[CheckInView]]]) -> SafeString:
    """Return one section per day (newest day first as given): a heading linking to the
    day page, then its check-ins in time order."""
    html = []
    for day, checkins in by_day:
        anchor = f"day-{day.isoformat()}"
        lines = "".join(_line(c, show_date=False) for c in checkins)
        html.append(
            f'<section class="day-group" aria-labelledby="{anchor}">'
            f'<h3 class="day-heading" id="{anchor}"><a href="{day_url(day)}">{long_day(day)}</a>'
            f'</h3><ul class="plain-list checkin-list">{lines}</ul></section>'
        )
    return mark_safe("".join(html))  # noqa: S308 - every value above is escaped


def checkin_lines(checkins: Iterable[CheckInView]) -> SafeString:
    """Return <li> rows with the date, for the list of recent check-ins."""
    return mark_safe("".join(_line(c, show_date=True) for c in checkins))  # noqa: S308


def month_label(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month - 1]} {year}"
