"""What every page's layout needs: its section, its links, its style sheets.

The layout is on every page, so its links and static file names are worked out
once per process (per URL prefix) instead of by a dozen template tags per request.
"""

from __future__ import annotations

from functools import cache
from html import escape

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe

SECTIONS = ("today", "journal", "people", "checkins", "accounts")
# Apps whose pages live under another section of the main navigation.
SECTION_OF = {"moments": "people", "scales": "checkins"}
# The main navigation: (section, URL name, words), in order.
NAV = (
    ("today", "today:index", "Today"),
    ("journal", "journal:index", "Journal"),
    ("people", "people:index", "People"),
    ("checkins", "checkins:index", "Check-ins"),
    ("accounts", "accounts:settings", "Account"),
)
# One sheet per part of the app, so each part's look lives beside its owner.
STYLESHEETS = ("nearer.css", "people.css", "moments.css", "checkins.css", "scales.css")


@cache
def _links(prefix: str) -> dict[str, str]:
    """The layout's own URLs under the script ``prefix``."""
    return {
        "today": reverse("today:index"),
        "help": reverse("help"),
        "logout": reverse("accounts:logout"),
        "script": static("nearer/nearer.js"),
    }


@cache
def _head(prefix: str) -> SafeString:
    """The style sheet and icon links of every page (URLs are ours, escaped anyway)."""
    sheets = [
        f'<link rel="stylesheet" href="{escape(static("nearer/" + name))}">'
        for name in STYLESHEETS
    ]
    icon = escape(static("nearer/icon.svg"))
    sheets.append(f'<link rel="icon" href="{icon}" type="image/svg+xml">')
    return mark_safe("\n  ".join(sheets))  # noqa: S308 - our own static URLs, escaped


@cache
def _nav(prefix: str, current: str) -> SafeString:
    """The main navigation's list with ``current`` marked as the page's section."""
    items = []
    for section, name, words in NAV:
        mark = ' aria-current="page"' if section == current else ""
        items.append(f'<li><a href="{escape(reverse(name))}"{mark}>{words}</a></li>')
    return mark_safe("<ul>" + "".join(items) + "</ul>")  # noqa: S308 - our own words and URLs


def navigation(request: HttpRequest) -> dict[str, object]:
    """Return the section of the page being shown and the layout's links."""
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match is not None else ""
    namespace = SECTION_OF.get(namespace, namespace)
    section = namespace if namespace in SECTIONS else ""
    prefix = get_script_prefix()
    return {
        "nav_section": section,
        "layout_links": _links(prefix),
        "layout_head": _head(prefix),
        "layout_nav": _nav(prefix, section),
    }
