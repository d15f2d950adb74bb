"""HTML for the people list, built in Python for speed (see journal/rows.py for why).

With hundreds of people, template includes and {% url %} per row would make the
list several times slower than a bare page; every row goes through
``nearer.lib.html`` (every value escaped). Page layout stays in templates.
"""

from __future__ import annotations

from collections.abc import Iterable

from nearer.lib.html import Markup, html, join
from nearer.lib.urls import UrlPattern
from nearer.people.index import PersonSummary
from nearer.people.selectors import relationship_text


def rhythm_text(rhythm_days: int | None, too_long_days: int | None) -> str:
    """Return e.g. "About every 7 days · too long after 14 days", or "" without a rhythm."""
    if rhythm_days is None:
        return ""
    every = "About every day" if rhythm_days == 1 else f"About every {rhythm_days} days"
    if too_long_days is None:
        return every
    return f"{every} · too long after {too_long_days} day{'s' if too_long_days != 1 else ''}"


def person_rows(people: Iterable[PersonSummary]) -> Markup:
    """Return <li> rows: the name as a link, the full name when called otherwise,
    the relationship and the wished rhythm."""
    url = UrlPattern("people:person", "person_id")
    parts: list[Markup] = []
    append = parts.append
    for person in people:
        meta = relationship_text(person.relationship, person.relationship_label)
        rhythm = rhythm_text(person.rhythm_days, person.too_long_days)
        if rhythm:
            meta = f"{meta} · {rhythm}"
        # One html() per row (two literal templates): the list is benchmarked.
        if person.called and person.called != person.name:
            append(
                html(
                    '<li class="person-row"><a class="person-link" href="{}">{}</a> '
                    '<span class="muted">({})</span><span class="person-meta">{}</span></li>',
                    url(person.id),
                    person.display_name,
                    person.name,
                    meta,
                )
            )
        else:
            append(
                html(
                    '<li class="person-row"><a class="person-link" href="{}">{}</a>'
                    '<span class="person-meta">{}</span></li>',
                    url(person.id),
                    person.display_name,
                    meta,
                )
            )
    return join(parts)
