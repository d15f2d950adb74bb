"""The sealed summary of a person's closeness ratings, kept on their row.

A person's page draws every closeness rating they were given (one a month for
ten years is 120). Opening each rating costs more than the rest of the chart,
while opening one sealed list of the same numbers costs about as much as opening
one rating. So each person row holds, in ``Person.closeness``, the day (as an
ordinal) and value of every rating that opens, oldest first.

The summary is derived data; the ratings stay the truth. ``closeness_rate`` (the
only way ratings change, besides deleting the person with them) updates it in the
same transaction, under the lock it already holds on the person row.
``summary_rebuild`` recreates it from the ratings at any time, which is also what
happens when it is missing (NULL: never built, e.g. ratings made in bulk), will not
open (tampered, or another person's) or was written in an older shape.
"""

from __future__ import annotations

import bisect
from datetime import date
from typing import Any
from uuid import UUID

from django.db import transaction
from django.http import Http404

from nearer.accounts.models import User
from nearer.people.content import CLOSENESS_MAX, CLOSENESS_MIN
from nearer.people.days import rating_open
from nearer.people.models import ClosenessRating, Person
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

SUMMARY_LABEL = Vault.label(Person, "closeness")

# Bump when the stored shape changes; a summary of another version is rebuilt.
VERSION = 1

History = list[tuple[date, int]]

_VALUES = frozenset(range(CLOSENESS_MIN, CLOSENESS_MAX + 1))
_LAST_DAY = date.max.toordinal()


def _decode(value: Any) -> tuple[list[int], list[int]]:
    """Return (days, values) of an opened summary; SealError if its shape is off."""
    if type(value) is not dict or value.get("v") != VERSION:
        raise SealError("closeness summary has an unexpected shape")
    days, values = value.get("d"), value.get("x")
    if type(days) is not list or type(values) is not list or len(days) != len(values):
        raise SealError("closeness summary has an unexpected shape")
    # Sealed by us, so this only guards against our own mistakes; set() and map()
    # keep it cheap with hundreds of ratings.
    if days and (
        not set(map(type, days)).issubset({int})
        or not set(values).issubset(_VALUES)
        or not set(map(type, values)).issubset({int})
        or days[0] < 1 or days[-1] > _LAST_DAY
        or days != sorted(days)
    ):
        raise SealError("closeness summary has unexpected values")
    return days, values


def _seal(vault: Vault, person_id: UUID, days: list[int], values: list[int]) -> bytes:
    return vault.seal_json(SUMMARY_LABEL, person_id, {"v": VERSION, "d": days, "x": values})


def _open(vault: Vault, person_id: UUID, sealed: bytes | memoryview | None
          ) -> tuple[list[int], list[int]] | None:
    if sealed is None:
        return None
    try:
        return _decode(vault.open_json(SUMMARY_LABEL, person_id, bytes(sealed)))
    except SealError:
        return None


def summary_history(vault: Vault, person_id: UUID, sealed: bytes | memoryview | None
                    ) -> History | None:
    """Return (day, 1–7) of every rating in a stored summary, oldest first; None when
    it must be rebuilt (missing, will not open, older shape)."""
    opened = _open(vault, person_id, sealed)
    if opened is None:
        return None
    days, values = opened
    return list(zip(map(date.fromordinal, days), values, strict=True))


def _from_rows(user: User, vault: Vault, person_id: UUID) -> tuple[list[int], list[int]]:
    days: list[int] = []
    values: list[int] = []
    rows = (
        ClosenessRating.objects.filter(owner=user, person_id=person_id)
        .order_by("rated_on", "created_at")
        .values_list("id", "rated_on", "content")
    )
    for rating_id, rated_on, content in rows:
        try:
            value = rating_open(vault, rating_id, content)
        except SealError:
            continue  # left out, as the page always has; rating that day again replaces it
        days.append(rated_on.toordinal())
        values.append(value)
    return days, values


@transaction.atomic
def summary_rebuild(*, user: User, vault: Vault, person_id: UUID) -> History:
    """Recreate a person's summary from their ratings; return it. Http404 if not ``user``'s."""
    # The row lock serialises this with ``closeness_rate``, so no rating is missed.
    found = Person.objects.select_for_update().filter(owner=user, id=person_id).values("id")
    if not list(found[:1]):
        raise Http404("No such person.")
    days, values = _from_rows(user, vault, person_id)
    Person.objects.filter(owner=user, id=person_id).update(
        closeness=_seal(vault, person_id, days, values)
    )
    return list(zip(map(date.fromordinal, days), values, strict=True))


def summary_rated(*, user: User, vault: Vault, person: Person, rated_on: date, value: int,
                  replaced: bool) -> None:
    """Put a rating just saved into the summary of ``person`` (locked by the caller,
    inside its transaction). ``replaced``: it replaced the rating of that day."""
    opened = _open(vault, person.id, person.closeness)
    if opened is None:
        # The ratings already hold the new value.
        summary_rebuild(user=user, vault=vault, person_id=person.id)
        return
    days, values = opened
    day = rated_on.toordinal()
    where = bisect.bisect_left(days, day)
    if replaced and where < len(days) and days[where] == day:
        # The service replaces the first rating of the day, which comes first here too.
        values[where] = value
    else:
        where = bisect.bisect_right(days, day)
        days.insert(where, day)
        values.insert(where, value)
    person.closeness = _seal(vault, person.id, days, values)
    person.save(update_fields=["closeness"])
