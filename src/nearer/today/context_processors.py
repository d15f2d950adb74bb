"""What every page's layout needs: its section, its links, its style sheets.

The layout is on every page, so its links and static file names are worked out
once per process (per URL prefix) instead of by a dozen template tags per request.
"""

from __future__ import annotations

from functools import cache

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import get_script_prefix

from nearer.lib.html import EMPTY, Markup, html, join
from nearer.lib.urls import url_for

SECTIONS = ("today", "journal", "people", "opening", "checkins", "insights", "accounts")
# Apps whose pages live under another section of the main navigation: moments with
# People, scales with check-ins (together they are "Feelings"), the decks with
# Opening up, Together and its rituals with Insights (what you see together).
SECTION_OF = {
    "moments": "people",
    "scales": "checkins",
    "decks": "opening",
    "together": "insights",
    "rituals": "insights",
}
# The main navigation: (section, URL name, words, short words, icon), in order. The
# short words go under the icon in the phone's bottom bar, where six must fit 360 px;
# the full words are the link's name for everyone (the short ones are aria-hidden).
NAV = (
    ("today", "today:index", "Today", "Today", "today"),
    ("journal", "journal:index", "Journal", "Journal", "journal"),
    ("people", "people:index", "People", "People", "people"),
    ("checkins", "checkins:index", "Feelings", "Feelings", "feelings"),
    ("opening", "opening:index", "Opening up", "Opening", "opening"),
    ("insights", "insights:index", "Insights", "Insights", "insights"),
)
# The pages a grouped section holds, as a row of links under the header on its pages.
SUBNAV: dict[str, tuple[tuple[str, str], ...]] = {
    "people": (("people:index", "People"), ("moments:index", "Moments")),
    "checkins": (("checkins:index", "Check-ins"), ("scales:index", "Scales")),
    "insights": (
        ("insights:index", "Patterns"),
        ("insights:balance", "Balance"),
        ("insights:year", "Year in pixels"),
        ("together:index", "Together"),
    ),
}
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
        "account": url_for("accounts:settings"),
        "icons": static("nearer/icons.svg"),
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


def _icon(sprite: str, name: str) -> Markup:
    """One of our line icons from the sprite, hidden from assistive technology."""
    return html(
        '<svg class="icon" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        sprite,
        name,
    )


@cache
def _nav(prefix: str, current: str) -> Markup:
    """The main navigation's list with ``current`` marked as the page's section."""
    sprite = static("nearer/icons.svg")
    items = []
    for section, name, words, short, icon in NAV:
        here = html(' aria-current="page"') if section == current else ""
        label = (
            html('<span class="nav-words">{}</span>', words)
            if short == words
            # The bar's short words are shown on phones; the link's name stays whole.
            else html(
                '<span class="nav-words"><span class="nav-long">{}</span>'
                '<span class="nav-short" aria-hidden="true">{}</span></span>',
                words,
                short,
            )
        )
        link = html('<a href="{}"{}>{}{}</a>', url_for(name), here, _icon(sprite, icon), label)
        items.append(html("<li>{}</li>", link))
    return html("<ul>{}</ul>", join(items))


@cache
def _subnav(prefix: str, section: str, current: str) -> Markup:
    """The row of a grouped section's pages, ``current`` (a URL name) marked."""
    pages = SUBNAV.get(section)
    if not pages:
        return EMPTY
    # A page deeper in a part (a scale being taken, a moment being edited) marks that
    # part's link when no link is the page itself and only one link is of its app.
    if current not in (name for name, _words in pages):
        namespace = current.partition(":")[0]
        namespace = {"rituals": "together"}.get(namespace, namespace)  # Together's rituals
        same = [name for name, _words in pages if name.partition(":")[0] == namespace]
        current = same[0] if len(same) == 1 else current
    items = []
    for name, words in pages:
        here = html(' aria-current="page"') if name == current else ""
        items.append(html('<li><a href="{}"{}>{}</a></li>', url_for(name), here, words))
    return html(
        '<nav class="section-nav" aria-label="{}"><ul>{}</ul></nav>',
        _SECTION_WORDS[section],
        join(items),
    )


_SECTION_WORDS = {section: words for section, _name, words, _short, _icon in NAV}


def navigation(request: HttpRequest) -> dict[str, object]:
    """Return the section of the page being shown and the layout's links."""
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match is not None else ""
    namespace = SECTION_OF.get(namespace, namespace)
    section = namespace if namespace in SECTIONS else ""
    prefix = get_script_prefix()
    view = f"{match.namespace}:{match.url_name}" if match is not None else ""
    return {
        "nav_section": section,
        "layout_links": _links(prefix),
        "layout_head": _head(prefix),
        "layout_nav": _nav(prefix, section),
        "layout_subnav": _subnav(prefix, section, view),
        "layout_account_current": section == "accounts",
    }
