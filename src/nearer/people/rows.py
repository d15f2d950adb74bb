"""HTML for the people list, built in Python for speed (see journal/rows.py for why).

With hundreds of people, template includes and {% url %} per row would make the
list several times slower than a bare page; every value here goes through
``escape``. Page layout stays in templates.
"""

from __future__ import annotations

import functools
import html
import uuid
from collections.abc import Iterable

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString, mark_safe

from nearer.people.index import PersonSummary
from nearer.people.selectors import relationship_text

_PLACEHOLDER = str(uuid.UUID(int=0))


def escape(value: str) -> str:
    return html.escape(value, quote=True)


@functools.lru_cache(maxsize=8)
def _person_url_pattern(urlconf: str | None, prefix: str) -> str:
    return reverse("people:person", kwargs={"person_id": _PLACEHOLDER}, urlconf=urlconf)


def rhythm_text(rhythm_days: int | None, too_long_days: int | None) -> str:
    """Return e.g. "About every 7 days · too long after 14 days", or "" without a rhythm."""
    if rhythm_days is None:
        return ""
    every = "About every day" if rhythm_days == 1 else f"About every {rhythm_days} days"
    if too_long_days is None:
        return every
    return f"{every} · too long after {too_long_days} day{'s' if too_long_days != 1 else ''}"


def person_rows(people: Iterable[PersonSummary]) -> SafeString:
    """Return <li> rows: the name as a link, the full name when called otherwise,
    the relationship and the wished rhythm."""
    pattern = _person_url_pattern(get_urlconf(), get_script_prefix())
    parts = []
    for person in people:
        url = pattern.replace(_PLACEHOLDER, person.id)
        also = (
            f' <span class="muted">({escape(person.name)})</span>'
            if person.called and person.called != person.name
            else ""
        )
        meta = escape(relationship_text(person.relationship, person.relationship_label))
        rhythm = rhythm_text(person.rhythm_days, person.too_long_days)
        if rhythm:
            meta += f" · {rhythm}"
        parts.append(
            f'<li class="person-row"><a class="person-link" href="{url}">'
            f"{escape(person.display_name)}</a>{also}"
            f'<span class="person-meta">{meta}</span></li>'
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
