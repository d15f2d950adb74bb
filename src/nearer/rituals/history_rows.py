"""The earlier questions' list, built with lib/html: one call a day, not a template
loop over twenty days (the page's largest cost)."""

from __future__ import annotations

from collections.abc import Iterable

from nearer.lib.html import EMPTY, Markup, html, join
from nearer.rituals.selectors import DayView

CANT_READ = html('<p class="muted">Your answer can\'t be read.</p>')
ONLY_YOU = html('<p class="muted">Only you answered this one.</p>')


def _yours(day: DayView) -> Markup:
    if day.mine is None:
        return CANT_READ
    return html("<p><strong>You:</strong> {}</p>", day.mine.answer)


def _theirs(day: DayView, partner: str) -> Markup:
    if day.theirs is None:
        return EMPTY if day.both else ONLY_YOU
    replies = []
    if day.theirs.reply:
        replies.append(html('<p class="muted">{} replied: {}</p>', partner, day.theirs.reply))
    if day.mine is not None and day.mine.reply:
        replies.append(html('<p class="muted">You replied: {}</p>', day.mine.reply))
    return html("<p><strong>{}:</strong> {}</p>{}", partner, day.theirs.answer, join(replies))


def history_items(days: Iterable[DayView], partner: str) -> Markup:
    """One <li> a day: its date, its question, both answers and replies (the
    partner's only once both answered), or what can't be shown."""
    return join(
        html(
            '<li class="card"><h2 class="small">{}</h2><p class="prompt-text">{}</p>{}{}</li>',
            day.label,
            day.question.text,
            _yours(day),
            _theirs(day, partner),
        )
        for day in days
    )
