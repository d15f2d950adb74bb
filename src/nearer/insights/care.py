"""Care: inner- and close-circle people with no moment for more than twice their rhythm.

A gentle list, not a score: someone is shown when the days since the last moment
together (or since they were added, if there has been none) are more than twice
the rhythm the person wished for them. Names, circles and rhythms come from the
sealed people index (one open for everyone); the days come from the clear
``last_moment_on`` and ``created_at``. Archived people, snoozed people (the
person asked for quiet) and people without a rhythm are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from django.utils import timezone

from nearer.accounts.models import User
from nearer.lib.private import QuietRepr
from nearer.people.index import index_rows
from nearer.people.models import Person
from nearer.vault.box import Vault

CARE_CIRCLES: tuple[str, ...] = ("inner", "close")
CIRCLE_ORDER = {key: rank for rank, key in enumerate(CARE_CIRCLES)}
# How many times their rhythm must pass before someone is named here.
TIMES_RHYTHM = 2


@dataclass(frozen=True, slots=True, repr=False)
class CareNote(QuietRepr):
    """Someone worth a thought: who, their circle and rhythm, and how long it has been."""

    person_id: str
    name: str
    circle: str
    rhythm_days: int
    days_since: int
    had_moment: bool


def needs_care(days_since: int, rhythm_days: int | None) -> bool:
    """Whether ``days_since`` is more than twice the rhythm (never without one)."""
    return rhythm_days is not None and rhythm_days > 0 and days_since > TIMES_RHYTHM * rhythm_days


def _added_on(created_at: datetime, zone: tzinfo | None) -> date:
    return timezone.localtime(created_at, zone).date() if zone else created_at.date()


def care_for(
    *, user: User, vault: Vault, today: date, zone: tzinfo | None = None
) -> list[CareNote]:
    """Return who to think of, the closest circle first, then the longest past their rhythm."""
    people = index_rows(user=user, vault=vault, include_archived=False)
    clear = Person.objects.filter(owner=user, archived_at__isnull=True).values_list(
        "id", "last_moment_on", "created_at", "snoozed_until"
    )
    notes = []
    for person_id, last, created_at, snoozed in clear:
        key = str(person_id)
        if key not in people or (snoozed is not None and snoozed > today):
            continue
        summary = people[key]
        if summary.circle not in CIRCLE_ORDER or summary.rhythm_days is None:
            continue
        since = last if last is not None else _added_on(created_at, zone)
        days = max((today - since).days, 0)
        if needs_care(days, summary.rhythm_days):
            notes.append(
                CareNote(
                    person_id=key,
                    name=summary.display_name,
                    circle=summary.circle,
                    rhythm_days=summary.rhythm_days,
                    days_since=days,
                    had_moment=last is not None,
                )
            )
    notes.sort(key=lambda n: (CIRCLE_ORDER[n.circle], -n.days_since / n.rhythm_days, n.name))
    return notes
