"""Kinds of closeness by day: what balance counts, kept so that it opens no moment.

The balance of kinds (insights) compares the last 90 days with the year before,
and the insights' findings compare days with and without each kind and with
someone opening up; worked out from the moments, each opened every moment (20,000
on the ten-year demo). This derived value (``vault.derived``, kind
``moments.kinds``, one for the whole account) keeps, for each day with a moment,
how many moments there were, how many had no kind, how many would not open, how
many had someone open up (I, they or we both), and how many carried each kind
(``moments.content.KINDS``, in that order). The moments services change it in
their transaction; a reader never writes.

Encoded flat, a day after another: ``[ordinal, moments, unmarked, unreadable,
opened, kind₁, …, kindₙ, ordinal, …]`` — plain integers, cheap to parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from nearer.accounts.models import User
from nearer.moments.content import KINDS, content_open
from nearer.moments.models import Moment
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.derived import Kind, derived_change, derived_read, derived_rebuild, register

# Bump when the layout changes (or KINDS does): other versions are worked out afresh.
VERSION = 2
KIND_KEYS = tuple(key for key, _label in KINDS)
# ordinal, moments, unmarked, unreadable, opened, then each kind
WIDTH = 5 + len(KIND_KEYS)
# Positions within a day's counts (after the ordinal); the kinds follow from FIRST_KIND.
MOMENTS, UNMARKED, UNREADABLE, OPENED, FIRST_KIND = 0, 1, 2, 3, 4
# Answers to "who opened up?" that mean someone did.
SOMEONE_OPENED = frozenset({"me", "them", "both"})


@dataclass(frozen=True)
class KindsByDay:
    """Per day (an ordinal): [moments, unmarked, unreadable, opened, count of each kind]."""

    days: Mapping[int, tuple[int, ...]]

    def between(self, first: date, last: date) -> Iterable[tuple[int, tuple[int, ...]]]:
        low, high = first.toordinal(), last.toordinal()
        return ((day, counts) for day, counts in self.days.items() if low <= day <= high)


# What one moment adds to its day: its kinds and who opened up, or None when it
# would not open.
Seen = tuple[Iterable[str], str] | None


def moved(value: KindsByDay, day: date, seen: Seen, by: int) -> KindsByDay:
    """``value`` with one moment of ``day`` counted (by=1) or taken away (by=-1)."""
    ordinal = day.toordinal()
    counts = list(value.days.get(ordinal, (0,) * (WIDTH - 1)))
    counts[MOMENTS] += by
    if seen is None:
        counts[UNREADABLE] += by
    else:
        kinds, opened_up = seen
        marked = {kind for kind in kinds if kind in KIND_KEYS}
        if not marked:
            counts[UNMARKED] += by
        if opened_up in SOMEONE_OPENED:
            counts[OPENED] += by
        for kind in marked:
            counts[FIRST_KIND + KIND_KEYS.index(kind)] += by
    days = dict(value.days)
    if counts[MOMENTS] <= 0:
        days.pop(ordinal, None)
    else:
        days[ordinal] = tuple(max(0, count) for count in counts)
    return KindsByDay(days=days)


def _compute(owner_id: int, vault: Vault, subject: UUID) -> KindsByDay:
    value = KindsByDay(days={})
    rows = Moment.objects.filter(owner_id=owner_id).values_list("id", "occurred_on", "content")
    for moment_id, occurred_on, content in rows.iterator(chunk_size=500):
        try:
            opened = content_open(vault, moment_id, content)
            seen: Seen = (opened.kinds, opened.opened_up)
        except SealError:
            seen = None
        value = moved(value, occurred_on, seen, 1)
    return value


def _encode(value: KindsByDay) -> list[int]:
    flat: list[int] = []
    for day in sorted(value.days):
        flat.append(day)
        flat.extend(value.days[day])
    return flat


def _decode(raw: Any) -> KindsByDay:
    if (
        type(raw) is not list
        or len(raw) % WIDTH
        or not set(map(type, raw)) <= {int}
        or (raw and min(raw) < 0)
    ):
        raise SealError("moments.kinds has another shape")
    days = {raw[at]: tuple(raw[at + 1 : at + WIDTH]) for at in range(0, len(raw), WIDTH)}
    return KindsByDay(days=days)


KINDS_BY_DAY = register(
    Kind[KindsByDay](
        name="moments.kinds",
        version=VERSION,
        compute=_compute,
        encode=_encode,
        decode=_decode,
    )
)


def kinds_read(*, user: User, vault: Vault) -> KindsByDay:
    """``user``'s kinds by day (never writes; worked out from the moments if missing)."""
    return derived_read(KINDS_BY_DAY, user=user, vault=vault)


def kinds_replace(
    *,
    user: User,
    vault: Vault,
    before: tuple[date, Seen] | None,
    after: tuple[date, Seen] | None,
) -> None:
    """Count a moment as it is now (``after``: its day, kinds and who opened up)
    instead of as it was (``before``), inside the service's transaction: None for a
    moment just made, or just deleted."""

    def change(value: KindsByDay) -> KindsByDay:
        if before is not None:
            value = moved(value, before[0], before[1], -1)
        if after is not None:
            value = moved(value, after[0], after[1], 1)
        return value

    derived_change(KINDS_BY_DAY, user=user, vault=vault, change=change)


def kinds_rebuild(*, user: User, vault: Vault) -> None:
    """Work the value out again from every moment (after a bulk insert, e.g. the demo)."""
    derived_rebuild(KINDS_BY_DAY, user=user, vault=vault)
