"""A person's page, built in Python for speed (see journal/rows.py for why).

The page's own template had a dozen ``{% url %}`` tags, conditions and filters
per visit, which cost about as much as a bare page on their own. Here the links
are worked out once per process (a pattern per route, the person's id put in)
and every value that is not ours goes through ``escape``. The layout (base.html)
and the moments part ("moments/_person_moments.html") stay templates.
"""

from __future__ import annotations

import functools
import html
import uuid
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

from nearer.lib.charts import line_chart
from nearer.people.content import CLOSENESS_MAX
from nearer.people.days import CLOSENESS_WORDS, closeness_words
from nearer.people.selectors import DateView, PersonView

# Offer the closeness picture again when the latest rating is older than this.
OFFER_AFTER = timedelta(days=30)

_PLACEHOLDER = str(uuid.UUID(int=0))
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_SHORT_MONTHS = tuple(month[:3] for month in _MONTHS)
# The table's second column for each value, escaped once.
_WORDS = {value: html.escape(closeness_words(value)) for value in CLOSENESS_WORDS}


def escape(value: str) -> str:
    return html.escape(value, quote=True)


class _Urls(NamedTuple):
    people: str
    archived: str
    # Patterns holding _PLACEHOLDER where the person's id goes.
    edit: str
    archive: str
    restore: str
    delete: str
    closeness: str
    date_new: str


@functools.lru_cache(maxsize=8)
def _urls(urlconf: str | None, prefix: str) -> _Urls:
    # Reversed once per process (per URLconf and script prefix): a person's page is
    # benchmarked, and each {% url %} cost a reverse() on every visit.
    def of_person(name: str) -> str:
        return reverse(f"people:{name}", kwargs={"person_id": _PLACEHOLDER}, urlconf=urlconf)

    return _Urls(
        people=reverse("people:index", urlconf=urlconf),
        archived=reverse("people:archived", urlconf=urlconf),
        edit=of_person("edit"),
        archive=of_person("archive"),
        restore=of_person("restore"),
        delete=of_person("delete"),
        closeness=of_person("closeness"),
        date_new=of_person("date_new"),
    )


def person_urls(person_id: uuid.UUID) -> dict[str, str]:
    """Return the links of a person's page by name (edit, archive, …, date_new)."""
    urls = _urls(get_urlconf(), get_script_prefix())
    key = str(person_id)
    return {
        name: getattr(urls, name).replace(_PLACEHOLDER, key)
        for name in ("edit", "archive", "restore", "delete", "closeness", "date_new")
    }


def _day(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def top_html(
    *, person: PersonView, circle_label: str, rhythm: str, offer_rating: bool, csrf_token: str,
    urls: dict[str, str],
) -> SafeString:
    """Return the page above the moments: back link, header with actions, the offer
    to rate closeness and the notes."""
    listing = _urls(get_urlconf(), get_script_prefix())
    name = escape(person.display_name)
    details = person.details
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'
    if person.archived:
        back = f'<p><a href="{listing.archived}">← Archived people</a></p>'
        change = (f'<form method="post" action="{urls["restore"]}" class="inline-form">{csrf}'
                  '<button type="submit" class="button-quiet">Restore</button></form>')
    else:
        back = f'<p><a href="{listing.people}">← People</a></p>'
        change = (f'<form method="post" action="{urls["archive"]}" class="inline-form">{csrf}'
                  '<button type="submit" class="button-quiet">Archive</button></form>')
    also = (f"{escape(details.name)} · "
            if details.called and details.called != details.name else "")
    parts = [
        back,
        '<header class="person-header">',
        f"<h1>{name}</h1>",
        f'<p class="person-meta">{also}{escape(person.relationship)} · '
        f"{escape(circle_label)}</p>",
    ]
    if person.archived:
        parts.append('<p class="notice notice-warn">Archived: out of your lists and nudges.</p>')
    if not person.readable:
        parts.append('<p class="notice notice-warn">Their details could not be opened. '
                     "You can write them again with Edit.</p>")
    if rhythm:
        parts.append(f"<p>{escape(rhythm)}.</p>")
    parts.append(
        '<div class="actions person-actions">'
        f'<a class="button button-quiet" href="{urls["edit"]}">Edit</a>{change}'
        f'<a class="button button-quiet" href="{urls["delete"]}">Delete</a></div></header>'
    )
    if offer_rating:
        parts.append(
            f'<p class="card closeness-offer"><a href="{urls["closeness"]}">How close do you '
            f"feel to {name} these days?</a> <span class=\"muted\">A picture of two circles; "
            "under a minute.</span></p>"
        )
    if details.notes:
        parts.append(
            '<section class="card" aria-labelledby="notes-heading">'
            '<h2 id="notes-heading">Notes</h2>'
            f'<div class="person-notes">{linebreaks(details.notes, autoescape=True)}</div>'
            "</section>"
        )
    return mark_safe("\n".join(parts))  # noqa: S308 - every outside value above is escaped


def _date_row(d: DateView) -> str:
    on = d.next_on
    years = ""
    if d.years:
        if d.kind == "birthday":
            years = f" · turns {d.years}"
        else:
            years = f" · {d.years} year{'' if d.years == 1 else 's'}"
    if d.days_away == 0:
        when = "today"
    elif d.days_away == 1:
        when = "tomorrow"
    else:
        when = f"in {d.days_away} days"
    return (
        f'<li class="date-row"><span><strong>{escape(d.title)}</strong> · '
        f'<time datetime="{on.isoformat()}">{_WEEKDAYS[on.weekday()]} {on.day} '
        f"{_MONTHS[on.month - 1]}</time>{years}</span> "
        f'<span class="muted">{when}</span></li>'
    )


def offers_rating(person: PersonView, history: Sequence[tuple[date, int]], today: date) -> bool:
    """Whether to ask how close they feel: never rated, or not for a while (not archived)."""
    return not person.archived and (not history or today - history[-1][0] > OFFER_AFTER)


def bottom_html(
    *, person: PersonView, dates: Sequence[DateView], history: Sequence[tuple[date, int]],
    urls: dict[str, str],
) -> SafeString:
    """Return the page below the moments: important dates, then closeness over time as
    a chart (with a title and a description) and the same ratings in a table."""
    parts = ['<section class="card" aria-labelledby="dates-heading">'
             '<h2 id="dates-heading">Important dates</h2>']
    if dates:
        parts.append('<ul class="plain-list date-list">')
        parts.extend(_date_row(d) for d in dates)
        parts.append("</ul>")
    else:
        parts.append('<p class="muted">No dates yet.</p>')
    parts.append(f'<p><a href="{urls["date_new"]}">Add a date</a></p></section>')
    parts.append('<section class="card" id="closeness" aria-labelledby="closeness-heading">'
                 '<h2 id="closeness-heading">Closeness over time</h2>')
    if history:
        name = person.display_name
        parts.append(f"<p>Latest: {_WORDS[history[-1][1]]}.</p>")
        parts.append(_chart(name, history))
        parts.append(
            '<details class="closeness-table"><summary>The ratings as a table</summary>'
            '<div class="chart-table-wrap"><table class="chart-table">'
            f'<caption class="visually-hidden">Closeness to {escape(name)}, newest first'
            '</caption><thead><tr><th scope="col">Day</th><th scope="col">Closeness</th>'
            f"</tr></thead><tbody>{rating_rows(reversed(history))}</tbody></table></div>"
            "</details>"
        )
    else:
        parts.append('<p class="muted">No ratings yet. Now and then, pick the picture of two '
                     "circles that fits how close you feel; over months it draws a line "
                     "here.</p>")
    parts.append(f'<p><a href="{urls["closeness"]}">Rate how close you feel</a></p></section>')
    return mark_safe("\n".join(parts))  # noqa: S308 - every outside value above is escaped


def _chart(name: str, history: Sequence[tuple[date, int]]) -> str:
    first, last = history[0], history[-1]
    count = len(history)
    return line_chart(
        points=[(day, float(value)) for day, value in history],
        y_min=1,
        y_max=CLOSENESS_MAX,
        y_ticks=[(1, "1"), (4, "4"), (7, "7")],
        title=f"How close you felt to {name} over time",  # escaped by line_chart
        desc=(
            (f"{count} ratings from {_day(first[0])} to {_day(last[0])}"
             if count > 1 else f"One rating, on {_day(last[0])}")
            + ", on a scale of 1 (the circles barely touch) to 7 (they almost fully "
            f"overlap). The latest is {last[1]}."
        ),
        chart_id="closeness-chart",
    )


def rating_rows(history: Iterable[tuple[date, int]]) -> str:
    """Return the <tr> rows of the closeness table, in the order given: day, then words."""
    return "".join([
        f'<tr><td><time datetime="{day.isoformat()}">{day.day} {_SHORT_MONTHS[day.month - 1]} '
        f"{day.year}</time></td><td>{_WORDS[value]}</td></tr>"
        for day, value in history
    ])
