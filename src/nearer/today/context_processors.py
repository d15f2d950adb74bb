"""Navigation for the base layout: which section the current page belongs to."""

from __future__ import annotations

from django.http import HttpRequest

SECTIONS = ("today", "journal", "people", "checkins", "accounts")
# Apps whose pages live under another section of the main navigation.
SECTION_OF = {"moments": "people", "scales": "checkins"}


def navigation(request: HttpRequest) -> dict[str, str]:
    """Return ``nav_section``: the app namespace of the page being shown."""
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match is not None else ""
    namespace = SECTION_OF.get(namespace, namespace)
    return {"nav_section": namespace if namespace in SECTIONS else ""}
