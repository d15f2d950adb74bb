"""HTML for the Opening up list, built in Python for speed.

The list (benchmarked at no more than three times a bare page) shows every share a
person has, about 150 after ten years; through the template engine each row's
include, filters and URL cost more than the rest of the page together. So the rows
are built through ``nearer.lib.html`` (every value escaped unless it is markup we
made), like ``moments/rows.py``: one ``html()`` call a row.
"""

from __future__ import annotations

from collections.abc import Iterable

from nearer.lib.dates import long_date
from nearer.lib.html import EMPTY, Markup, html, join
from nearer.lib.urls import UrlPattern
from nearer.opening.selectors import ListedShare
from nearer.opening.shown import preview

NO_ONE = "no one listed now"
WAITED = html(
    '<p class="small">This has waited a while. It\'s fine to keep it, share it, or let it go.</p>'
)


def share_rows(views: Iterable[ListedShare]) -> Markup:
    """Return one <li> a share: the start of its words (a link), with whom, when, and
    the gentle word on a share that has waited a while."""
    url = UrlPattern("opening:share", "share_id")
    rows = []
    for view in views:
        if view.text is None:
            rows.append(
                html(
                    '<li class="card share-row"><p><a href="{}">This share could not be '
                    "opened</a></p></li>",
                    url(view.id),
                )
            )
            continue
        day = view.day
        rows.append(
            html(
                '<li class="card share-row"><p><a href="{}">{}</a></p>'
                '<p class="small muted">With {} · {} <time datetime="{}">{}</time></p>{}</li>',
                url(view.id),
                preview(view.text),
                view.names or NO_ONE,
                "begun" if view.shared_on is None else "shared",
                day.isoformat(),
                long_date(day),
                WAITED if view.waited else EMPTY,
            )
        )
    return join(rows)
