"""Nudges: who is near or past their wished rhythm of connection, and how long it has been.

A person's clock counts whole days from their latest moment together
(``Person.last_moment_on``), or, if there has been none yet, from the day they
were added. With a rhythm of "about every N days" (the ideal) and a "too long"
point T:

- **soon**: the ideal is near — at most ``SOON_DAYS`` (2) days before it. For
  short rhythms the window is a third of the rhythm at most, so someone seen
  yesterday with a rhythm of three days is not already "soon".
- **due**: at or past the ideal (days since >= N).
- **overdue**: at or past the too-long point (days since >= T). When no too-long
  point is set, it is twice the ideal.

A snoozed person (``snoozed_until`` after today) is left out until that day comes;
archived people and people without a rhythm are never nudged. Everything here
reads only clear dates and the one sealed people index, so Today stays fast with
hundreds of people.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Any, Literal, NamedTuple

from django.db import connection
from django.utils.dateparse import parse_datetime

from nearer.accounts.models import User
from nearer.lib.sqlvalues import column
from nearer.lib.text import fold
from nearer.people.content import CIRCLES
from nearer.people.index import (
    ARCHIVED,
    CALLED,
    CIRCLE,
    NAME,
    RHYTHM_DAYS,
    TOO_LONG_DAYS,
    PeopleRows,
    PersonSummary,
)
from nearer.people.models import Person

SOON_DAYS = 2

Status = Literal["soon", "due", "overdue"]
STATUS_WORDS: dict[str, str] = {"soon": "Soon", "due": "Due", "overdue": "Overdue"}
STATUS_RANK: dict[str, int] = {"overdue": 0, "due": 1, "soon": 2}
CIRCLE_RANK: dict[str, int] = {key: rank for rank, (key, _) in enumerate(CIRCLES)}


def too_long_point(rhythm_days: int, too_long_days: int | None) -> int:
    """Return the day count at which a rhythm of ``rhythm_days`` is overdue."""
    if too_long_days is None:
        return rhythm_days * 2
    return max(too_long_days, rhythm_days)


def status_for(
    days_since: int, rhythm_days: int | None, too_long_days: int | None
) -> Status | None:
    """Return soon / due / overdue for a clock of ``days_since`` days, or None (fine)."""
    if rhythm_days is None or rhythm_days < 1:
        return None
    if days_since >= too_long_point(rhythm_days, too_long_days):
        return "overdue"
    if days_since >= rhythm_days:
        return "due"
    if days_since >= rhythm_days - min(SOON_DAYS, rhythm_days // 3):
        return "soon"
    return None


def since_words(days: int | None) -> str:
    """Return how long ago in a few words: "today", "3 days", "2 weeks", "never yet"."""
    if days is None:
        return "never yet"
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days"
    if days < 60:
        return f"{days // 7} weeks"
    if days < 730:
        return f"{days // 30} months"
    return f"{days // 365} years"


def rhythm_words(rhythm_days: int) -> str:
    """Return "about every N days" in friendlier units when they fit."""
    if rhythm_days == 1:
        return "every day"
    if rhythm_days % 7 == 0 and rhythm_days <= 56:
        weeks = rhythm_days // 7
        return "every week" if weeks == 1 else f"every {weeks} weeks"
    return f"every {rhythm_days} days"


def status_explained(status: Status, days_since: int, rhythm_days: int) -> str:
    """Return a kind sentence saying where someone is against their rhythm."""
    if status == "soon":
        left = rhythm_days - days_since
        return "ideal tomorrow" if left == 1 else f"ideal in {left} days"
    if status == "due":
        return f"hoped for {rhythm_words(rhythm_days)}"
    return f"longer than you wished ({rhythm_words(rhythm_days)})"


def _added_on(created_at: str, zone: tzinfo | None) -> date:
    """Return the person's own day of a UTC timestamp given as text."""
    try:
        moment = datetime.fromisoformat(created_at)
    except ValueError:
        parsed = parse_datetime(created_at)
        if parsed is None:
            return date.fromisoformat(created_at[:10])
        moment = parsed
    if moment.tzinfo is None:  # stored in UTC (USE_TZ), handed back naive by SQLite
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone).date() if zone is not None else moment.date()


def _clock_columns() -> dict[str, str]:
    """The quoted database columns of a person that nudges and drifting read."""
    names = ("id", "last_moment_on", "snoozed_until", "created_at", "archived_at", "owner")
    return {name: column(Person, name) for name in names}


@dataclass(frozen=True, slots=True, repr=False)
class Nudge:
    """One person near or past their rhythm, with the words that say so."""

    person_id: str
    name: str
    circle: str
    status: Status
    days_since: int
    met: bool
    rhythm_days: int

    def __repr__(self) -> str:
        # Never the name: reprs end up in debug logs (e.g. a template's context).
        return f"Nudge(person_id={self.person_id}, status={self.status})"

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.status]

    @property
    def since(self) -> str:
        """E.g. "last together 3 weeks ago" or "no moment yet (added 10 days ago)"."""
        if not self.met:
            return "no moment together yet"
        words = since_words(self.days_since)
        if words in ("today", "yesterday"):
            return f"last together {words}"
        return f"last together {words} ago"

    @property
    def explained(self) -> str:
        return status_explained(self.status, self.days_since, self.rhythm_days)


def _dashed(key: str) -> str:
    # SQLite keeps UUIDs as 32 hex digits; the index keys are dashed.
    if len(key) == 32:
        return f"{key[:8]}-{key[8:12]}-{key[12:16]}-{key[16:20]}-{key[20:]}"
    return key


def _rows_of(people: Mapping[str, PersonSummary]) -> dict[str, list[Any]]:
    """The people index's rows (read by column), from ``PeopleRows`` or made from summaries."""
    if isinstance(people, PeopleRows):
        return people.rows
    return {
        key: [s.name, s.called, s.circle, "", "", s.rhythm_days, s.too_long_days, s.archived]
        for key, s in people.items()
    }


@functools.lru_cache(maxsize=4)
def _waiting_sql(vendor: str) -> str:
    quote, cols = connection.ops.quote_name, _clock_columns()
    meta = Person._meta
    # Dates as text: parsing "2026-05-14" ourselves is several times cheaper than the
    # database driver's converters. Snoozed people are left out by the database, and
    # the timestamp (for the day someone was added) only comes for the never met.
    return (
        # Ids as text: PostgreSQL would otherwise build a UUID object for everyone.
        f"SELECT CAST({cols['id']} AS TEXT), CAST({cols['last_moment_on']} AS TEXT), "  # noqa: S608
        f"CASE WHEN {cols['last_moment_on']} IS NULL "
        f"THEN CAST({cols['created_at']} AS TEXT) END "
        f"FROM {quote(meta.db_table)} "
        f"WHERE {cols['owner']} = %s AND {cols['archived_at']} IS NULL "
        f"AND ({cols['snoozed_until']} IS NULL OR {cols['snoozed_until']} <= %s)"
    )


def nudges_today(
    *,
    user: User,
    people: Mapping[str, PersonSummary],
    today: date,
    limit: int,
    zone: tzinfo | None = None,
) -> tuple[list[Nudge], int]:
    """Return the first ``limit`` of everyone soon, due or overdue, and how many in all.

    The calm order: overdue first, then due, then soon; within each, the closest
    circle first (someone in the inner circle before an acquaintance), then the
    furthest past their rhythm, then the name. Archived, snoozed and rhythm-less
    people are left out. ``zone`` is the person's time zone: the day someone was
    added is counted in it.

    Today's hot path (it runs on every visit, over everyone), in one pass over the
    clear dates: snoozed people are left out by the query, people without a rhythm
    are passed over before any date is parsed, and a ``Nudge`` (and, with
    ``PeopleRows``, a summary) is made only for the handful shown. Plain SQL because
    with hundreds of people the ORM spends longer building instances than the
    database spends answering.
    """
    rows = _rows_of(people)
    with connection.cursor() as cursor:
        cursor.execute(_waiting_sql(connection.vendor), [user.pk, today])
        clear = cursor.fetchall()
    if clear and isinstance(clear[0][0], str) and len(clear[0][0]) == 32:
        # SQLite gives UUIDs as 32 hex digits: look people up by those instead.
        rows = {key.replace("-", ""): row for key, row in rows.items()}
    as_date = date.fromisoformat
    found = []
    for person_id, last, created_at in clear:
        row = rows.get(person_id if type(person_id) is str else str(person_id))
        if row is None:
            continue
        rhythm = row[RHYTHM_DAYS]
        if rhythm is None or row[ARCHIVED]:
            continue
        since = as_date(last[:10]) if last else _added_on(created_at, zone)
        days = (today - since).days
        if days < rhythm - SOON_DAYS:  # not even soon yet: the common case, cut short
            continue
        days = max(days, 0)
        status = status_for(days, rhythm, row[TOO_LONG_DAYS])
        if status is None:
            continue
        found.append(
            (
                STATUS_RANK[status],
                CIRCLE_RANK.get(row[CIRCLE], 9),
                -days / rhythm,
                fold(row[CALLED] or row[NAME]),
                person_id,
                status,
                days,
                bool(last),
            )
        )
    found.sort()
    shown = []
    for _rank, _circle, _far, _name, person_id, status, days, met in found[: max(limit, 0)]:
        key = _dashed(str(person_id))
        person = people[key]
        shown.append(
            Nudge(
                key, person.display_name, person.circle, status, days, met, person.rhythm_days or 1
            )
        )
    return shown, len(found)


class DriftRow(NamedTuple):
    """One person in the drifting view.

    A named tuple rather than a dataclass: the view makes one per person.
    """

    person_id: str
    name: str
    days_since: int | None
    status: Status | None
    snoozed_until: date | None

    def __repr__(self) -> str:
        return f"DriftRow(person_id={self.person_id}, days_since={self.days_since})"

    @property
    def since(self) -> str:
        return since_words(self.days_since)

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.status] if self.status else ""


@dataclass(frozen=True, slots=True)
class DriftGroup:
    circle: str
    label: str
    rows: list[DriftRow]


@functools.lru_cache(maxsize=4)
def _drift_sql(vendor: str) -> str:
    quote, cols = connection.ops.quote_name, _clock_columns()
    meta = Person._meta
    # As ``_waiting_sql``, but everyone not archived: a snooze only comes while it lasts
    # (after the day given) and the timestamp only for the never met.
    return (
        # Ids as text: PostgreSQL would otherwise build a UUID object for everyone.
        f"SELECT CAST({cols['id']} AS TEXT), CAST({cols['last_moment_on']} AS TEXT), "  # noqa: S608
        f"CASE WHEN {cols['snoozed_until']} > %s "
        f"THEN CAST({cols['snoozed_until']} AS TEXT) END, "
        f"CASE WHEN {cols['last_moment_on']} IS NULL "
        f"THEN CAST({cols['created_at']} AS TEXT) END "
        f"FROM {quote(meta.db_table)} "
        f"WHERE {cols['owner']} = %s AND {cols['archived_at']} IS NULL"
    )


def drifting_now(
    *, user: User, people: Mapping[str, PersonSummary], today: date, zone: tzinfo | None = None
) -> list[DriftGroup]:
    """Return everyone not archived, per circle (inner first), longest apart first.

    People never met come first in their circle; a snooze does not hide anyone here
    (it is shown while it lasts). The drifting view's hot path: one query over the
    clear dates, and with ``PeopleRows`` no summary is made.
    """
    rows = _rows_of(people)
    with connection.cursor() as cursor:
        cursor.execute(_drift_sql(connection.vendor), [today, user.pk])
        clear = {
            person_id if type(person_id) is str else str(person_id): (last, snoozed, created_at)
            for person_id, last, snoozed, created_at in cursor.fetchall()
        }
    hexed = bool(clear) and len(next(iter(clear))) == 32  # SQLite: 32 hex digits
    as_date = date.fromisoformat
    today_number = today.toordinal()
    found_rows: dict[str, list[tuple[tuple[bool, int, str], DriftRow]]] = {
        key: [] for key, _ in CIRCLES
    }
    for key, row in rows.items():
        found = clear.get(key.replace("-", "") if hexed else key)
        if found is None or row[ARCHIVED]:
            continue
        last, snoozed, created_at = found
        days: int | None
        if last:
            days = counted = max(today_number - as_date(last[:10]).toordinal(), 0)
        else:
            days, counted = None, max((today - _added_on(created_at, zone)).days, 0)
        name = row[CALLED] or row[NAME]
        drift = DriftRow(
            key,
            name,
            days,
            status_for(counted, row[RHYTHM_DAYS], row[TOO_LONG_DAYS]),
            as_date(snoozed[:10]) if snoozed else None,
        )
        # Never met first, then the longest apart, then by name.
        order = (days is not None, -(days or 0), fold(name))
        found_rows.setdefault(row[CIRCLE], []).append((order, drift))
    labels: dict[str, str] = dict(CIRCLES)
    result = []
    for circle, pairs in found_rows.items():
        pairs.sort(key=_first)
        result.append(DriftGroup(circle, labels.get(circle, circle), [p[1] for p in pairs]))
    return result


def _first(pair: tuple[tuple[bool, int, str], DriftRow]) -> tuple[bool, int, str]:
    return pair[0]


def first_due_on(
    *, user: User, people: Mapping[str, PersonSummary], today: date, zone: tzinfo | None = None
) -> date | None:
    """Return the first day someone's wished rhythm comes round ("due", as ``status_for``
    says), or None when nobody has a rhythm; a day before ``today`` when someone is due
    already. A snooze still running holds that person back to its last day.

    For reminders, which keep this one date in the clear: the same clear dates and
    index rows as ``drifting_now`` (one query), nothing else opened.
    """
    rows = _rows_of(people)
    with connection.cursor() as cursor:
        cursor.execute(_drift_sql(connection.vendor), [today, user.pk])
        clear = cursor.fetchall()
    if clear and isinstance(clear[0][0], str) and len(clear[0][0]) == 32:
        rows = {key.replace("-", ""): row for key, row in rows.items()}
    as_date = date.fromisoformat
    first: date | None = None
    for person_id, last, snoozed, created_at in clear:
        row = rows.get(person_id if type(person_id) is str else str(person_id))
        if row is None or row[ARCHIVED] or row[RHYTHM_DAYS] is None or row[RHYTHM_DAYS] < 1:
            continue
        since = as_date(last[:10]) if last else _added_on(created_at, zone)
        due = since.toordinal() + row[RHYTHM_DAYS]
        if snoozed:
            due = max(due, as_date(snoozed[:10]).toordinal())
        if first is None or due < first.toordinal():
            first = date.fromordinal(due)
    return first
