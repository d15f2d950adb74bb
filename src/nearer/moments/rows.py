"""HTML for lists of moments and the drifting view, built in Python for speed.

A person's page (benchmarked at no more than three times a bare page) lists their
latest moments; through Django's template engine with its includes and filters
each row cost more than the rest of the page. So the hot lists are built through
``nearer.lib.html`` (every value escaped unless it is markup we made), like
``journal/rows.py``. Forms use the widget classes of ``moments/widgets.py``.
"""

from __future__ import annotations

from collections.abc import Iterable

from nearer.lib.dates import MONTH_ABBREVIATIONS, long_date, short_date
from nearer.lib.html import EMPTY, Markup, html, join
from nearer.lib.urls import UrlPattern, url_for
from nearer.moments.nudges import STATUS_WORDS, DriftGroup, since_words
from nearer.moments.selectors import MomentView


def _details(moment: MomentView, *, leave_out: str | None) -> Markup:
    content = moment.content
    if content is None:
        return html('<p class="moment-unreadable">This moment could not be opened.</p>')
    parts = []
    others = [name for pid, name in moment.people if pid != leave_out]
    if others:
        also = leave_out is not None and len(others) < len(moment.people)
        prefix = "Also with" if also else "With"
        names = others[0] if len(others) == 1 else ", ".join(others[:-1]) + " and " + others[-1]
        parts.append(html('<p class="moment-with">{} {}</p>', prefix, names))
    meta = []
    if content.minutes:
        meta.append(html("<span>{} min</span>", str(content.minutes)))
    if content.closeness:
        meta.append(
            html(
                "<span>Felt: {} of 5, {}</span>",
                str(content.closeness),
                content.closeness_label.lower(),
            )
        )
    if content.opened_up:
        meta.append(html("<span>{}</span>", content.opened_up_said))
    if meta:
        parts.append(html('<p class="moment-meta">{}</p>', join(meta)))
    if content.kinds:
        tags = join(html('<span class="tag">{}</span>', label) for label in content.kind_labels)
        parts.append(
            html(
                '<p class="moment-kinds"><span class="visually-hidden">Kinds of closeness:</span>'
                "{}</p>",
                tags,
            )
        )
    if content.note:
        # Each line escaped, then joined with line breaks we made.
        note = join(content.note.split("\n"), sep="<br>")
        parts.append(html('<p class="moment-note">{}</p>', note))
    return join(parts)


def moment_rows(moments: Iterable[MomentView], *, leave_out: str | None = None) -> Markup:
    """Return <li> rows: day, how, who, details, note, and edit/delete links.

    ``leave_out`` is the id of the person whose page this is: their own name is
    not repeated, only the others who were there.
    """
    edit = UrlPattern("moments:edit", "moment_id")
    delete = UrlPattern("moments:delete", "moment_id")
    rows = []
    for moment in moments:
        content = moment.content
        day = moment.occurred_on
        head = html('<time datetime="{}">{}</time>', day.isoformat(), short_date(day))
        if content is not None:
            if content.time:
                head = html('{} <span class="muted">at {}</span>', head, content.time)
            head = html('{} <span class="moment-how">{}</span>', head, content.how_label)
        which = html('<span class="visually-hidden"> the moment of {}</span>', long_date(day))
        links = EMPTY
        if content is not None:
            links = html('<a href="{}">Edit{}</a> ', edit(moment.id), which)
        links = html('{}<a href="{}">Delete{}</a>', links, delete(moment.id), which)
        rows.append(
            html(
                '<li class="moment-row"><p class="moment-head">{}</p>{}'
                '<p class="moment-actions small">{}</p></li>',
                head,
                _details(moment, leave_out=leave_out),
                links,
            )
        )
    return join(rows)


def drift_sections(groups: Iterable[DriftGroup]) -> Markup:
    """Return one <section> per circle with people in it: name (a link), how long since
    the latest moment in words, the status in words (and colour), and a snooze."""
    person = UrlPattern("people:person", "person_id")
    # The three status marks, made once per list: most rows have one.
    marks = {
        status: html(
            '<span class="nudge-status status-{}"><span class="status-mark" '
            'aria-hidden="true"></span>{}</span>',
            status,
            words,
        )
        for status, words in STATUS_WORDS.items()
    }
    sections = []
    for group in groups:
        rows = group.rows
        if not rows:
            continue
        items: list[Markup] = []
        append = items.append
        for row in rows:
            days = row.days_since
            if days is None:
                words = "Never yet"
            elif days <= 0:
                words = "Today"
            elif days == 1:
                words = "Yesterday"
            else:
                words = f"{since_words(days)} ago"
            status = marks[row.status] if row.status else EMPTY
            quiet = EMPTY
            day = row.snoozed_until
            if day is not None:
                quiet = html(
                    '<span class="small muted">quiet until {} {}</span>',
                    str(day.day),
                    MONTH_ABBREVIATIONS[day.month - 1],
                )
            # One call for every row's name, whatever its state (the markup sweep
            # proves this one escape).
            append(
                html(
                    '<li class="drift-row"><a class="drift-name" href="{}">{}</a>'
                    '<span class="drift-since">{}</span>{}{}</li>',
                    person(row.person_id),
                    row.name,
                    words,
                    status,
                    quiet,
                )
            )
        sections.append(
            html(
                '<section class="drift-group" aria-labelledby="drift-{circle}">'
                '<h2 id="drift-{circle}">{label} <span class="muted small">({count})</span></h2>'
                '<ul class="plain-list drift-list">{items}</ul></section>',
                circle=group.circle,
                label=group.label,
                count=str(len(rows)),
                items=join(items),
            )
        )
    return join(sections)


_NAV_LINKS = (
    ("index", "moments:index", "All moments"),
    ("drifting", "moments:drifting", "Drifting apart"),
    ("people", "people:index", "People"),
)


def moments_nav(current: str) -> Markup:
    """Return the moments pages' own navigation, ``current`` ("index", "drifting") marked."""
    items = [html('<li><a class="button" href="{}">Log a moment</a></li>', url_for("moments:new"))]
    for key, name, words in _NAV_LINKS:
        here = html(' aria-current="page"') if key == current else EMPTY
        items.append(html('<li><a href="{}"{}>{}</a></li>', url_for(name), here, words))
    return html('<nav class="moments-nav" aria-label="Moments"><ul>{}</ul></nav>', join(items))
