"""The sealed summary of a person's scale results: one blob with every score.

The trends page shows ten years of results at once (about 500). Opening each row
costs far more than the rest of the page, while opening one blob of the same
numbers costs about as much as opening a few rows. So each person has one
summary (kind ``scales.summary``) holding, for every result, its id, local date,
scale and total.

The summary is derived data, kept the one way all derived data is
(``vault.derived``); the results stay the truth (a result's own page still opens
its row). The scales services call ``summary_add`` / ``summary_remove`` in the
same transaction as the result they create or delete, under the lock of the
summary's row. A reader whose summary is missing, will not open or is of an older
version works it out from the results and writes nothing; ``derived_refresh`` at
login rebuilds it, and ``summary_rebuild`` after writes that skip the services.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from nearer.accounts.models import User
from nearer.scales.content import content_open
from nearer.scales.instruments import SCALES
from nearer.scales.models import ScaleResult
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.derived import Kind, derived_change, derived_read, derived_rebuild, register

# Bump when the stored shape changes; a summary of another version is worked out afresh.
VERSION = 2

# Every (scale, total) a result can have; any other pair means a bad summary.
_VALID = frozenset(
    (scale.key, total) for scale in SCALES for total in range(scale.min_score, scale.max_score + 1)
)


@dataclass(frozen=True, slots=True)
class Summary:
    """Every result of a person, oldest first, as parallel columns, and the ids of
    those that would not open when the summary was last built from the rows.

    Column ``i`` of each list describes one result: ``ids`` (its UUID as text),
    ``days`` (its local date as an ordinal), ``keys`` (the scale) and ``totals``
    (the raw total). Results are in the order of their local date (then of saving),
    the order a chart draws them in.
    Columns rather than one object per result: they are half the size, and
    checking them and turning ordinals into dates runs at C speed
    (``set``, ``map``), which matters with hundreds of results on every trends page.
    """

    ids: list[str]
    days: list[int]
    keys: list[str]
    totals: list[int]
    unreadable: list[str]

    def last_dates(self) -> dict[str, date]:
        """Return, for each scale taken, the latest local date it was taken."""
        last: dict[str, int] = {}
        for key, day in zip(self.keys, self.days, strict=True):
            if day > last.get(key, 0):
                last[key] = day
        return {key: date.fromordinal(day) for key, day in last.items()}

    def insert(self, result_id: UUID, taken_on: date, key: str, total: int) -> None:
        """Add one result after every result of the same day or before (usually at the end)."""
        day = taken_on.toordinal()
        where = bisect.bisect_right(self.days, day)
        self.ids.insert(where, str(result_id))
        self.days.insert(where, day)
        self.keys.insert(where, key)
        self.totals.insert(where, total)

    def remove(self, result_ids: Sequence[UUID]) -> None:
        """Take results out (ids not in the summary are ignored)."""
        gone = {str(result_id) for result_id in result_ids}
        kept = [i for i, result_id in enumerate(self.ids) if result_id not in gone]
        self.ids[:] = [self.ids[i] for i in kept]
        self.days[:] = [self.days[i] for i in kept]
        self.keys[:] = [self.keys[i] for i in kept]
        self.totals[:] = [self.totals[i] for i in kept]
        self.unreadable[:] = [item for item in self.unreadable if item not in gone]


def _empty() -> Summary:
    return Summary([], [], [], [], [])


_COLUMNS = ("i", "d", "k", "t", "x")
# Ids end up in links, so they may hold nothing but what a UUID as text holds.
_ID_TEXT = re.compile(r"[0-9a-f-]*")
_LAST_DAY = date.max.toordinal()


def _decode(value: Any) -> Summary:
    if type(value) is not dict:
        raise SealError("scale summary has an unexpected shape")
    columns: list[Any] = [value.get(name) for name in _COLUMNS]
    if any(type(column) is not list for column in columns):
        raise SealError("scale summary has an unexpected shape")
    ids, days, keys, totals, unreadable = columns
    count = len(ids)
    # Sealed by us, so this only guards against our own mistakes; set() and map()
    # keep it cheap with hundreds of results.
    if (
        len(days) != count
        or len(keys) != count
        or len(totals) != count
        or not set(map(type, ids)).issubset({str})
        or not set(map(len, ids)).issubset({36})
        or _ID_TEXT.fullmatch("".join(ids)) is None
        or not set(map(type, days)).issubset({int})
        or not set(map(type, totals)).issubset({int})
        or not set(map(type, unreadable)).issubset({str})
        or not set(zip(keys, totals, strict=True)).issubset(_VALID)
        or (count and (min(days) < 1 or max(days) > _LAST_DAY))
    ):
        raise SealError("scale summary has unexpected values")
    return Summary(ids, days, keys, totals, unreadable)


def _encode(summary: Summary) -> dict[str, Any]:
    return {
        "i": summary.ids,
        "d": summary.days,
        "k": summary.keys,
        "t": summary.totals,
        "x": summary.unreadable,
    }


def _summary_from_rows(owner_id: int, vault: Vault, subject: UUID) -> Summary:
    summary = _empty()
    rows = (
        ScaleResult.objects.filter(owner_id=owner_id)
        .order_by("taken_on", "taken_at")
        .values_list("id", "taken_on", "content")
    )
    for result_id, taken_on, sealed in rows.iterator(chunk_size=500):
        try:
            content = content_open(vault, result_id, sealed)
        except SealError:
            summary.unreadable.append(str(result_id))
            continue
        summary.insert(result_id, taken_on, content.scale.key, content.total)
    return summary


SUMMARY = register(
    Kind[Summary](
        name="scales.summary",
        version=VERSION,
        compute=_summary_from_rows,
        encode=_encode,
        decode=_decode,
    )
)


def summary_open(*, user: User, vault: Vault) -> Summary:
    """Return the summary of ``user``'s results; worked out from the results when it is
    missing, unreadable or old. Never writes."""
    return derived_read(SUMMARY, user=user, vault=vault)


def summary_rebuild(*, user: User, vault: Vault) -> Summary:
    """Recreate the summary from the result rows and store it; return it (for writes
    that skip the services, like the demo's bulk insert)."""
    return derived_rebuild(SUMMARY, user=user, vault=vault)


def summary_add(
    *, user: User, vault: Vault, result_id: UUID, taken_on: date, scale_key: str, total: int
) -> Summary:
    """Add a result to the summary (call inside the service's transaction, after saving
    the result); return it."""

    def add(summary: Summary) -> Summary:
        summary.insert(result_id, taken_on, scale_key, total)
        return summary

    return derived_change(SUMMARY, user=user, vault=vault, change=add)


def summary_remove(*, user: User, vault: Vault, result_ids: Sequence[UUID]) -> Summary:
    """Take results out of the summary (call inside the service's transaction, after
    deleting them); return it."""

    def remove(summary: Summary) -> Summary:
        summary.remove(result_ids)
        return summary

    return derived_change(SUMMARY, user=user, vault=vault, change=remove)
