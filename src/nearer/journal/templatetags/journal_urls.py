"""``{% journal_url %}``: like ``{% url %}`` for the journal's own links, remembered.

The journal's navigation and month links appear on every journal page, and
``reverse()`` costs tens of microseconds each time; the answers never change while
the URLconf and script prefix stay the same, so they are kept.
"""

from __future__ import annotations

import functools

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@functools.lru_cache(maxsize=1024)
def _reversed(name: str, args: tuple[object, ...], urlconf: str | None, prefix: str) -> str:
    return reverse(name, args=args, urlconf=urlconf)


@register.simple_tag
def journal_url(name: str, *args: object) -> str:
    """Return the path of the URL named ``name`` (e.g. "journal:new") with ``args``."""
    return _reversed(name, args, get_urlconf(), get_script_prefix())
