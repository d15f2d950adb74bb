"""Reads of scale results, always scoped to one person and opened with their vault.

A result that fails to open is kept out of trends and shown as "could not be
opened" on its own page, never a crash. The trends page needs every result of
ten years (hundreds of rows): it reads them from the sealed summary of scores
(summary.py), one blob, instead of opening each row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from django.http import Http404

from nearer.accounts.models import User
from nearer.lib.private import QuietRepr
from nearer.people.selectors import people_index
from nearer.scales.content import ResultContent, content_open
from nearer.scales.instruments import SCALES, Scale
from nearer.scales.models import ScaleResult
from nearer.scales.scoring import (
    Change,
    HelpLevel,
    change,
    help_level,
    reading,
    shown_range,
    shown_score,
)
from nearer.scales.summary import summary_open
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

# How many inner-circle people the help path names at most.
INNER_CIRCLE_NAMED = 3


@dataclass(frozen=True, slots=True, repr=False)
class ResultView(QuietRepr):
    """A result as pages show it; ``content`` is None when it won't open."""

    id: UUID
    taken_at: datetime
    taken_on: date
    content: ResultContent | None

    @property
    def readable(self) -> bool:
        return self.content is not None

    @property
    def scale(self) -> Scale | None:
        return self.content.scale if self.content else None

    @property
    def total(self) -> int | None:
        return self.content.total if self.content else None

    @property
    def shown(self) -> int | None:
        """The score people see (WHO-5 as a percentage)."""
        return shown_score(self.content.scale, self.content.total) if self.content else None

    @property
    def shown_range(self) -> tuple[int, int] | None:
        return shown_range(self.content.scale) if self.content else None

    @property
    def help_level(self) -> HelpLevel:
        return help_level(self.content.scale, self.content.total) if self.content else "none"

    @property
    def reading(self) -> str:
        return reading(self.content.scale, self.content.total) if self.content else ""

    def answered(self) -> list[tuple[str, str]]:
        """Return (item text, chosen answer label) pairs, in the scale's order."""
        if self.content is None:
            return []
        scale = self.content.scale
        return [
            (item.text, scale.label_of(answer))
            for item, answer in zip(scale.items, self.content.answers, strict=True)
        ]


def _open_or_none(
    vault: Vault, result_id: UUID, sealed: bytes | memoryview
) -> ResultContent | None:
    try:
        return content_open(vault, result_id, sealed)
    except SealError:
        return None


def result_for(*, user: User, vault: Vault, result_id: UUID) -> ResultView:
    """Return this person's result ``result_id``, opened; Http404 when it is not theirs."""
    row = (
        ScaleResult.objects.filter(owner=user, id=result_id)
        .values_list("id", "taken_at", "taken_on", "content")
        .first()
    )
    if row is None:
        raise Http404("No such result.")
    result_id, taken_at, taken_on, sealed = row
    return ResultView(result_id, taken_at, taken_on, _open_or_none(vault, result_id, sealed))


def result_exists(*, user: User, result_id: UUID) -> bool:
    """Return True when this person has a result with this id (nothing is opened)."""
    return ScaleResult.objects.filter(owner=user, id=result_id).exists()


def previous_of(*, user: User, vault: Vault, result: ResultView) -> ResultView | None:
    """Return the person's latest result of the same scale taken before ``result``.

    Results of the three scales interleave, so this opens a handful of rows at most
    in practice; it stops at the first match.
    """
    if result.content is None:
        return None
    wanted = result.content.scale.key
    rows = (
        ScaleResult.objects.filter(owner=user, taken_at__lt=result.taken_at)
        .order_by("-taken_at")
        .values_list("id", "taken_at", "taken_on", "content")
    )
    for result_id, taken_at, taken_on, sealed in rows.iterator(chunk_size=20):
        content = _open_or_none(vault, result_id, sealed)
        if content is not None and content.scale.key == wanted:
            return ResultView(result_id, taken_at, taken_on, content)
    return None


def change_since(previous: ResultView | None, result: ResultView) -> Change | None:
    """Return the change from ``previous`` to ``result`` (None without both)."""
    if previous is None or previous.content is None or result.content is None:
        return None
    return change(result.content.scale, previous.content.total, result.content.total)


def results_recent(*, user: User, vault: Vault, limit: int = 6) -> list[ResultView]:
    """Return this person's ``limit`` newest results, opened."""
    rows = (
        ScaleResult.objects.filter(owner=user)
        .order_by("-taken_at")
        .values_list("id", "taken_at", "taken_on", "content")[:limit]
    )
    return [
        ResultView(result_id, taken_at, taken_on, _open_or_none(vault, result_id, sealed))
        for result_id, taken_at, taken_on, sealed in rows
    ]


# --- Trends: every result, from the summary ---------------------------------------------


@dataclass(slots=True, repr=False)
class Point(QuietRepr):
    """One result on a trend: its id (as text), local date, raw total and the score
    people see (WHO-5 as a percentage), worked out once for the chart and table.

    Not frozen: hundreds are made per page, and a frozen dataclass takes about four
    times as long to make. Nothing changes them after ``trends_for``.
    """

    id: str
    taken_on: date
    total: int
    shown: int


@dataclass(frozen=True, slots=True, repr=False)
class Trends(QuietRepr):
    """Every readable result of a person by scale key (oldest first); ``unreadable`` counts
    those that would not open."""

    points: dict[str, list[Point]]
    unreadable: int


# The shown score of every possible total, per scale: a list lookup per point.
_SHOWN: dict[str, list[int]] = {
    scale.key: [shown_score(scale, total) for total in range(scale.max_score + 1)]
    for scale in SCALES
}


def trends_for(*, user: User, vault: Vault) -> Trends:
    """Return every result of this person grouped by scale, oldest first.

    Read from the sealed summary: one blob opened instead of hundreds of rows. Its
    totals were scored when each result was saved (or when the summary was rebuilt
    from the rows, which scores the answers again), so a trend only shows valid
    totals; results that would not open at the last rebuild are counted apart.
    """
    summary = summary_open(user=user, vault=vault)
    points: dict[str, list[Point]] = {scale.key: [] for scale in SCALES}
    shown = _SHOWN
    days = map(date.fromordinal, summary.days)
    for result_id, day, key, total in zip(
        summary.ids, days, summary.keys, summary.totals, strict=True
    ):
        points[key].append(Point(result_id, day, total, shown[key][total]))
    return Trends(points=points, unreadable=len(summary.unreadable))


def results_count(*, user: User) -> int:
    return ScaleResult.objects.filter(owner=user).count()


# --- People to reach out to ------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False)
class Someone(QuietRepr):
    """A person from the inner circle, as the help path names them."""

    id: str
    name: str


def inner_circle(*, user: User, vault: Vault, limit: int = INNER_CIRCLE_NAMED) -> list[Someone]:
    """Return up to ``limit`` people from this person's inner circle, or [] if their
    people index will not open."""
    try:
        people = people_index(user=user, vault=vault)
    except Exception:  # the help path must show even if People fails
        return []
    found: list[Someone] = []
    for key, summary in people.items():
        if summary.circle != "inner":
            continue
        if summary.display_name:
            found.append(Someone(id=key, name=summary.display_name))
        if len(found) >= limit:
            break
    return found
