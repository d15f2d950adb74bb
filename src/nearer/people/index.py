"""The sealed index of a person's people: one blob with everyone's summary.

Lists, nudges, pickers and check-ins need the name, circle and rhythm of
everyone at once. Opening one sealed blob costs about as much as opening two or
three rows, so with hundreds of people this is what keeps those pages fast.

The index is derived data, kept the one way all derived data is (``vault.derived``):
readers open it, or work it out from the person rows when it is missing,
unreadable or old, and never write; the people services call ``index_put`` /
``index_drop`` in the same transaction as the rows they change (under the lock of
the index row); ``derived_refresh`` at login rebuilds it when needed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from nearer.accounts.models import User
from nearer.lib.private import QuietRepr
from nearer.people.content import (
    CIRCLE_KEYS,
    PERSON_LABEL,
    Circle,
    PersonDetails,
)
from nearer.people.models import Person
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.derived import Kind, derived_change, derived_read, register

# Bump when the stored shape changes; an index of another version is computed afresh.
VERSION = 2


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
    if type(value) is not dict or type(value.get("p")) is not dict:
        raise SealError("people index has an unexpected shape")
    rows: dict[str, list[Any]] = value["p"]
    circles = CIRCLE_KEYS
    for row in rows.values():
        if type(row) is not list or len(row) != 8 or row[2] not in circles:
            raise SealError("people index has an unexpected row")
    return rows


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


Rows = dict[str, list[Any]]


def _rows_of_person_rows(owner_id: int, vault: Vault, subject: UUID) -> Rows:
    """The index worked out from the person rows (archived too), in the order added."""
    rows: Rows = {}
    people = (
        Person.objects.filter(owner_id=owner_id)
        .order_by("created_at")
        .values_list("id", "archived_at", "content")
    )
    for person_id, archived_at, content in people:
        key = str(person_id)
        try:
            opened = vault.open_json(PERSON_LABEL, person_id, bytes(content))
            details = PersonDetails.from_json(opened)
        except SealError:
            # Kept in lists under a neutral name so the person can still open and fix it.
            details = PersonDetails(name="(could not be opened)")
        rows[key] = _row(summary_of(key, details, archived=archived_at is not None))
    return rows


INDEX = register(
    Kind[Rows](
        name="people.index",
        version=VERSION,
        compute=_rows_of_person_rows,
        encode=lambda rows: {"p": rows},
        decode=_checked,
    )
)


def index_open(*, user: User, vault: Vault) -> dict[str, PersonSummary]:
    """Return every person of ``user`` (archived too) by id string, in the order added.

    Never writes: without a readable index it is worked out from the rows.
    """
    rows = derived_read(INDEX, user=user, vault=vault)
    return {key: PersonSummary(key, *row) for key, row in rows.items()}


def index_rows(*, user: User, vault: Vault, include_archived: bool = True) -> PeopleRows:
    """Return ``index_open`` as ``PeopleRows`` (summaries made on demand).

    ``include_archived=False`` leaves archived people out. Never writes.
    """
    rows = derived_read(INDEX, user=user, vault=vault)
    if not include_archived:
        rows = {key: row for key, row in rows.items() if not row[ARCHIVED]}
    return PeopleRows(rows)


def index_put(*, user: User, vault: Vault, summaries: Iterable[PersonSummary]) -> None:
    """Add or replace the summaries of some people (call inside the service's
    transaction, after saving their rows)."""

    def put(rows: Rows) -> Rows:
        for summary in summaries:
            rows[summary.id] = _row(summary)
        return rows

    derived_change(INDEX, user=user, vault=vault, change=put)


def index_drop(*, user: User, vault: Vault, person_ids: Iterable[str]) -> None:
    """Remove people from the index (call inside the service's transaction, after
    deleting their rows)."""

    def drop(rows: Rows) -> Rows:
        for person_id in person_ids:
            rows.pop(str(person_id), None)
        return rows

    derived_change(INDEX, user=user, vault=vault, change=drop)
