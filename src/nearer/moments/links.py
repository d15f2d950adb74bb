"""Links from moments pages to a person's page, without a reverse() per row."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.urls import NoReverseMatch, reverse

_PLACEHOLDER = str(uuid.UUID(int=0))
# The People pages' name for one person's page; see people/urls.py.
PERSON_URL_NAME = "people:person"


def person_link() -> Callable[[str], str]:
    """Return a function giving the URL of a person's page from their id string.

    The pattern is worked out once per call, so a list of hundreds costs one
    reverse(). Before the person page exists, the function gives the People list.
    """
    try:
        pattern = reverse(PERSON_URL_NAME, kwargs={"person_id": _PLACEHOLDER})
    except NoReverseMatch:
        fallback = reverse("people:index")
        return lambda person_id: fallback
    return lambda person_id: pattern.replace(_PLACEHOLDER, person_id)


def person_url_parts() -> tuple[str, str]:
    """Return the URL of a person's page split around their id: ``head + id + tail``.

    For long lists, where even a ``str.replace`` per row shows. Before the person
    page exists, the People list and nothing.
    """
    try:
        pattern = reverse(PERSON_URL_NAME, kwargs={"person_id": _PLACEHOLDER})
    except NoReverseMatch:
        return reverse("people:index") + "#", ""
    head, _, tail = pattern.partition(_PLACEHOLDER)
    return head, tail
