"""The sealed summary of a person's closeness ratings, one per person.

A person's page draws every closeness rating they were given (one a month for
ten years is 120). Opening each rating costs more than the rest of the chart,
while opening one sealed list of the same numbers costs about as much as opening
one rating. So each person has a derived value (``vault.derived``, kind
``people.ratings``, the person's id as subject) holding the day (as an ordinal)
and value of every rating that opens, oldest first.

The summary is derived data; the ratings stay the truth. ``closeness_rate`` (the
only way ratings change, besides deleting the person with them) updates it in the
same transaction (``summary_rated``). A reader whose summary is missing, will not
open (tampered, or another person's) or is of an older version works it out from
the ratings and writes nothing; ``derived_refresh`` at login rebuilds it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from datetime import date
from typing import Any
from uuid import UUID

from nearer.accounts.models import User
from nearer.people.content import CLOSENESS_MAX, CLOSENESS_MIN
from nearer.people.days import rating_open
from nearer.people.models import ClosenessRating, Person
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.derived import Kind, derived_change, derived_forget, derived_opened, register

# Bump when the stored shape changes; a summary of another version is worked out afresh.
VERSION = 2

History = list[tuple[date, int]]
Columns = tuple[list[int], list[int]]

_VALUES = frozenset(range(CLOSENESS_MIN, CLOSENESS_MAX + 1))
_LAST_DAY = date.max.toordinal()


def _decode(value: Any) -> Columns:
    """Return (days, values) of an opened summary; SealError if its shape is off."""
    if type(value) is not dict:
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
        or days[0] < 1
        or days[-1] > _LAST_DAY
        or days != sorted(days)
    ):
        raise SealError("closeness summary has unexpected values")
    return days, values


def _encode(columns: Columns) -> dict[str, Any]:
    return {"d": columns[0], "x": columns[1]}


def _from_rows(owner_id: int, vault: Vault, person_id: UUID) -> Columns:
    days: list[int] = []
    values: list[int] = []
    rows = (
        ClosenessRating.objects.filter(owner_id=owner_id, person_id=person_id)
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


def _many_from_rows(owner_id: int, vault: Vault, person_ids: list[UUID]) -> dict[UUID, Columns]:
    """``_from_rows`` of many people in one query (the refresh at login)."""
    found: dict[UUID, Columns] = {person_id: ([], []) for person_id in person_ids}
    rows = (
        ClosenessRating.objects.filter(owner_id=owner_id, person_id__in=person_ids)
        .order_by("person_id", "rated_on", "created_at")
        .values_list("person_id", "id", "rated_on", "content")
    )
    for person_id, rating_id, rated_on, content in rows.iterator(chunk_size=2000):
        try:
            value = rating_open(vault, rating_id, content)
        except SealError:
            continue  # left out, as by ``_from_rows``
        days, values = found[person_id]
        days.append(rated_on.toordinal())
        values.append(value)
    return found


def _people_of(owner_id: int) -> Iterable[UUID]:
    return Person.objects.filter(owner_id=owner_id).values_list("id", flat=True)


SUMMARY = register(
    Kind[Columns](
        name="people.ratings",
        version=VERSION,
        compute=_from_rows,
        encode=_encode,
        decode=_decode,
        subjects=_people_of,
        compute_many=_many_from_rows,
    )
)


def _history(columns: Columns) -> History:
    days, values = columns
    return list(zip(map(date.fromordinal, days), values, strict=True))


def summary_history(
    vault: Vault, person_id: UUID, version: int | None, sealed: bytes | memoryview | None
) -> History | None:
    """Return (day, 1–7) of every rating in a stored summary, oldest first; None when
    it is missing, will not open or is of an older version."""
    opened = derived_opened(
        SUMMARY, vault=vault, subject=person_id, version=version, content=sealed
    )
    return None if opened is None else _history(opened)


def summary_from_ratings(*, user: User, vault: Vault, person_id: UUID) -> History:
    """Return a person's history worked out from their ratings (nothing is written)."""
    return _history(_from_rows(user.pk, vault, person_id))


def summary_rated(
    *, user: User, vault: Vault, person: Person, rated_on: date, value: int, replaced: bool
) -> None:
    """Put a rating just saved into the summary of ``person`` (inside the service's
    transaction). ``replaced``: it replaced the rating of that day."""

    def rate(columns: Columns) -> Columns:
        days, values = columns
        day = rated_on.toordinal()
        where = bisect.bisect_left(days, day)
        if replaced and where < len(days) and days[where] == day:
            # The service replaces the first rating of the day, which comes first here too.
            values[where] = value
        else:
            where = bisect.bisect_right(days, day)
            days.insert(where, day)
            values.insert(where, value)
        return days, values

    derived_change(SUMMARY, user=user, vault=vault, subject=person.id, change=rate)


def summary_forget(*, user: User, person_ids: Iterable[UUID]) -> None:
    """Delete the summaries of people deleted (inside the service's transaction)."""
    derived_forget(SUMMARY, user=user, subjects=person_ids)
