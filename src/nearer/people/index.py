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

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from nearer.accounts.models import User
from nearer.lib.private import QuietRepr
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


def _decode(value: Any) -> dict[str, PersonSummary]:
    if type(value) is not dict or value.get("v") != VERSION or type(value.get("p")) is not dict:
        raise SealError("people index has an unexpected shape")
    people: dict[str, PersonSummary] = {}
    for key, row in value["p"].items():
        if type(row) is not list or len(row) != 8 or row[2] not in CIRCLE_KEYS:
            raise SealError("people index has an unexpected row")
        people[key] = PersonSummary(key, *row)
    return people


def _encode(people: dict[str, PersonSummary]) -> dict[str, Any]:
    return {"v": VERSION, "p": {key: _row(s) for key, s in people.items()}}


def index_open(*, user: User, vault: Vault) -> dict[str, PersonSummary]:
    """Return every person of ``user`` (archived too) by id string; rebuild if needed."""
    row = PeopleIndex.objects.filter(owner=user).values_list("id", "content").first()
    if row is not None:
        try:
            return _decode(vault.open_json(INDEX_LABEL, row[0], bytes(row[1])))
        except SealError:
            pass
    return index_rebuild(user=user, vault=vault)


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

