"""HTML for the check-ins' hot parts: the two scales, the month's calendar, lists.

The month page shows a calendar and a few dozen check-ins, and the recent list
up to a page of them; Django's template engine would cost more than everything
else on those pages together, so their rows are built in code, through
``nearer.lib.html`` only (every value escaped unless it is markup, numbers
formatted before they go in).

The feeling grid is a Django widget (``checkins.widgets.FeelingGrid``, with its own
template), the one the step-one form declares. It appears on Today on every visit,
so each way of drawing it without an error (no cell or one of 25 chosen) is
rendered once per process and kept, as are step one's words (our own, the same for
everyone). Only a page showing an error message, after a mistake, renders the grid
afresh.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from nearer.checkins.content import EMOTIONS, QUADRANTS, GridCell, QuadrantInfo
from nearer.checkins.forms import GRID_HELP, GRID_LEGEND, FeelingForm
from nearer.checkins.selectors import UNREADABLE, CheckInView
from nearer.lib.dates import long_day
from nearer.lib.html import EMPTY, Markup, html, join
from nearer.lib.urls import url_for

# How many marks a calendar day shows before "+N".
MARKS_PER_DAY = 4

# The grid's field of the step-one form, drawn by its own widget.
GRID_FIELD = FeelingForm.base_fields["feeling"]
_UNREADABLE_SAID = UNREADABLE.lower()
_PAD = html('<td class="cal-pad"></td>')


def _grid(chosen: str | None, error: str) -> Markup:
    cells = GRID_FIELD.widget.render("feeling", chosen, attrs={"required": True})
    return html(
        '<fieldset class="feeling{invalid}" aria-describedby="feeling-help{error_id}">'
        '<legend>{legend}</legend><p class="help" id="feeling-help">{help}</p>{error}'
        "{cells}</fieldset>",
        invalid=" field-invalid" if error else "",
        error_id=" feeling-error" if error else "",
        legend=GRID_LEGEND,
        help=GRID_HELP,
        error=html('<p class="errors" id="feeling-error">{}</p>', error) if error else EMPTY,
        cells=cells,
    )


def feeling_fields(
    pleasantness: int | None = None, energy: int | None = None, error: str = ""
) -> Markup:
    """Return the grid (one radio group of 25 cells), with a cell chosen and an error shown."""
    chosen = (
        GridCell(pleasantness, energy).value
        if pleasantness is not None and energy is not None
        else None
    )
    if not error:
        return _feeling_fields_cached(chosen)
    return _grid(chosen, error)


@functools.lru_cache(maxsize=32)
def _feeling_fields_cached(chosen: str | None) -> Markup:
    # Our own words only, and at most 26 ways: one of 25 cells, or none, chosen.
    return _grid(chosen, "")


@functools.lru_cache(maxsize=1)
def step_one_words() -> Markup:
    """Return every quadrant's words as step one holds them, hidden until a cell is chosen.

    nearer.js shows the groups the chosen cell touches (``content.quadrants_for``)
    and a "Done" that saves at once; without JavaScript step two shows them.
    """
    groups = join(
        html(
            '<fieldset class="word-group" data-quadrant="{code}"><legend>{mark} {name}</legend>'
            '<div class="pills">{pills}</div></fieldset>',
            code=quadrant.code,
            mark=mark(quadrant),
            name=quadrant.name,
            pills=join(
                html(
                    '<label class="pill"><input type="radio" name="emotion" value="{}">'
                    "<span>{}</span></label>",
                    emotion.key,
                    emotion.label,
                )
                for emotion in EMOTIONS
                if emotion.quadrant == quadrant.key
            ),
        )
        for quadrant in QUADRANTS
    )
    return html(
        '<fieldset class="words" data-checkin-words hidden><legend>Which word fits best?</legend>'
        "{}</fieldset>",
        groups,
    )


@functools.lru_cache(maxsize=8)
def _mark(code: str) -> Markup:
    return html('<span class="mood-mark mood-{}" aria-hidden="true"></span>', code)


def mark(quadrant: QuadrantInfo | None) -> Markup:
    """Return the shape (and colour) of a quadrant; screen readers get the words elsewhere."""
    return _mark(quadrant.code if quadrant is not None else "unknown")


def quadrant_key() -> Markup:
    """Return the key explaining each quadrant's shape and colour."""
    items = join(
        html('<li>{} {} <span class="muted">({})</span></li>', mark(q), q.name, q.hint)
        for q in QUADRANTS
    )
    return html('<ul class="mood-key plain-list">{}</ul>', items)


def base_url() -> str:
    """Return /checkins/ (under the script prefix), worked out once."""
    return url_for("checkins:index")


def day_url(day: date) -> str:
    return f"{base_url()}{day.year}/{day.month}/{day.day}/"


def _said(checkin: CheckInView) -> str:
    """The words a screen reader hears for one check-in in the calendar."""
    if checkin.emotion is None or checkin.quadrant is None:
        return _UNREADABLE_SAID
    return f"{checkin.emotion.label} ({checkin.quadrant.name.lower()})"


def _calendar_cell(day: date, checkins: Sequence[CheckInView], *, is_today: bool) -> Markup:
    if not checkins:
        if is_today:
            return html(
                '<td class="is-today"><span class="cal-day" aria-current="date">{}'
                '<span class="visually-hidden">, today</span></span></td>',
                str(day.day),
            )
        return html('<td><span class="cal-day">{}</span></td>', str(day.day))
    count = len(checkins)
    marks = join(mark(c.quadrant) for c in checkins[:MARKS_PER_DAY])
    if count > MARKS_PER_DAY:
        more = html('<span class="mood-more">+{}</span>', str(count - MARKS_PER_DAY))
        marks = join((marks, more))
    return html(
        '{td}<a class="cal-day has-checkins" href="{url}"{current}>{day}'
        '<span class="visually-hidden">{today}, {count} {noun}: {said}</span>'
        '<span class="mood-marks" aria-hidden="true">{marks}</span></a></td>',
        td=html('<td class="is-today">') if is_today else html("<td>"),
        url=day_url(day),
        current=html(' aria-current="date"') if is_today else EMPTY,
        day=str(day.day),
        today=", today" if is_today else "",
        count=str(count),
        noun="check-in" if count == 1 else "check-ins",
        said=", ".join(_said(c) for c in checkins),
        marks=marks,
    )


def calendar_rows(
    year: int, month: int, by_day: Mapping[date, Sequence[CheckInView]], today: date
) -> Markup:
    """Return the <tr> rows of a month, Monday first.

    A day with check-ins links to its day page and shows one shape per check-in
    (its quadrant's shape and colour; the link's hidden text names each emotion
    and quadrant, so neither colour nor shape is the only cue). Today carries
    aria-current="date".
    """
    return join(
        html(
            "<tr>{}</tr>",
            join(
                _calendar_cell(day, by_day.get(day, ()), is_today=day == today)
                if day.month == month
                else _PAD
                for day in week
            ),
        )
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    )


def _line(checkin: CheckInView, *, show_date: bool) -> Markup:
    """One check-in as a list row: shape, time, the word, and the quadrant in words."""
    when = EMPTY
    if show_date:
        day = checkin.local_date
        when = html(
            '<a href="{}"><time datetime="{}">{} {}</time></a> ',
            day_url(day),
            day.isoformat(),
            long_day(day),
            str(day.year),
        )
    if checkin.content is None or checkin.emotion is None or checkin.quadrant is None:
        return html(
            '<li class="checkin-row">{}<span class="checkin-when">{}</span>'
            '<span class="entry-unreadable">{}</span></li>',
            mark(None),
            when,
            UNREADABLE,
        )
    time = checkin.time
    return html(
        '<li class="checkin-row">{mark}<span class="checkin-when">{when}{time}</span> '
        '<strong class="checkin-word">{word}</strong> '
        '<span class="muted small">{quadrant}</span></li>',
        mark=mark(checkin.quadrant),
        when=when,
        time=html('<span class="checkin-time">{}</span>', time) if time else EMPTY,
        word=checkin.emotion.label,
        quadrant=checkin.quadrant.name,
    )


def day_sections(by_day: Iterable[tuple[date, Sequence[CheckInView]]]) -> Markup:
    """Return one section per day (newest day first as given): a heading linking to the
    day page, then its check-ins in time order."""
    return join(
        html(
            '<section class="day-group" aria-labelledby="{anchor}">'
            '<h3 class="day-heading" id="{anchor}"><a href="{url}">{day}</a>'
            '</h3><ul class="plain-list checkin-list">{lines}</ul></section>',
            anchor=f"day-{day.isoformat()}",
            url=day_url(day),
            day=long_day(day),
            lines=join(_line(c, show_date=False) for c in checkins),
        )
        for day, checkins in by_day
    )


def checkin_lines(checkins: Iterable[CheckInView]) -> Markup:
    """Return <li> rows with the date, for the list of recent check-ins."""
    return join(_line(c, show_date=True) for c in checkins)
