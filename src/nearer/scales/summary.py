"""The sealed summary of a person's scale results: one blob with every score.

The trends page shows ten years of results at once (about 500). Opening each row
costs far more than the rest of the page, while opening one blob of the same
numbers costs about as much as opening a few rows. So each person has one
``ScaleSummary`` holding, for every result, its id, local date, scale and total.

The summary is derived data; the results stay the truth (a result's own page
still opens its row). The scales services call ``summary_add`` /
``summary_remove`` in the same transaction as the result they create or delete,
and the row lock on the summary serialises concurrent writers. ``summary_rebuild``
recreates it from the results at any time, which is also what happens when it is
missing, will not open, or was written in an older shape.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.db import IntegrityError, connection, transaction

from nearer.accounts.models import User
from nearer.lib.sqlvalues import column
from nearer.scales.content import content_open
from nearer.scales.instruments import SCALES
from nearer.scales.models import ScaleResult, ScaleSummary
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

SUMMARY_LABEL = Vault.label(ScaleSummary, "content")

# Bump when the stored shape changes; a summary of another version is rebuilt.
VERSION = 1

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
    if type(value) is not dict or value.get("v") != VERSION:
        raise SealError("scale summary has an unexpected shape")
    columns: list[Any] = [value.get(name) for name in _COLUMNS]
    if any(type(column) is not list for column in columns):
        raise SealError("scale summary has an unexpected shape")
    ids, days, keys, totals, unreadable = columns
    count = len(ids)
    # Sealed by us, so this only guards against our own mistakes; set() and map()
    # keep it cheap with hundreds of results.
    if (
        len(days) != count or len(keys) != count or len(totals) != count
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
        "v": VERSION, "i": summary.ids, "d": summary.days, "k": summary.keys,
        "t": summary.totals, "x": summary.unreadable,
    }


@functools.cache
def _open_sql() -> str:
    """The query of ``summary_open``, with names from the model and the owner as a parameter."""
    quote = connection.ops.quote_name
    meta = ScaleSummary._meta
    cols = {
        name: column(meta.model, name)
        for name in ("id", "content", "owner")
    }
    return (
        f"SELECT {cols['id']}, {cols['content']} "  # noqa: S608 - names, not values
        f"FROM {quote(meta.db_table)} WHERE {cols['owner']} = %s"
    )


def summary_open(*, user: User, vault: Vault) -> Summary:
    """Return the summary of ``user``'s results; rebuild it first if needed."""
    # Plain SQL, which SQLite and PostgreSQL both accept: on the trends page the ORM's
    # query machinery would cost as much as the rest of reading the summary.
    with connection.cursor() as cursor:
        cursor.execute(_open_sql(), [user.pk])
        row = cursor.fetchone()
    if row is not None:
        # SQLite hands back the UUID as hex text; PostgreSQL as a UUID.
        summary_id = row[0] if isinstance(row[0], UUID) else UUID(str(row[0]))
        try:
            return _decode(vault.open_json(SUMMARY_LABEL, summary_id, bytes(row[1])))
        except SealError:
            pass
    return summary_rebuild(user=user, vault=vault)


def _summary_from_rows(*, user: User, vault: Vault) -> Summary:
    summary = _empty()
    rows = (
        ScaleResult.objects.filter(owner=user)
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


def _save(*, vault: Vault, row: ScaleSummary, summary: Summary) -> None:
    row.content = vault.seal_json(SUMMARY_LABEL, row.id, _encode(summary))
    row.save()


def _locked(user: User) -> ScaleSummary | None:
    return ScaleSummary.objects.select_for_update().filter(owner=user).first()


def _locked_or_new(user: User) -> ScaleSummary:
    found = _locked(user)
    if found is not None:
        return found
    try:
        with transaction.atomic():  # a savepoint: a clash must not spoil the caller's work
            return ScaleSummary.objects.create(owner=user, content=b"")
    except IntegrityError:
        # Another request made it a moment ago; wait for it and take it.
        found = _locked(user)
        if found is None:  # pragma: no cover - it was deleted again in between
            raise
        return found


@transaction.atomic
def summary_rebuild(*, user: User, vault: Vault) -> Summary:
    """Recreate the summary from the result rows; return it."""
    row = _locked_or_new(user)
    summary = _summary_from_rows(user=user, vault=vault)
    _save(vault=vault, row=row, summary=summary)
    return summary


def _locked_open(user: User, vault: Vault) -> tuple[ScaleSummary, Summary] | None:
    """Return the locked summary row and its content, or None when it must be rebuilt."""
    row = _locked(user)
    if row is None:
        return None
    try:
        return row, _decode(vault.open_json(SUMMARY_LABEL, row.id, bytes(row.content)))
    except SealError:
        return None


@transaction.atomic
def summary_add(
    *, user: User, vault: Vault, result_id: UUID, taken_on: date, scale_key: str, total: int
) -> Summary:
    """Add a result to the summary (call inside the service's transaction); return it.

    Without a readable summary it is built from the rows, which already hold the
    new result.
    """
    found = _locked_open(user, vault)
    if found is None:
        return summary_rebuild(user=user, vault=vault)
    row, summary = found
    summary.insert(result_id, taken_on, scale_key, total)
    _save(vault=vault, row=row, summary=summary)
    return summary


@transaction.atomic
def summary_remove(*, user: User, vault: Vault, result_ids: Sequence[UUID]) -> Summary:
    """Take results out of the summary (call inside the service's transaction); return it."""
    found = _locked_open(user, vault)
    if found is None:
        return summary_rebuild(user=user, vault=vault)
    row, summary = found
    summary.remove(result_ids)
    _save(vault=vault, row=row, summary=summary)
    return summary
