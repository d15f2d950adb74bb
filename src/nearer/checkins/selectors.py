"""Reads for check-ins, always scoped to one person and opened with their vault.

A check-in that fails to open is shown as "could not be opened" instead of
breaking the page. The month page reads its rows with one plain SQL query and
opens only that month's check-ins (it is benchmarked).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from django.db import connection
from django.http import Http404

from nearer.accounts.models import User
from nearer.checkins.content import (
    ENERGY_WORDS,
    PLEASANTNESS_WORDS,
    CheckInContent,
    Emotion,
    QuadrantInfo,
    content_open,
)
from nearer.checkins.models import CheckIn
from nearer.lib.private import QuietRepr
from nearer.lib.sqlvalues import as_date, as_uuid, column
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

UNREADABLE = "This check-in could not be opened"


@dataclass(slots=True, repr=False)
class CheckInView(QuietRepr):
    """A check-in as pages show it; ``content`` is None when it won't open."""

    id: UUID
    local_date: date
    content: CheckInContent | None

    @property
    def readable(self) -> bool:
        return self.content is not None

    @property
    def emotion(self) -> Emotion | None:
        return self.content.emotion_info if self.content is not None else None

    @property
    def quadrant(self) -> QuadrantInfo | None:
        return self.content.quadrant if self.content is not None else None

    @property
    def time(self) -> str:
        return self.content.time if self.content is not None else ""

    @property
    def pleasantness_words(self) -> str:
        return PLEASANTNESS_WORDS[self.content.pleasantness] if self.content is not None else ""

    @property
    def energy_words(self) -> str:
        return ENERGY_WORDS[self.content.energy] if self.content is not None else ""


def _view(
    vault: Vault, checkin_id: UUID, local_date: date, sealed: bytes | memoryview
) -> CheckInView:
    try:
        content: CheckInContent | None = content_open(vault, checkin_id, sealed)
    except SealError:
        content = None
    return CheckInView(checkin_id, local_date, content)


def checkin_for(*, user: User, vault: Vault, checkin_id: UUID) -> CheckInView:
    """Return this person's check-in ``checkin_id``, opened; Http404 when it is not theirs."""
    row = (
        CheckIn.objects.filter(owner=user, id=checkin_id)
        .values_list("id", "local_date", "content")
        .first()
    )
    if row is None:
        raise Http404("No such check-in.")
    return _view(vault, *row)


def checkins_on_day(
    *, user: User, vault: Vault, day: date, limit: int, skip_latest: int = 0
) -> tuple[list[CheckInView], bool]:
    """Return up to ``limit`` of this person's check-ins of their day ``day``, opened,
    earliest first: the latest ones, after leaving out the ``skip_latest`` latest; and
    whether earlier ones remain.

    A day has no cap on check-ins, so its page shows a window of them: the page then
    costs the same with 5 or 600 check-ins on the day.
    """
    rows = list(
        CheckIn.objects.filter(owner=user, local_date=day)
        .order_by("-at")
        .values_list("id", "local_date", "content")[skip_latest : skip_latest + limit + 1]
    )
    return [_view(vault, *row) for row in reversed(rows[:limit])], len(rows) > limit


def checkins_recent(
    *, user: User, vault: Vault, limit: int = 30, offset: int = 0
) -> tuple[list[CheckInView], bool]:
    """Return up to ``limit`` check-ins, newest first, after ``offset``; and if more follow."""
    rows = list(
        CheckIn.objects.filter(owner=user)
        # By day first: the (owner, local_date, at) index then gives the order.
        .order_by("-local_date", "-at")
        .values_list("id", "local_date", "content")[offset : offset + limit + 1]
    )
    return [_view(vault, *row) for row in rows[:limit]], len(rows) > limit


def today_summary(*, user: User, vault: Vault, today: date) -> tuple[int, CheckInView | None]:
    """Return how many check-ins this person made on ``today`` and the latest one (opened).

    Only the latest is opened, whatever the count.
    """
    # Plain SQL, like the month page: Today asks on every visit, and the ORM's query
    # building cost more than the answer. Only the latest is opened.
    with connection.cursor() as cursor:
        cursor.execute(_today_sql(), [user.pk, today])
        rows = cursor.fetchall()
    if not rows:
        return 0, None
    checkin_id, sealed = rows[0][0], rows[0][1]
    latest = as_uuid(checkin_id)
    return len(rows), _view(vault, latest, today, sealed)


def _today_sql() -> str:
    """One day's check-ins of one person, newest first (few: a handful a day at most)."""
    quote = connection.ops.quote_name
    meta = CheckIn._meta
    col = {
        name: column(meta.model, name) for name in ("id", "local_date", "content", "owner", "at")
    }
    return (
        f"SELECT {col['id']}, {col['content']} FROM {quote(meta.db_table)} "  # noqa: S608
        f"WHERE {col['owner']} = %s AND {col['local_date']} = %s ORDER BY {col['at']} DESC"
    )


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """Return the first day of the month and the first day of the next one."""
    start = date(year, month, 1)
    end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return start, end


def _month_sql() -> str:
    """The month query, with names from the model and every value a parameter."""
    quote = connection.ops.quote_name
    meta = CheckIn._meta
    col = {
        name: column(meta.model, name) for name in ("id", "local_date", "content", "owner", "at")
    }
    return (
        f"SELECT {col['id']}, {col['local_date']}, {col['content']} "  # noqa: S608
        f"FROM {quote(meta.db_table)} WHERE {col['owner']} = %s "
        f"AND {col['local_date']} >= %s AND {col['local_date']} < %s "
        f"ORDER BY {col['local_date']}, {col['at']}"
    )


def _month_rows(user: User, start: date, end: date) -> Iterator[tuple[UUID, date, bytes]]:
    # Plain SQL: for a page of a few dozen rows the ORM's query building costs more
    # than the database's answer. SQLite gives UUIDs as hex text and dates as text.
    with connection.cursor() as cursor:
        cursor.execute(_month_sql(), [user.pk, start, end])
        for checkin_id, local_date, sealed in cursor.fetchall():
            yield as_uuid(checkin_id), as_date(local_date), sealed


def checkins_in_month(*, user: User, vault: Vault, year: int, month: int) -> list[CheckInView]:
    """Return this person's check-ins of the month, by day then time, opened."""
    start, end = month_bounds(year, month)
    return _views(vault, _month_rows(user, start, end))


def _views(vault: Vault, rows: Iterable[tuple[UUID, date, bytes]]) -> list[CheckInView]:
    views = []
    for checkin_id, local_date, sealed in rows:
        try:
            content: CheckInContent | None = content_open(vault, checkin_id, sealed)
        except SealError:
            content = None
        views.append(CheckInView(checkin_id, local_date, content))
    return views


def last_checkin_at(*, user: User) -> datetime | None:
    """Return when this person last checked in (nothing is opened)."""
    return CheckIn.objects.filter(owner=user).order_by("-at").values_list("at", flat=True).first()
