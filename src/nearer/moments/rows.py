"""HTML for lists of moments, built in Python for speed.

A person's page (benchmarked at no more than three times a bare page) lists their
latest moments; through Django's template engine with its includes and filters
each row cost more than the rest of the page. So the one hot partial is plain
string building, like ``journal/rows.py``, with every value escaped.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString, mark_safe

from nearer.journal.rows import MONTH_NAMES, escape, short_date
from nearer.moments.nudges import DriftGroup, DriftRow
from nearer.moments.selectors import MomentView

_PLACEHOLDER = uuid.UUID(int=0)
_PLACEHOLDER_TEXT = str(_PLACEHOLDER)


@functools.lru_cache(maxsize=8)
def _patterns(urlconf: str | None, prefix: str) -> tuple[str, str]:
    kwargs = {"moment_id": _PLACEHOLDER}
    return (
        reverse("moments:edit", kwargs=kwargs, urlconf=urlconf),
        reverse("moments:delete", kwargs=kwargs, urlconf=urlconf),
    )


def _long_date(moment: MomentView) -> str:
    day = moment.occurred_on
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _details(moment: MomentView, *, leave_out: str | None) -> str:
    content = moment.content
    if content is None:
        return '<p class="moment-unreadable">This moment could not be opened.</p>'
    parts = []
    others = [name for pid, name in moment.people if pid != leave_out]
    if others:
        also = leave_out is not None and len(others) < len(moment.people)
        prefix = "Also with" if also else "With"
        names = others[0] if len(others) == 1 else ", ".join(others[:-1]) + " and " + others[-1]
        parts.append(f'<p class="moment-with">{prefix} {escape(names)}</p>')
    meta = []
    if content.minutes:
        meta.append(f"<span>{content.minutes} min</span>")
    if content.closeness:
        felt = escape(content.closeness_label.lower())
        meta.append(f"<span>Felt: {content.closeness} of 5, {felt}</span>")
    if content.opened_up:
        meta.append(f"<span>Opened up: {escape(content.opened_up_label.lower())}</span>")
    if meta:
        parts.append(f'<p class="moment-meta">{"".join(meta)}</p>')
    if content.kinds:
        tags = "".join(f'<span class="tag">{escape(label)}</span>' for label in content.kind_labels)
        parts.append(
            f'<p class="moment-kinds"><span class="visually-hidden">Kinds of closeness:</span>'
            f"{tags}</p>"
        )
    if content.note:
        note = escape(content.note).replace("\n", "<br>")
        parts.append(f'<p class="moment-note">{note}</p>')
    return "".join(parts)


def moment_rows(moments: Iterable[MomentView], *, leave_out: str | None = None) -> SafeString:
    """Return <li> rows: day, how, who, details, note, and edit/delete links.

    ``leave_out`` is the id of the person whose page this is: their own name is
    not repeated, only the others who were there.
    """
    edit, delete = _patterns(get_urlconf(), get_script_prefix())
    html = []
    for moment in moments:
        content = moment.content
        iso = moment.occurred_on.isoformat()
        head = f'<time datetime="{iso}">{short_date(moment.occurred_on)}</time>'
        if content is not None:
            if content.time:
                head += f' <span class="muted">at {escape(content.time)}</span>'
            head += f' <span class="moment-how">{escape(content.how_label)}</span>'
        ident = str(moment.id)
        which = f'<span class="visually-hidden"> the moment of {_long_date(moment)}</span>'
        links = ""
        if content is not None:
            links += f'<a href="{edit.replace(_PLACEHOLDER_TEXT, ident)}">Edit{which}</a> '
        links += f'<a href="{delete.replace(_PLACEHOLDER_TEXT, ident)}">Delete{which}</a>'
        html.append(
            f'<li class="moment-row"><p class="moment-head">{head}</p>'
            f"{_details(moment, leave_out=leave_out)}"
            f'<p class="moment-actions small">{links}</p></li>'
        )
    return mark_safe("".join(html))  # noqa: S308 - every value above is escaped


def drift_sections(groups: Iterable[tuple[DriftGroup, list[tuple[DriftRow, str]]]]) -> SafeString:
    """Return one <section> per circle with people in it: name (a link), how long since
    the latest moment in words, the status in words (and colour), and a snooze."""
    html = []
    for group, rows in groups:
        if not rows:
            continue
        items = []
        for row, url in rows:
            since = row.since
            if row.days_since is None:
                words = "Never yet"
            elif since in ("today", "yesterday"):
                words = since.capitalize()
            else:
                words = f"{since} ago"
            status = ""
            if row.status:
                status = (
                    f'<span class="nudge-status status-{row.status}"><span class="status-mark" '
                    f'aria-hidden="true"></span>{row.status_words}</span>'
                )
            quiet = ""
            if row.snoozed_until is not None:
                day = row.snoozed_until
                quiet = (f'<span class="small muted">quiet until {day.day} '
                         f"{MONTH_NAMES[day.month - 1][:3]}</span>")
            items.append(
                f'<li class="drift-row"><a class="drift-name" href="{escape(url)}">'
                f'{escape(row.name)}</a><span class="drift-since">{words}</span>'
                f"{status}{quiet}</li>"
            )
        anchor = f"drift-{escape(group.circle)}"
        html.append(
            f'<section class="drift-group" aria-labelledby="{anchor}">'
            f'<h2 id="{anchor}">{escape(group.label)} <span class="muted small">({len(rows)})'
            f'</span></h2><ul class="plain-list drift-list">{"".join(items)}</ul></section>'
        )
    return mark_safe("".join(html))  # noqa: S308 - every value above is escaped
