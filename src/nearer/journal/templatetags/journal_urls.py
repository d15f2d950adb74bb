"""``{% journal_url %}``: like ``{% url %}`` for our own links, remembered.

The journal's and check-ins' navigation and month links appear on every one of
their pages, and ``reverse()`` costs tens of microseconds each time; the cached
answer comes from ``nearer.lib.urls.url_for``.
"""

from __future__ import annotations

from django import template

from nearer.lib.urls import url_for

register = template.Library()


@register.simple_tag
def journal_url(name: str, *args: object) -> str:
    """Return the path of the URL named ``name`` (e.g. "journal:new") with ``args``."""
    return url_for(name, *args)
