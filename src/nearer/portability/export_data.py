"""Everything a person has in Nearer, read and opened for the export.

Each reader walks one kind of the person's own rows (always filtered by owner)
in a stable order, a thousand rows at a time, opens each with their vault and
yields it as the plain JSON object docs/export.md describes. Nothing is kept
beyond the row being written, so the export's memory does not grow with the
years of a journal. A row whose content will not open is counted in
``Gathered.unreadable`` and left out, never guessed at.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID

from nearer.accounts.models import User
from nearer.accounts.services import preferences_get
from nearer.checkins import content as checkin_content
from nearer.checkins.models import CheckIn
from nearer.decks import session_content, state
from nearer.decks.models import DeckSession, DeckState
from nearer.journal import content as entry_content
from nearer.journal.models import Entry
from nearer.lib.owner import check_vault
from nearer.moments import content as moment_content
from nearer.moments.models import Moment, MomentPerson
from nearer.opening import content as share_content
from nearer.opening.models import Share
from nearer.people.content import PERSON_LABEL, PersonDetails
from nearer.people.days import date_open, rating_open
from nearer.people.models import ClosenessRating, ImportantDate, Person
from nearer.scales import content as result_content
from nearer.scales.models import ScaleResult
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

FORMAT = "nearer-export"
# Raise when a field changes meaning or goes; adding an optional field keeps it.
VERSION = 1
# Rows fetched per round trip: enough to keep the database busy, few enough that
# a chunk of opened rows stays small.
CHUNK = 1000
# The one file of the zip an import reads.
JSON_NAME = "nearer-export.json"
# The export's zip inside the encrypted download (``export_stream``).
INNER_NAME = "nearer-export.zip"

# The kinds in the order the JSON file lists them, with the words pages use.
KINDS: tuple[tuple[str, str], ...] = (
    ("people", "people"),
    ("important_dates", "important dates"),
    ("closeness_ratings", "closeness ratings"),
    ("journal", "journal entries"),
    ("checkins", "check-ins"),
    ("scale_results", "scale results"),
    ("moments", "moments"),
    ("shares", "opening-up shares"),
    ("deck_sessions", "conversation-deck sessions"),
)


@dataclass
class Gathered:
    """What one export wrote (per kind) and how many rows would not open."""

    written: Counter[str] = field(default_factory=Counter)
    unreadable: Counter[str] = field(default_factory=Counter)


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _ids(values: Any) -> list[str]:
    return [str(value) for value in values]


def preferences_item(*, user: User, vault: Vault) -> dict[str, Any]:
    """The account's sealed preferences as they are (time zone, name, rhythms…)."""
    check_vault(user, vault)
    return preferences_get(user=user, vault=vault)


def people_items(*, user: User, vault: Vault, gathered: Gathered) -> Iterator[dict[str, Any]]:
    """Every person (archived ones too) with their important dates and closeness ratings."""
    check_vault(user, vault)
    dates: defaultdict[UUID, list[dict[str, Any]]] = defaultdict(list)
    for date_id, person_id, month, day, year, sealed in (
        ImportantDate.objects.filter(owner=user)
        .order_by("month", "day", "id")
        .values_list("id", "person_id", "month", "day", "year", "content")
        .iterator(chunk_size=CHUNK)
    ):
        try:
            kind, label = date_open(vault, date_id, sealed)
        except SealError:
            gathered.unreadable["important_dates"] += 1
            continue
        dates[person_id].append(
            {
                "id": str(date_id),
                "kind": kind,
                "label": label,
                "month": month,
                "day": day,
                "year": year,
            }
        )
        gathered.written["important_dates"] += 1
    ratings: defaultdict[UUID, list[dict[str, Any]]] = defaultdict(list)
    for rating_id, person_id, rated_on, created_at, sealed in (
        ClosenessRating.objects.filter(owner=user)
        .order_by("rated_on", "created_at", "id")
        .values_list("id", "person_id", "rated_on", "created_at", "content")
        .iterator(chunk_size=CHUNK)
    ):
        try:
            value = rating_open(vault, rating_id, sealed)
        except SealError:
            gathered.unreadable["closeness_ratings"] += 1
            continue
        ratings[person_id].append(
            {
                "id": str(rating_id),
                "rated_on": _iso(rated_on),
                "value": value,
                "created_at": _iso(created_at),
            }
        )
        gathered.written["closeness_ratings"] += 1
    for row in (
        Person.objects.filter(owner=user)
        .order_by("created_at", "id")
        .values_list(
            "id",
            "created_at",
            "updated_at",
            "archived_at",
            "last_moment_on",
            "snoozed_until",
            "content",
        )
        .iterator(chunk_size=CHUNK)
    ):
        person_id, created_at, updated_at, archived_at, last_moment_on, snoozed_until, sealed = row
        try:
            details = PersonDetails.from_json(
                vault.open_json(PERSON_LABEL, person_id, bytes(sealed))
            )
        except SealError:
            gathered.unreadable["people"] += 1
            continue
        gathered.written["people"] += 1
        yield {
            "id": str(person_id),
            **details.as_json(),
            "archived_at": _iso(archived_at),
            "snoozed_until": _iso(snoozed_until),
            "last_moment_on": _iso(last_moment_on),
            "created_at": _iso(created_at),
            "updated_at": _iso(updated_at),
            "important_dates": dates.pop(person_id, []),
            "closeness_ratings": ratings.pop(person_id, []),
        }


def journal_items(*, user: User, vault: Vault, gathered: Gathered) -> Iterator[dict[str, Any]]:
    """Every journal entry, oldest first."""
    check_vault(user, vault)
    for entry_id, entry_date, created_at, updated_at, sealed in (
        Entry.objects.filter(owner=user)
        .order_by("entry_date", "created_at", "id")
        .values_list("id", "entry_date", "created_at", "updated_at", "content")
        .iterator(chunk_size=CHUNK)
    ):
        try:
            content = entry_content.content_open(vault, entry_id, sealed)
        except SealError:
            gathered.unreadable["journal"] += 1
            continue
        gathered.written["journal"] += 1
        yield {
            "id": str(entry_id),
            "date": _iso(entry_date),
            **content.as_json(),
            "created_at": _iso(created_at),
            "updated_at": _iso(updated_at),
        }


def checkin_items(*, user: User, vault: Vault, gathered: Gathered) -> Iterator[dict[str, Any]]:
    """Every check-in, oldest first; ``people`` are ids of the export's people."""
    check_vault(user, vault)
    for checkin_id, at, local_date, created_at, updated_at, sealed in (
        CheckIn.objects.filter(owner=user)
        .order_by("at", "id")
        .values_list("id", "at", "local_date", "created_at", "updated_at", "content")
        .iterator(chunk_size=CHUNK)
    ):
        try:
            content = checkin_content.content_open(vault, checkin_id, sealed)
        except SealError:
            gathered.unreadable["checkins"] += 1
            continue
        gathered.written["checkins"] += 1
        yield {
            "id": str(checkin_id),
            "at": _iso(at),
            "local_date": _iso(local_date),
            **content.as_json(),
            "created_at": _iso(created_at),
            "updated_at": _iso(updated_at),
        }


def scale_result_items(*, user: User, vault: Vault, gathered: Gathered) -> Iterator[dict[str, Any]]:
    """Every result of a well-being scale, oldest first."""
    check_vault(user, vault)
    for result_id, taken_at, taken_on, sealed in (
        ScaleResult.objects.filter(owner=user)
        .order_by("taken_at", "id")
        .values_list("id", "taken_at", "taken_on", "content")
        .iterator(chunk_size=CHUNK)
    ):
        try:
            content = result_content.content_open(vault, result_id, sealed)
        except SealError:
            gathered.unreadable["scale_results"] += 1
            continue
        gathered.written["scale_results"] += 1
        yield {
            "id": str(result_id),
            "taken_at": _iso(taken_at),
            "taken_on": _iso(taken_on),
            **content.as_json(),
        }


def moment_people(*, user: User) -> dict[UUID, list[str]]:
    """Who was at each of the person's moments: moment id → person ids (as text)."""
    who: defaultdict[UUID, list[str]] = defaultdict(list)
    for moment_id, person_id in (
        MomentPerson.objects.filter(moment__owner=user)
        .order_by("moment_id", "person_id")
        .values_list("moment_id", "person_id")
        .iterator(chunk_size=CHUNK * 5)
    ):
        who[moment_id].append(str(person_id))
    return who


def moment_items(*, user: User, vault: Vault, gathered: Gathered) -> Iterator[dict[str, Any]]:
    """Every moment, oldest first, with who was there."""
    check_vault(user, vault)
    who = moment_people(user=user)
    for moment_id, occurred_on, created_at, updated_at, sealed in (
        Moment.objects.filter(owner=user)
        .order_by("occurred_on", "created_at", "id")
        .values_list("id", "occurred_on", "created_at", "updated_at", "content")
        .iterator(chunk_size=CHUNK)
    ):
        try:
            content = moment_content.content_open(vault, moment_id, sealed)
        except SealError:
            gathered.unreadable["moments"] += 1
            continue
        gathered.written["moments"] += 1
        yield {
            "id": str(moment_id),
            "occurred_on": _iso(occurred_on),
            "people": who.get(moment_id, []),
            **content.as_json(),
            "created_at": _iso(created_at),
            "updated_at": _iso(updated_at),
        }


def share_items(*, user: User, vault: Vault, gathered: Gathered) -> Iterator[dict[str, Any]]:
    """Every opening-up share, oldest first, with the moment and entry it led to."""
    check_vault(user, vault)
    for row in (
        Share.objects.filter(owner=user)
        .order_by("created_at", "id")
        .values_list(
            "id",
            "state",
            "created_at",
            "updated_at",
            "shared_on",
            "moment_id",
            "entry_id",
            "content",
        )
        .iterator(chunk_size=CHUNK)
    ):
        share_id, share_state, created_at, updated_at, shared_on, moment_id, entry_id, sealed = row
        try:
            content = share_content.content_open(vault, share_id, sealed)
        except SealError:
            gathered.unreadable["shares"] += 1
            continue
        gathered.written["shares"] += 1
        yield {
            "id": str(share_id),
            "state": share_state,
            "shared_on": _iso(shared_on),
            "moment": str(moment_id) if moment_id else None,
            "entry": str(entry_id) if entry_id else None,
            **content.as_json(),
            "created_at": _iso(created_at),
            "updated_at": _iso(updated_at),
        }


def deck_item(*, user: User, vault: Vault, gathered: Gathered) -> dict[str, Any] | None:
    """The conversation decks' state (draws, favourites, hidden cards, themes), or None."""
    check_vault(user, vault)
    row = DeckState.objects.filter(owner=user).values_list("id", "content").first()
    if row is None:
        return None
    try:
        return state.content_open(vault, row[0], row[1]).as_json()
    except SealError:
        gathered.unreadable["deck"] += 1
        return None


def deck_session_items(*, user: User, vault: Vault, gathered: Gathered) -> Iterator[dict[str, Any]]:
    """Every conversation-deck session, oldest first."""
    check_vault(user, vault)
    for session_id, person_id, session_state, started_at, ended_at, moment_id, sealed in (
        DeckSession.objects.filter(owner=user)
        .order_by("started_at", "id")
        .values_list("id", "person_id", "state", "started_at", "ended_at", "moment_id", "content")
        .iterator(chunk_size=CHUNK)
    ):
        try:
            content = session_content.content_open(vault, session_id, sealed)
        except SealError:
            gathered.unreadable["deck_sessions"] += 1
            continue
        gathered.written["deck_sessions"] += 1
        yield {
            "id": str(session_id),
            "person": str(person_id),
            "state": session_state,
            "started_at": _iso(started_at),
            "ended_at": _iso(ended_at),
            "moment": str(moment_id) if moment_id else None,
            **content.as_json(),
        }


__all__ = [
    "CHUNK",
    "FORMAT",
    "INNER_NAME",
    "JSON_NAME",
    "KINDS",
    "VERSION",
    "Gathered",
    "checkin_items",
    "deck_item",
    "deck_session_items",
    "journal_items",
    "moment_items",
    "moment_people",
    "people_items",
    "preferences_item",
    "scale_result_items",
    "share_items",
]
