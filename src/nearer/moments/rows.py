"""HTML for lists of moments, built in Python for speed.

A person's page (benchmarked at no more than three times a bare page) lists their
latest moments; through Django's template engine with its includes and filters
each row cost more than the rest of the page. So the one hot partial is plain
string building, like ``journal/rows.py``, with every value escaped.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from django.forms import BoundField
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString, mark_safe

from nearer.journal.rows import MONTH_NAMES, escape, short_date
from nearer.moments.nudges import DriftGroup, since_words
from nearer.moments.selectors import MomentView
from nearer.people.content import CIRCLES
from nearer.people.index import PersonSummary

# Circles folded into a <details> on the pickers when closer ones are listed too.
FOLDED_CIRCLES = frozenset({"wider"})

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


def drift_sections(groups: Iterable[DriftGroup], *, person_url: tuple[str, str]) -> SafeString:
    """Return one <section> per circle with people in it: name (a link), how long since
    the latest moment in words, the status in words (and colour), and a snooze.

    ``person_url`` is the path of a person's page split around their id (our own
    reversed path: placed as it is, with the row's UUID between, not escaped).
    """
    head, tail = person_url
    html = []
    for group in groups:
        rows = group.rows
        if not rows:
            continue
        items = []
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
                f'<li class="drift-row"><a class="drift-name" href="{head}{row.person_id}{tail}">'
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


def _chosen(field: BoundField) -> set[str]:
    value = field.value()
    if value is None or value == "":
        return set()
    if isinstance(value, (list, tuple)):
        return {str(item) for item in value}
    return {str(value)}


def _options(field: BoundField) -> Iterator[tuple[str, str, str]]:
    """Yield (value, label, the <label> holding its input) for each choice of ``field``.

    The same names, values, ids and attributes as Django's RadioSelect and
    CheckboxSelectMultiple (``required`` on required radio groups, ``aria-invalid``
    with errors), built without a template per option.
    """
    widget: Any = field.field.widget
    kind = "radio" if widget.input_type == "radio" else "checkbox"
    chosen = _chosen(field)
    name, auto_id = escape(field.html_name), escape(field.auto_id or "")
    extra = ""
    if kind == "radio" and field.field.required and field.form.use_required_attribute:
        extra += " required"
    if field.errors:
        extra += ' aria-invalid="true"'
    choices: Any = field.field.choices  # type: ignore[attr-defined]
    for index, (value, label) in enumerate(choices):
        key = str(value)
        checked = " checked" if key in chosen else ""
        option = f"{auto_id}_{index}"
        yield key, str(label), (
            f'<label class="choice" for="{option}"><input type="{kind}" name="{name}" '
            f'value="{escape(key)}" id="{option}"{extra}{checked}><span>{escape(str(label))}'
            "</span></label>"
        )


def _group(field: BoundField, body: str, *, css: str = "") -> str:
    errors = field.errors
    auto_id = escape(field.auto_id or "")
    invalid = " field-invalid" if errors else ""
    described = f' aria-describedby="{auto_id}_error"' if errors else ""
    html = [f'<fieldset class="choice-group{css}{invalid}"{described}>'
            f"<legend>{escape(str(field.label))}</legend>"]
    if field.help_text:
        html.append(f'<p class="help">{escape(str(field.help_text))}</p>')
    html.append(body)
    if errors:
        messages = "".join(f"<p>{escape(str(error))}</p>" for error in errors)
        html.append(f'<div class="errors" id="{auto_id}_error">{messages}</div>')
    html.append("</fieldset>")
    return "".join(html)


def choice_group(field: BoundField, *, big: bool = False) -> SafeString:
    """Return a radio or checkbox field as a fieldset with a legend and pill choices.

    What moments/_choice_group.html renders, in Python: through Django's widget
    templates each option cost a template render, and a form has dozens.
    """
    options = "".join(html for _key, _label, html in _options(field))
    body = f'<div class="choices">{options}</div>'
    return mark_safe(_group(field, body, css=" choices-big" if big else ""))  # noqa: S308


def people_picker(field: BoundField, people: Mapping[str, PersonSummary]) -> SafeString:
    """Return the "who were you with?" checkboxes, grouped by circle, for ``field``.

    With hundreds of people, Django's widget templates took tens of milliseconds
    for this one field, so it is built here, every value escaped. Real checkboxes
    (as Django's CheckboxSelectMultiple renders them) in a fieldset per circle,
    each with a legend; the wider circle folds into a <details> (open when someone
    in it is ticked) so a phone page stays short.
    """
    groups: dict[str, list[str]] = {key: [] for key, _ in CIRCLES}
    ticked: set[str] = set()
    chosen = _chosen(field)
    for key, _label, html in _options(field):
        person = people.get(key)
        circle: str = person.circle if person is not None and person.circle in groups else "close"
        if key in chosen:
            ticked.add(circle)
        groups[circle].append(html)
    labels: dict[str, str] = dict(CIRCLES)
    closer = any(groups[key] for key in groups if key not in FOLDED_CIRCLES)
    body = []
    for group_key, options in groups.items():
        if not options:
            continue
        label = escape(labels[group_key])
        count = f' <span class="muted small">({len(options)})</span>'
        group = f'<div class="choices">{"".join(options)}</div>'
        if group_key in FOLDED_CIRCLES and closer:
            opened = " open" if group_key in ticked else ""
            body.append(
                f'<details class="people-fold"{opened}><summary>{label}{count}</summary>'
                f'<fieldset class="people-circle"><legend class="visually-hidden">{label}'
                f"</legend>{group}</fieldset></details>"
            )
        else:
            body.append(f'<fieldset class="people-circle"><legend>{label}{count}</legend>'
                        f"{group}</fieldset>")
    return mark_safe(_group(field, "".join(body), css=" people-picker"))  # noqa: S308


@functools.lru_cache(maxsize=16)
def _nav(urlconf: str | None, prefix: str, current: str) -> SafeString:
    links = (
        ("index", "moments:index", "All moments"),
        ("drifting", "moments:drifting", "Drifting apart"),
        ("people", "people:index", "People"),
    )
    items = [f'<li><a class="button" href="{escape(reverse("moments:new", urlconf=urlconf))}">'
             "Log a moment</a></li>"]
    for key, name, words in links:
        here = ' aria-current="page"' if key == current else ""
        href = escape(reverse(name, urlconf=urlconf))
        items.append(f'<li><a href="{href}"{here}>{words}</a></li>')
    return mark_safe(  # noqa: S308 - our own words and escaped paths
        f'<nav class="moments-nav" aria-label="Moments"><ul>{"".join(items)}</ul></nav>'
    )


def moments_nav(current: str) -> SafeString:
    """Return the moments pages' own navigation, ``current`` ("index", "drifting") marked.

    Built once per process: the lists that show it are benchmarked.
    """
    return _nav(get_urlconf(), get_script_prefix(), current)
