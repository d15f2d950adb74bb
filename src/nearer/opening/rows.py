"""HTML for the Opening up list, built in Python for speed.

The list (benchmarked at no more than three times a bare page) shows every share a
person has, about 150 after ten years; through the template engine each row's
include, filters and URL cost more than the rest of the page together. So the rows
are built through ``nearer.lib.html`` (every value escaped unless it is markup we
made), like ``moments/rows.py``.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from nearer.lib.dates import long_date
from nearer.lib.html import EMPTY, Markup, html, join
from nearer.lib.urls import UrlPattern
from nearer.opening.selectors import ShareView

# What a row shows of what I want to say: the start, like a journal entry's preview.
PREVIEW = 90
NO_ONE = "no one listed now"
WAITED = html(
    '<p class="small">This has waited a while. It\'s fine to keep it, share it, or let it go.</p>'
)


def _preview(text: str) -> str:
    """The first words of ``text``, cut with an ellipsis at PREVIEW characters."""
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


def _when(view: ShareView) -> Markup:
    share = view.share
    if share.shared_on is not None:
        verb, day = "shared", share.shared_on
    else:
        verb, day = "begun", timezone.localtime(share.created_at).date()
    return html(' · {} <time datetime="{}">{}</time>', verb, day.isoformat(), long_date(day))


def share_rows(views: Iterable[ShareView]) -> Markup:
    """Return one <li> a share: the start of its words (a link), with whom, when, and
    the gentle word on a share that has waited a while."""
    url = UrlPattern("opening:share", "share_id")
    rows = []
    for view in views:
        content = view.content
        if content is None:
            rows.append(
                html(
                    '<li class="card share-row"><p><a href="{}">This share could not be '
                    "opened</a></p></li>",
                    url(view.id),
                )
            )
            continue
        rows.append(
            html(
                '<li class="card share-row"><p><a href="{}">{}</a></p>'
                '<p class="small muted">With {}{}</p>{}</li>',
                url(view.id),
                _preview(content.text),
                view.names or NO_ONE,
                _when(view),
                WAITED if view.waited else EMPTY,
            )
        )
    return join(rows)
