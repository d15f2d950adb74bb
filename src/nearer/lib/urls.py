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

from django.urls import get_script_prefix, get_urlconf, reverse

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
