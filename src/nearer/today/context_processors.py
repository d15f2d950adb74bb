"""What every page's layout needs: its section, its links, its style sheets.

The layout is on every page, so its links and static file names are worked out
once per process (per URL prefix) instead of by a dozen template tags per request.
"""

from __future__ import annotations

from functools import cache

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import get_script_prefix

from nearer.lib.html import Markup, html, join
from nearer.lib.urls import url_for

SECTIONS = ("today", "journal", "people", "opening", "checkins", "together", "insights", "accounts")
# Apps whose pages live under another section of the main navigation.
SECTION_OF = {
    "moments": "people",
    "scales": "checkins",
    "decks": "opening",
    "rituals": "together",
}
# The main navigation: (section, URL name, words), in order.
NAV = (
    ("today", "today:index", "Today"),
    ("journal", "journal:index", "Journal"),
    ("people", "people:index", "People"),
    ("opening", "opening:index", "Opening up"),
    ("checkins", "checkins:index", "Check-ins"),
    ("together", "together:index", "Together"),
    ("insights", "insights:index", "Insights"),
    ("accounts", "accounts:settings", "Account"),
)
# One style sheet for every page (one request, compressed by WhiteNoise); each part
# of the app has its own marked section in it.
STYLESHEETS = ("nearer.css",)


@cache
def _links(prefix: str) -> dict[str, str]:
    """The layout's own URLs under the script ``prefix``."""
    return {
        "today": url_for("today:index"),
        "help": url_for("help"),
        "logout": url_for("accounts:logout"),
        "script": static("nearer/nearer.js"),
    }


@cache
def _head(prefix: str) -> Markup:
    """The style sheet and icon links of every page (URLs are ours, escaped anyway)."""
    sheets = [
        html('<link rel="stylesheet" href="{}">', static("nearer/" + name)) for name in STYLESHEETS
    ]
    sheets.append(
        html('<link rel="icon" href="{}" type="image/svg+xml">', static("nearer/icon.svg"))
    )
    return join(sheets, "\n  ")


@cache
def _nav(prefix: str, current: str) -> Markup:
    """The main navigation's list with ``current`` marked as the page's section."""
    items = [
        html('<li><a href="{}" aria-current="page">{}</a></li>', url_for(name), words)
        if section == current
        else html('<li><a href="{}">{}</a></li>', url_for(name), words)
        for section, name, words in NAV
    ]
    return html("<ul>{}</ul>", join(items))


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
