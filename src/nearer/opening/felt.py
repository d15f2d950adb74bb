"""Feared and felt, kept: each reflected share's day and anxiety before and after
(kind ``opening.felt``), so the summary opens one sealed value, not every share.

Derived data, kept the one way all derived data is (``vault.derived``): every write
of a share's content goes through ``services._save``, which calls ``felt_keep`` in
its transaction; a reader whose value is missing, unreadable or old works it out
from the shares and writes nothing; the refresh at login rebuilds it, and
``felt_rebuild`` follows writes that skip the services (the demo). A share deleted
(or no longer reflected on) may stay in the value: ``felt_read`` keeps only the
shares that are reflected on now, from their clear state, so a delete needs no vault.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import Any
from uuid import UUID

from django.db import connection
from django.utils import timezone

from nearer.accounts.models import User
from nearer.lib.sqlvalues import column
from nearer.opening.content import ANXIETY_MAX, ANXIETY_MIN, ShareContent, content_open
from nearer.opening.models import Share
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.derived import Kind, derived_change, derived_read, derived_rebuild, register

VERSION = 1

# share id -> [day shared as an ordinal, anxiety before, anxiety after]
Felt = dict[str, list[int]]


@dataclass(frozen=True, slots=True)
class FeltPoint:
    """One reflected share: the day it was shared and the anxiety before and after."""

    day: date
    before: int
    after: int

    @property
    def change(self) -> str:
        """ "calmer", "same" or "more" (more anxious afterwards)."""
        if self.after < self.before:
            return "calmer"
        return "same" if self.after == self.before else "more"

    @property
    def change_words(self) -> str:
        return {"calmer": "Calmer", "same": "The same", "more": "More anxious"}[self.change]


def shared_day(share: Share) -> date:
    return share.shared_on or timezone.localtime(share.created_at).date()


def felt_entry(share: Share, content: ShareContent) -> list[int] | None:
    """The share's entry, or None when it is not reflected on with both numbers."""
    if (
        share.state != Share.State.REFLECTED
        or content.anxiety_before is None
        or content.anxiety_after is None
    ):
        return None
    return [shared_day(share).toordinal(), content.anxiety_before, content.anxiety_after]


def _compute(owner_id: int, vault: Vault, subject: UUID) -> Felt:
    value: Felt = {}
    for share in Share.objects.filter(owner_id=owner_id, state=Share.State.REFLECTED):
        try:
            entry = felt_entry(share, content_open(vault, share.id, share.content))
        except SealError:
            continue  # left out of summaries, as share_contents does
        if entry is not None:
            value[str(share.id)] = entry
    return value


def _decode(raw: Any) -> Felt:
    # Checked a column at a time (set, map, chain run at C speed): read on every visit.
    if type(raw) is not dict:
        raise SealError("felt is not an object")
    entries = list(raw.values())
    if not set(map(type, entries)) <= {list} or not set(map(len, entries)) <= {3}:
        raise SealError("felt has an unexpected shape")
    days = [entry[0] for entry in entries]
    numbers = [number for entry in entries for number in entry[1:]]
    if (
        not set(map(type, raw)) <= {str}
        or not set(map(type, chain(days, numbers))) <= {int}
        or (days and min(days) < 1)
        or (numbers and (min(numbers) < ANXIETY_MIN or max(numbers) > ANXIETY_MAX))
    ):
        raise SealError("felt has an unexpected shape")
    return raw


FELT = register(
    Kind[Felt](name="opening.felt", version=VERSION, compute=_compute, encode=dict, decode=_decode)
)


@functools.lru_cache(maxsize=4)
def _reflected_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    return (
        f"SELECT {column(Share, 'id')} FROM {quote(Share._meta.db_table)} "  # noqa: S608 - names from the model
        f"WHERE {column(Share, 'owner')} = %s AND {column(Share, 'state')} = %s"
    )


def felt_read(*, user: User, vault: Vault) -> list[FeltPoint]:
    """Return the points of ``user``'s shares reflected on now, oldest first (never writes)."""
    return felt_points(user=user, value=derived_read(FELT, user=user, vault=vault))


def felt_points(*, user: User, value: Felt) -> list[FeltPoint]:
    """Return the points of ``value`` (read by the caller, e.g. with other derived
    values in one query) whose shares are reflected on now, oldest first."""
    # Plain SQL and ids compared as 32 hex digits: turning 150 ids into UUIDs through
    # the ORM cost more than the rest of feared vs felt.
    with connection.cursor() as cursor:
        cursor.execute(_reflected_sql(connection.vendor), [user.pk, Share.State.REFLECTED.value])
        reflected = {raw if isinstance(raw, str) else raw.hex for (raw,) in cursor.fetchall()}
    points = [
        FeltPoint(day=date.fromordinal(entry[0]), before=entry[1], after=entry[2])
        for key, entry in value.items()
        if key.replace("-", "") in reflected
    ]
    points.sort(key=lambda point: point.day)
    return points


def felt_keep(*, user: User, vault: Vault, share: Share, content: ShareContent) -> None:
    """Put the share as it is now (inside the service's transaction, after saving it)."""
    entry, key = felt_entry(share, content), str(share.id)

    def change(value: Felt) -> Felt:
        if entry is None:
            value.pop(key, None)
        else:
            value[key] = entry
        return value

    derived_change(FELT, user=user, vault=vault, change=change)


def felt_rebuild(*, user: User, vault: Vault) -> Felt:
    """Work the value out from the shares and store it (after bulk writes)."""
    return derived_rebuild(FELT, user=user, vault=vault)
