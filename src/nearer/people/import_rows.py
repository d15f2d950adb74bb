"""HTML for the long lists of the import preview, built in Python.

A phone's file can hold thousands of contacts. The rows are built through
``nearer.lib.html`` (every value escaped); each possible duplicate's skip/merge
choice is Django's RadioSelect (``people.widgets.ImportOptions``), a template
render per row, so the preview view lists at most a page of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from nearer.lib.dates import MONTH_NAMES
from nearer.lib.html import EMPTY, Markup, html, join
from nearer.people.imports import Match, PendingPreview
from nearer.people.vcard import Card, CardDate, Problem
from nearer.people.widgets import ImportOptions

_KIND_WORDS = {"birthday": "birthday", "anniversary": "anniversary"}


def day_text(found: CardDate) -> str:
    """Return e.g. "birthday 12 April 1990" or "Name day 7 May"."""
    what = _KIND_WORDS.get(found.kind, found.label)
    year = f" {found.year}" if found.year else ""
    return f"{what} {found.day} {MONTH_NAMES[found.month - 1]}{year}"


def card_summary(card: Card) -> Markup:
    """Return what else a card holds, in words, or an empty string when only a name."""
    parts: list[Markup | str] = []
    if card.nickname:
        parts.append(html("called “{}”", card.nickname))
    parts.extend(day_text(found) for found in card.dates)
    if card.note:
        parts.append("a note")
    return join(parts, sep=", ")


def match_rows(preview: PendingPreview) -> Markup:
    """Return one fieldset per possible duplicate: skip (checked) or merge."""
    widget = ImportOptions()
    return join([_match_row(preview, match, widget) for match in preview.matches])


def _match_row(preview: PendingPreview, match: Match, widget: ImportOptions) -> Markup:
    card = preview.cards[match.card]
    field = f"m{match.card}"
    if match.other_card is not None:
        other = preview.cards[match.other_card]
        likeness = html(
            "looks like card {} in this file, <strong>{}</strong>", str(other.number), other.name
        )
        merge_words = f"Merge into card {other.number}"
    else:
        likeness = html("looks like <strong>{}</strong>, already in your people", match.person_name)
        merge_words = f"Merge into {match.person_name}: fill what is empty, add new dates"
    summary = card_summary(card)
    holds = (
        html('<p class="small muted import-holds">This card holds: {}.</p>', summary)
        if summary
        else EMPTY
    )
    widget.choices = [("skip", "Skip this card"), ("merge", merge_words)]
    return html(
        '<li><fieldset class="import-choice">'
        "<legend>Card {number}: <strong>{name}</strong> {likeness}</legend>"
        "{holds}{options}</fieldset></li>",
        number=str(card.number),
        name=card.name,
        likeness=likeness,
        holds=holds,
        # Django's widget escapes the labels; its answer is safe markup.
        options=widget.render(field, "skip"),
    )


def problem_rows(problems: Iterable[Problem]) -> Markup:
    """Return one list item per problem: where, the card's name if read, and why."""
    rows = []
    for problem in problems:
        where = f"Card {problem.number}" if problem.number else "The file"
        name = html(" ({})", problem.name) if problem.name else EMPTY
        outcome = (
            "not imported"
            if problem.skipped and problem.number
            else ("" if not problem.number else "imported with what could be read")
        )
        tail = f"; {outcome}" if outcome else ""
        rows.append(
            html("<li><strong>{}</strong>{}: {}{}.</li>", where, name, problem.reason, tail)
        )
    return join(rows)
