"""Navigation for the base layout: which section the current page belongs to."""

from __future__ import annotations

from django.http import HttpRequest

SECTIONS = ("today", "journal", "accounts")


def navigation(request: HttpRequest) -> dict[str, str]:
    """Return ``nav_section``: the app namespace of the page being shown."""
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match is not None else ""
    return {"nav_section": namespace if namespace in SECTIONS else ""}
