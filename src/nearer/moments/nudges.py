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

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Any, Literal, cast

from django.db import connection
from django.db.models import Field

from nearer.accounts.models import User
from nearer.people.content import CIRCLES
from nearer.people.index import PersonSummary
from nearer.people.models import Person

SOON_DAYS = 2

Status = Literal["soon", "due", "overdue"]
STATUS_WORDS: dict[str, str] = {"soon": "Soon", "due": "Due", "overdue": "Overdue"}
STATUS_RANK: dict[str, int] = {"overdue": 0, "due": 1, "soon": 2}
CIRCLE_RANK: dict[str, int] = {key: rank for rank, (key, _) in enumerate(CIRCLES)}


@dataclass(frozen=True, slots=True)
class Clock:
    """The clear dates of one person: what nudges count from."""

    last_moment_on: date | None
    snoozed_until: date | None
    added_on: date
    archived: bool

    def days_since(self, today: date) -> int:
        """Whole days since the latest moment, else since the person was added (>= 0)."""
        return max((today - (self.last_moment_on or self.added_on)).days, 0)

    def snoozed(self, today: date) -> bool:
        return self.snoozed_until is not None and today < self.snoozed_until


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


def _added_on(created_at: Any, zone: tzinfo | None) -> date:
    if isinstance(created_at, str):  # some SQLite set-ups hand back text
        created_at = datetime.fromisoformat(created_at)
    moment = cast(datetime, created_at)
    if moment.tzinfo is None:  # stored in UTC (USE_TZ), returned naive by SQLite
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone).date() if zone is not None else moment.date()


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _clocks_sql() -> str:
    quote = connection.ops.quote_name
    meta = Person._meta
    names = ("id", "last_moment_on", "snoozed_until", "created_at", "archived_at", "owner")
    column = {
        name: quote(cast("Field[Any, Any]", meta.get_field(name)).column) for name in names
    }
    return (
        f"SELECT {column['id']}, {column['last_moment_on']}, {column['snoozed_until']}, "  # noqa: S608
        f"{column['created_at']}, {column['archived_at']} "
        f"FROM {quote(meta.db_table)} WHERE {column['owner']} = %s"
    )


def clocks_for(*, user: User, zone: tzinfo | None = None) -> dict[str, Clock]:
    """Return every person's clock by id string, from one plain query (nothing opened).

    ``zone`` is the person's time zone: the day someone was added is counted in it.
    Plain SQL because with hundreds of people the ORM spends longer building
    instances than the database spends answering.
    """
    clocks: dict[str, Clock] = {}
    with connection.cursor() as cursor:
        cursor.execute(_clocks_sql(), [user.pk])
        for person_id, last, snoozed, created_at, archived_at in cursor.fetchall():
            key = person_id.hex if hasattr(person_id, "hex") else str(person_id)
            if len(key) == 32:  # SQLite keeps UUIDs as hex; the index keys are dashed
                key = f"{key[:8]}-{key[8:12]}-{key[12:16]}-{key[16:20]}-{key[20:]}"
            clocks[key] = Clock(
                last_moment_on=_as_date(last),
                snoozed_until=_as_date(snoozed),
                added_on=_added_on(created_at, zone),
                archived=archived_at is not None,
            )
    return clocks


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


def _overshoot(nudge: Nudge) -> float:
    return nudge.days_since / nudge.rhythm_days


def nudges_for(
    *, people: Mapping[str, PersonSummary], clocks: Mapping[str, Clock], today: date
) -> list[Nudge]:
    """Return everyone who is soon, due or overdue, in a calm order.

    Overdue first, then due, then soon; within each, the furthest past their
    rhythm first (then the closer circle, then the name). Archived, snoozed and
    rhythm-less people are left out.
    """
    found: list[Nudge] = []
    for key, person in people.items():
        clock = clocks.get(key)
        rhythm = person.rhythm_days
        if clock is None or rhythm is None or person.archived or clock.archived:
            continue
        if clock.snoozed(today):
            continue
        days = clock.days_since(today)
        status = status_for(days, rhythm, person.too_long_days)
        if status is None:
            continue
        found.append(Nudge(key, person.display_name, person.circle, status, days,
                           clock.last_moment_on is not None, rhythm))
    found.sort(key=lambda n: (STATUS_RANK[n.status], -_overshoot(n),
                              CIRCLE_RANK.get(n.circle, 9), n.name.casefold()))
    return found


@dataclass(frozen=True, slots=True, repr=False)
class DriftRow:
    """One person in the drifting view."""

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


def drifting(
    *, people: Mapping[str, PersonSummary], clocks: Mapping[str, Clock], today: date
) -> list[DriftGroup]:
    """Return everyone not archived, per circle (inner first), longest apart first.

    People never met come first in their circle; a snooze does not hide anyone here.
    """
    groups: dict[str, list[DriftRow]] = {key: [] for key, _ in CIRCLES}
    for key, person in people.items():
        clock = clocks.get(key)
        if clock is None or person.archived or clock.archived:
            continue
        days = None if clock.last_moment_on is None else clock.days_since(today)
        status = status_for(clock.days_since(today), person.rhythm_days, person.too_long_days)
        groups.setdefault(person.circle, []).append(
            DriftRow(key, person.display_name, days, status,
                     clock.snoozed_until if clock.snoozed(today) else None)
        )
    labels: dict[str, str] = dict(CIRCLES)
    result = []
    for circle, rows in groups.items():
        rows.sort(key=lambda r: (r.days_since is not None, -(r.days_since or 0),
                                 r.name.casefold()))
        result.append(DriftGroup(circle, labels.get(circle, circle), rows))
    return result
