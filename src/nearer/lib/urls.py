"""Our own URLs worked out once per process instead of a ``reverse()`` per row or visit.

``reverse()`` costs tens of microseconds; the answer only changes with the URLconf
and the script prefix, so both are part of the cache key. ``url_for`` is the plain
cached reverse; ``UrlPattern`` reverses once with placeholder ids and then fills in
each row's id by string replacement (ids are UUIDs or ints we made, never text a
person typed).
"""

from __future__ import annotations

import functools
import uuid

from django.urls import get_script_prefix, get_urlconf, register_converter, reverse
from django.urls.converters import get_converters

_PLACEHOLDER = uuid.UUID(int=0)
_PLACEHOLDER_TEXT = str(_PLACEHOLDER)


@functools.lru_cache(maxsize=1024)
def _reversed(name: str, args: tuple[object, ...], urlconf: str | None, prefix: str) -> str:
    return reverse(name, args=args, urlconf=urlconf)


def url_for(name: str, *args: object) -> str:
    """Return the path of the URL named ``name`` (e.g. "journal:new") with ``args``."""
    return _reversed(name, args, get_urlconf(), get_script_prefix())


@functools.lru_cache(maxsize=256)
def _pattern(name: str, kwarg: str, urlconf: str | None, prefix: str) -> str:
    return reverse(name, kwargs={kwarg: _PLACEHOLDER}, urlconf=urlconf)


class UrlPattern:
    """The path of a URL taking one UUID, e.g. ``UrlPattern("moments:edit", "moment_id")``.

    Make one per page or list (it reads the current URLconf once), then call it with
    each row's id.
    """

    __slots__ = ("_pattern",)

    def __init__(self, name: str, kwarg: str) -> None:
        self._pattern = _pattern(name, kwarg, get_urlconf(), get_script_prefix())

    def __call__(self, object_id: uuid.UUID | str) -> str:
        return self._pattern.replace(_PLACEHOLDER_TEXT, str(object_id))


class SignedTokenConverter:
    """A token made by Django's signing (payload:timestamp:signature), as in the email's
    confirming link and the reminders' unsubscribe link: anything else is a 404 before
    the view looks at it."""

    regex = "[A-Za-z0-9_.-]{1,300}:[A-Za-z0-9]{1,20}:[A-Za-z0-9_-]{1,100}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


def converter_register(name: str, converter: type) -> None:
    """Register a path converter once (a URLconf is imported again when tests change
    settings, and Django refuses a second registration of one name)."""
    if name not in get_converters():
        register_converter(converter, name)
