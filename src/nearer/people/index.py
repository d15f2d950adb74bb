"""The sealed index of a person's people: one blob with everyone's summary.

Lists, nudges, pickers and check-ins need the name, circle and rhythm of
everyone at once. Opening one sealed blob costs about as much as opening two or
three rows, so with hundreds of people this is what keeps those pages fast.

The index is derived data. The people services call ``index_put`` /
``index_drop`` in the same transaction as the rows they change (the row lock
on the index serialises concurrent writers), and ``index_rebuild`` recreates it
from the rows at any time, which is also what happens if it is missing or will
not open.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db import connection, transaction

from nearer.accounts.models import User
from nearer.lib.private import QuietRepr
from nearer.lib.sqlvalues import column
from nearer.people.content import (
    CIRCLE_KEYS,
    INDEX_LABEL,
    PERSON_LABEL,
    Circle,
    PersonDetails,
)
from nearer.people.models import PeopleIndex, Person
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

# Bump when the stored shape changes; an index of another version is rebuilt.
VERSION = 1


@dataclass(frozen=True, slots=True, repr=False)
class PersonSummary(QuietRepr):
    """What lists need of one person. ``id`` is the person's UUID as a string."""

    id: str
    name: str
    called: str
    circle: Circle
    relationship: str
    relationship_label: str
    rhythm_days: int | None
    too_long_days: int | None
    archived: bool

    @property
    def display_name(self) -> str:
        return self.called or self.name


def summary_of(person_id: str, details: PersonDetails, *, archived: bool) -> PersonSummary:
    """Return the index summary of a person with ``details``."""
    return PersonSummary(
        id=person_id,
        name=details.name,
        called=details.called,
        circle=details.circle,
        relationship=details.relationship,
        relationship_label=details.relationship_label,
        rhythm_days=details.rhythm_days,
        too_long_days=details.too_long_days,
        archived=archived,
    )


def _row(summary: PersonSummary) -> list[Any]:
    # A list rather than an object: hundreds of these are parsed on every list page.
    return [
        summary.name,
        summary.called,
        summary.circle,
        summary.relationship,
        summary.relationship_label,
        summary.rhythm_days,
        summary.too_long_days,
        summary.archived,
    ]


def _checked(value: Any) -> dict[str, list[Any]]:
    """Return the rows of an opened index after checking their shape (SealError if off)."""
    if type(value) is not dict or value.get("v") != VERSION or type(value.get("p")) is not dict:
        raise SealError("people index has an unexpected shape")
    rows: dict[str, list[Any]] = value["p"]
    circles = CIRCLE_KEYS
    for row in rows.values():
        if type(row) is not list or len(row) != 8 or row[2] not in circles:
            raise SealError("people index has an unexpected row")
    return rows


def _decode(value: Any) -> dict[str, PersonSummary]:
    return {key: PersonSummary(key, *row) for key, row in _checked(value).items()}


# Positions in a stored row (see ``_row``), for readers of ``PeopleRows.rows``.
NAME, CALLED, CIRCLE, RHYTHM_DAYS, TOO_LONG_DAYS, ARCHIVED = 0, 1, 2, 5, 6, 7


class PeopleRows(Mapping[str, PersonSummary]):
    """Everyone in the index by id string; a ``PersonSummary`` is made only when asked for.

    Today needs the rhythm of everyone but the names of a handful: building
    hundreds of summaries it never shows cost more than opening the index.
    Hot loops may read ``rows`` (id -> the stored list, positions above) directly.
    """

    __slots__ = ("_made", "rows")

    def __init__(self, rows: dict[str, list[Any]]) -> None:
        self.rows = rows
        self._made: dict[str, PersonSummary] = {}

    def __getitem__(self, key: str) -> PersonSummary:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = PersonSummary(key, *self.rows[key])
        return made

    def __contains__(self, key: object) -> bool:
        return key in self.rows

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:  # never the names: reprs end up in logs
        return f"PeopleRows({len(self.rows)} people)"


def _encode(people: dict[str, PersonSummary]) -> dict[str, Any]:
    return {"v": VERSION, "p": {key: _row(s) for key, s in people.items()}}


@functools.lru_cache(maxsize=4)
def _index_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    meta = PeopleIndex._meta
    cols = {
        name: column(meta.model, name)
        for name in ("id", "content", "owner")
    }
    return (
        f"SELECT {cols['id']}, {cols['content']} "  # noqa: S608 - names from the model
        f"FROM {quote(meta.db_table)} WHERE {cols['owner']} = %s"
    )


def _opened_rows(*, user: User, vault: Vault) -> dict[str, list[Any]] | None:
    """Return the stored rows of ``user``'s index, or None when missing or unreadable."""
    # Plain SQL: lists and Today read this on every visit, and the ORM's query
    # building cost more than the database's answer. One row per owner (unique).
    with connection.cursor() as cursor:
        cursor.execute(_index_sql(connection.vendor), [user.pk])
        row = cursor.fetchone()
    if row is None:
        return None
    index_id = row[0] if isinstance(row[0], UUID) else UUID(str(row[0]))
    try:
        return _checked(vault.open_json(INDEX_LABEL, index_id, bytes(row[1])))
    except SealError:
        return None


def index_open(*, user: User, vault: Vault) -> dict[str, PersonSummary]:
    """Return every person of ``user`` (archived too) by id string; rebuild if needed."""
    rows = _opened_rows(user=user, vault=vault)
    if rows is None:
        return index_rebuild(user=user, vault=vault)
    return {key: PersonSummary(key, *row) for key, row in rows.items()}


def index_rows(*, user: User, vault: Vault, include_archived: bool = True) -> PeopleRows:
    """Return ``index_open`` as ``PeopleRows`` (summaries made on demand); rebuild if needed.

    ``include_archived=False`` leaves archived people out.
    """
    rows = _opened_rows(user=user, vault=vault)
    if rows is None:
        rows = {key: _row(s) for key, s in index_rebuild(user=user, vault=vault).items()}
    if not include_archived:
        rows = {key: row for key, row in rows.items() if not row[ARCHIVED]}
    return PeopleRows(rows)


def _summaries_from_rows(*, user: User, vault: Vault) -> dict[str, PersonSummary]:
    people: dict[str, PersonSummary] = {}
    rows = Person.objects.filter(owner=user).values_list("id", "archived_at", "content")
    for person_id, archived_at, content in rows:
        key = str(person_id)
        try:
            opened = vault.open_json(PERSON_LABEL, person_id, bytes(content))
            details = PersonDetails.from_json(opened)
        except SealError:
            # Kept in lists under a neutral name so the person can still open and fix it.
            details = PersonDetails(name="(could not be opened)")
        people[key] = summary_of(key, details, archived=archived_at is not None)
    return people


def _save(*, vault: Vault, index: PeopleIndex, people: dict[str, PersonSummary]) -> None:
    index.content = vault.seal_json(INDEX_LABEL, index.id, _encode(people))
    index.save()


def _locked(user: User) -> PeopleIndex | None:
    return PeopleIndex.objects.select_for_update().filter(owner=user).first()


@transaction.atomic
def index_rebuild(*, user: User, vault: Vault) -> dict[str, PersonSummary]:
    """Recreate the index from the person rows; return it."""
    index = _locked(user) or PeopleIndex(owner=user)
    people = _summaries_from_rows(user=user, vault=vault)
    _save(vault=vault, index=index, people=people)
    return people


@transaction.atomic
def index_put(*, user: User, vault: Vault, summaries: Iterable[PersonSummary]) -> None:
    """Add or replace the summaries of some people (call inside the service's transaction)."""
    index = _locked(user)
    if index is None:
        # No index yet: build it from the rows, which already hold the new values.
        index_rebuild(user=user, vault=vault)
        return
    try:
        people = _decode(vault.open_json(INDEX_LABEL, index.id, bytes(index.content)))
    except SealError:
        index_rebuild(user=user, vault=vault)
        return
    for summary in summaries:
        people[summary.id] = summary
    _save(vault=vault, index=index, people=people)


@transaction.atomic
def index_drop(*, user: User, vault: Vault, person_ids: Iterable[str]) -> None:
    """Remove people from the index (call inside the service's transaction)."""
    index = _locked(user)
    if index is None:
        return
    try:
        people = _decode(vault.open_json(INDEX_LABEL, index.id, bytes(index.content)))
    except SealError:
        index_rebuild(user=user, vault=vault)
        return
    for person_id in person_ids:
        people.pop(str(person_id), None)
    _save(vault=vault, index=index, people=people)

