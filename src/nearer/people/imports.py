"""Importing people from a contacts file: read, preview, then apply all at once.

1. ``import_prepare`` reads the uploaded file as a stream (``people.vcard``; at
   most ``MAX_CARDS`` cards, the upload itself capped by the upload page),
   sorts every card into "new", "looks like someone already there" (same name,
   ignoring case and accents, against the people index or an earlier card in the
   same file) or "could not be read", and seals that result into a
   ``PendingImport``. The raw file is never stored. Nothing is written to People.
2. ``pending_import_get`` opens it again for the preview page and the decision.
3. ``import_apply`` saves the person's choices in one transaction: new people in
   bulk (``people_create_many``), merges filling only empty fields and adding
   only dates the person does not have yet, up to ``rules.MAX_DATES`` a person
   (the rest are counted in the result). Any failure leaves nothing saved.
   ``import_discard`` (cancel) deletes the pending import.

A pending import is short-lived: older than ``MAX_AGE`` it is refused.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import IO, Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from nearer.accounts.models import User
from nearer.lib.owner import check_vault
from nearer.lib.text import fold_words
from nearer.people import rules
from nearer.people.content import (
    CIRCLE_KEYS,
    DATE_KINDS,
    PERSON_LABEL,
    RELATIONSHIP_KEYS,
    Circle,
    DateKind,
    PersonDetails,
)
from nearer.people.days import date_open, date_seal
from nearer.people.index import index_put, summary_of
from nearer.people.models import ImportantDate, PendingImport, Person
from nearer.people.rules import DateDraft
from nearer.people.selectors import people_index
from nearer.people.services import BULK_BATCH, people_create_many
from nearer.people.vcard import (
    MAX_CARDS,
    Card,
    CardDate,
    NotAContactsFile,
    Problem,
    TooManyCards,
    parse_vcards,
)
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

__all__ = [
    "MAX_AGE",
    "MAX_CARDS",
    "ImportConflict",
    "ImportExpired",
    "ImportResult",
    "Match",
    "NotAContactsFile",
    "PendingPreview",
    "TooManyCards",
    "import_apply",
    "import_discard",
    "import_prepare",
    "name_key",
    "pending_import_create",
    "pending_import_get",
]

PENDING_LABEL = Vault.label(PendingImport, "content")
MAX_AGE = timedelta(days=1)
DEFAULT_CIRCLE: Circle = "wider"
DEFAULT_RELATIONSHIP = "other"
# A custom day needs a name; cards often give a date with no label at all.
UNNAMED_DAY = dict(DATE_KINDS)["custom"]
# Bump when the sealed shape changes: an older pending import is then refused as stale.
_VERSION = 1


class ImportExpired(Exception):
    """The pending import is older than MAX_AGE (or of an older shape)."""


class ImportConflict(Exception):
    """People changed since the preview in a way the choices no longer fit."""


@dataclass(frozen=True, slots=True)
class Match:
    """A card that looks like someone already there.

    ``card`` is the card's index in ``PendingPreview.cards``. Either ``person_id``
    (an existing person, named ``person_name``) or ``other_card`` (the index of an
    earlier card in the same file with the same name) is set.
    """

    card: int
    person_id: str | None
    person_name: str
    other_card: int | None = None


@dataclass(frozen=True, slots=True)
class PendingPreview:
    """What a pending import holds: every card read, and how each was sorted."""

    id: UUID
    created_at: datetime
    cards: tuple[Card, ...]
    new: tuple[int, ...]
    matches: tuple[Match, ...]
    problems: tuple[Problem, ...]

    @property
    def skipped_problems(self) -> int:
        return sum(1 for problem in self.problems if problem.skipped and problem.number)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did; ``dates_left_out`` counts the dates merges could not add
    because the person already had ``rules.MAX_DATES``."""

    added: int
    merged: int
    skipped: int
    unreadable: int
    dates_left_out: int = 0


def name_key(name: str) -> str:
    """Return the name as it is compared: folded as every search is, spacing ignored."""
    return fold_words(name)


# --- Reading and sorting -----------------------------------------------------------


def _checked(card: Card, today: date) -> tuple[Card | None, list[str], str]:
    """Return the card as the people rules accept it, what was changed, or why not.

    Dates whose year the rules refuse (before 1900, or in the future) keep their
    day and month; a custom day without a name gets a neutral one.
    """
    try:
        details = rules.person_details_clean(
            PersonDetails(name=card.name, called=card.nickname, notes=card.note)
        )
    except ValidationError as exc:
        return None, [], " ".join(exc.messages)
    notes: list[str] = []
    dates: list[CardDate] = []
    # Looked up in a set: a list's "in" made a card of many dates quadratic.
    kept: set[CardDate] = set()
    for found in card.dates:
        if found.kind == "custom" and not found.label:
            found = replace(found, label=UNNAMED_DAY)
        try:
            rules.date_draft_clean(_draft(found), today=today)
        except ValidationError:
            if found.year is None:
                notes.append("a date was left out")
                continue
            found = replace(found, year=None)
            notes.append("a year before 1900 or in the future was left out")
        if found not in kept:
            kept.add(found)
            dates.append(found)
    cleaned = replace(
        card, name=details.name, nickname=details.called, note=details.notes, dates=tuple(dates)
    )
    return cleaned, notes, ""


def _draft(found: CardDate) -> DateDraft:
    return DateDraft(
        kind=found.kind, month=found.month, day=found.day, year=found.year, label=found.label
    )


@dataclass
class _Sorted:
    cards: list[Card] = field(default_factory=list)
    new: list[int] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _sort(
    cards: Sequence[Card], problems: Sequence[Problem], existing: dict[str, tuple[str, str]]
) -> _Sorted:
    """Sort cards into new and possible duplicates; ``existing`` maps name keys to
    (person id, name) of the first person with that name."""
    result = _Sorted()
    by_number = {p.number: p for p in problems if p.number is not None}
    result.problems = [p for p in problems if p.number is None]
    seen: dict[str, int] = {}
    today = timezone.localdate()
    for card in cards:
        checked, notes, refusal = _checked(card, today)
        earlier = by_number.pop(card.number, None)
        if checked is None:
            result.problems.append(
                Problem(number=card.number, name="", reason=refusal, skipped=True)
            )
            continue
        reasons = ([earlier.reason] if earlier else []) + notes
        if reasons:
            result.problems.append(
                Problem(
                    number=card.number, name=checked.name, reason="; ".join(reasons), skipped=False
                )
            )
        index = len(result.cards)
        result.cards.append(checked)
        key = name_key(checked.name)
        if key in existing:
            person_id, person_name = existing[key]
            result.matches.append(Match(card=index, person_id=person_id, person_name=person_name))
        elif key in seen:
            first = seen[key]
            result.matches.append(
                Match(
                    card=index,
                    person_id=None,
                    person_name=result.cards[first].name,
                    other_card=first,
                )
            )
        else:
            seen[key] = index
            result.new.append(index)
    result.problems.extend(by_number.values())
    result.problems.sort(key=lambda p: p.number or 0)
    return result


def _encode(found: _Sorted) -> dict[str, Any]:
    return {
        "v": _VERSION,
        "cards": [
            [
                c.number,
                c.name,
                c.nickname,
                c.note,
                [[d.kind, d.label, d.month, d.day, d.year] for d in c.dates],
            ]
            for c in found.cards
        ],
        "new": found.new,
        "matches": [[m.card, m.person_id, m.person_name, m.other_card] for m in found.matches],
        "problems": [[p.number, p.name, p.reason, p.skipped] for p in found.problems],
    }


def _decode(pending_id: UUID, created_at: datetime, value: Any) -> PendingPreview:
    """Rebuild the preview from its opened value; SealError for anything unexpected."""
    try:
        if type(value) is not dict or value.get("v") != _VERSION:
            raise ImportExpired
        cards = tuple(
            Card(
                number=number,
                name=name,
                nickname=nickname,
                note=note,
                dates=tuple(
                    CardDate(kind=kind, label=label, month=month, day=day, year=year)
                    for kind, label, month, day, year in dates
                ),
            )
            for number, name, nickname, note, dates in value["cards"]
        )
        return PendingPreview(
            id=pending_id,
            created_at=created_at,
            cards=cards,
            new=tuple(int(i) for i in value["new"]),
            matches=tuple(
                Match(card=card, person_id=person_id, person_name=name, other_card=other)
                for card, person_id, name, other in value["matches"]
            ),
            problems=tuple(
                Problem(number=number, name=name, reason=reason, skipped=skipped)
                for number, name, reason, skipped in value["problems"]
            ),
        )
    except (KeyError, TypeError, ValueError):
        raise SealError("pending import has an unexpected shape") from None


@transaction.atomic
def pending_import_create(
    *, user: User, vault: Vault, data: bytes | IO[bytes], replace_older: bool = True
) -> PendingImport:
    """Read ``data`` (bytes, or a binary file) as a contacts file and seal the sorted
    result; return the row.

    Raises NotAContactsFile (nothing saved) when the file holds no contacts at all,
    and its kind TooManyCards when it holds more than ``MAX_CARDS``.
    With ``replace_older`` (the default; the upload page always does) the person's
    earlier pending imports are deleted, so at most one waits at a time.
    """
    check_vault(user, vault)
    parsed = parse_vcards(data)
    existing: dict[str, tuple[str, str]] = {}
    for person_id, summary in people_index(user=user, vault=vault, include_archived=True).items():
        existing.setdefault(name_key(summary.name), (person_id, summary.name))
    found = _sort(parsed.cards, parsed.problems, existing)
    if replace_older:
        PendingImport.objects.filter(owner=user).delete()
    pending = PendingImport(owner=user)
    pending.content = vault.seal_json(PENDING_LABEL, pending.id, _encode(found))
    pending.save(force_insert=True)
    return pending


def import_prepare(*, user: User, vault: Vault, data: bytes | IO[bytes]) -> PendingImport:
    """Start an import from an uploaded file (see ``pending_import_create``)."""
    return pending_import_create(user=user, vault=vault, data=data)


def _expired(created_at: datetime) -> bool:
    return timezone.now() - created_at > MAX_AGE


def pending_import_get(*, user: User, vault: Vault, import_id: UUID) -> PendingPreview:
    """Return ``user``'s pending import, opened.

    Raises Http404 when it is not theirs (or gone), ImportExpired when it is older
    than MAX_AGE, and SealError when it will not open.
    """
    row = (
        PendingImport.objects.filter(owner=user, id=import_id)
        .values_list("created_at", "content")
        .first()
    )
    if row is None:
        raise Http404("No such import.")
    created_at, content = row
    if _expired(created_at):
        raise ImportExpired
    opened = vault.open_json(PENDING_LABEL, import_id, bytes(content))
    return _decode(import_id, created_at, opened)


@transaction.atomic
def import_discard(*, user: User, import_id: UUID) -> None:
    """Delete ``user``'s pending import (cancel, or too old); Http404 when not theirs."""
    deleted, _ = PendingImport.objects.filter(owner=user, id=import_id).delete()
    if not deleted:
        raise Http404("No such import.")


# --- Applying ------------------------------------------------------------------------


def _fill(into: Card, other: Card) -> tuple[Card, int]:
    """Return ``into`` with its empty fields taken from ``other`` and its new dates
    added up to ``rules.MAX_DATES``, and how many new dates did not fit."""
    dates = list(into.dates)
    has_birthday = any(d.kind == "birthday" for d in dates)
    keys = {_date_key(d) for d in dates}
    left_out = 0
    for found in other.dates:
        if _date_key(found) in keys or (found.kind == "birthday" and has_birthday):
            continue
        if not rules.dates_room(have=len(dates)):
            left_out += 1
            continue
        dates.append(found)
        keys.add(_date_key(found))
        has_birthday = has_birthday or found.kind == "birthday"
    filled = replace(
        into,
        nickname=into.nickname or other.nickname,
        note=into.note or other.note,
        dates=tuple(dates),
    )
    return filled, left_out


def _date_key(found: CardDate) -> tuple[str, str, int, int]:
    return found.kind, name_key(found.label), found.month, found.day


@transaction.atomic
def import_apply(
    *,
    user: User,
    vault: Vault,
    import_id: UUID,
    merge: Collection[int],
    circle: str = DEFAULT_CIRCLE,
    relationship: str = DEFAULT_RELATIONSHIP,
) -> ImportResult:
    """Save a pending import as chosen, all or nothing; delete it; return the counts.

    ``merge`` holds the card indexes of possible duplicates to merge; every other
    possible duplicate is skipped. New people get ``circle`` and ``relationship``.
    Raises Http404 (not theirs), ImportExpired, ImportConflict (someone to merge
    into is gone), ValidationError (a bad circle or relationship), SealError.
    """
    check_vault(user, vault)
    if circle not in CIRCLE_KEYS or relationship not in RELATIONSHIP_KEYS:
        raise ValidationError("Please choose a circle and a relationship from the lists.")
    locked = PendingImport.objects.select_for_update().filter(owner=user, id=import_id).first()
    if locked is None:
        raise Http404("No such import.")
    if _expired(locked.created_at):
        raise ImportExpired
    preview = _decode(
        locked.id,
        locked.created_at,
        vault.open_json(PENDING_LABEL, locked.id, bytes(locked.content)),
    )
    chosen = [m for m in preview.matches if m.card in merge]
    # Cards merged into an earlier card of the same file join it before it is saved.
    combined = {index: preview.cards[index] for index in preview.new}
    left_out = 0
    for match in chosen:
        if match.other_card is not None and match.other_card in combined:
            first = match.other_card
            combined[first], more = _fill(combined[first], preview.cards[match.card])
            left_out += more
    into_existing: dict[str, list[Card]] = {}
    for match in chosen:
        if match.person_id is not None:
            into_existing.setdefault(match.person_id, []).append(preview.cards[match.card])
    left_out += _merge_into_existing(user=user, vault=vault, cards_by_person=into_existing)
    people = [
        (
            PersonDetails(
                name=card.name,
                called=card.nickname,
                notes=card.note,
                circle=circle,  # type: ignore[arg-type]  # checked against CIRCLE_KEYS above
                relationship=relationship,
            ),
            [_draft(found) for found in card.dates],
        )
        for card in combined.values()
    ]
    if people:
        people_create_many(user=user, vault=vault, people=people)
    locked.delete()
    return ImportResult(
        added=len(people),
        merged=len(chosen),
        skipped=len(preview.matches) - len(chosen),
        unreadable=preview.skipped_problems,
        dates_left_out=left_out,
    )


def _merge_into_existing(
    *, user: User, vault: Vault, cards_by_person: dict[str, list[Card]]
) -> int:
    """Fill empty fields of existing people and add their missing dates, in bulk.

    A person's dates (theirs first, then each card's in order) stop at
    ``rules.MAX_DATES``; a year may still be filled into a date they have. One query
    for the people, one for their dates, bulk writes and one index update however
    many are merged (``person_update`` would rewrite the index once per person).
    The people's rows are locked first, so no date can be added beside the merge.
    Returns how many new dates were left out for want of room.
    """
    if not cards_by_person:
        return 0
    ids = [UUID(person_id) for person_id in cards_by_person]
    rows = list(Person.objects.select_for_update().filter(owner=user, id__in=ids))
    if len(rows) != len(ids):
        raise ImportConflict
    dates_of: dict[UUID, list[tuple[ImportantDate, DateKind, str]]] = {}
    # Every row counts towards the limit, one that will not open too.
    have: dict[UUID, int] = {}
    date_rows = ImportantDate.objects.filter(owner=user, person_id__in=ids)
    for row in date_rows.only("id", "person_id", "month", "day", "year", "content"):
        have[row.person_id] = have.get(row.person_id, 0) + 1
        try:
            kind, label = date_open(vault, row.id, row.content)
        except SealError:
            continue
        dates_of.setdefault(row.person_id, []).append((row, kind, label))
    now = timezone.now()
    changed_people: list[Person] = []
    summaries = []
    new_dates: list[ImportantDate] = []
    filled_years: list[ImportantDate] = []
    left_out = 0
    for person in rows:
        try:
            details = PersonDetails.from_json(
                vault.open_json(PERSON_LABEL, person.id, bytes(person.content))
            )
        except SealError:
            raise ImportConflict from None
        kept = dates_of.get(person.id, [])
        by_key: dict[tuple[str, str, int, int], ImportantDate] = {
            (kind, name_key(label), row.month, row.day): row for row, kind, label in kept
        }
        has_birthday = any(kind == "birthday" for _, kind, _ in kept)
        count = have.get(person.id, 0)
        filled = details
        for card in cards_by_person[str(person.id)]:
            filled = replace(
                filled,
                called=filled.called or card.nickname,
                notes=filled.notes or card.note,
            )
            for found in card.dates:
                key = _date_key(found)
                same = by_key.get(key)
                if same is not None:
                    if same.year is None and found.year is not None:
                        same.year = found.year
                        filled_years.append(same)
                    continue
                if found.kind == "birthday" and has_birthday:
                    continue
                if not rules.dates_room(have=count):
                    left_out += 1
                    continue
                count += 1
                row = ImportantDate(
                    owner=user, person=person, month=found.month, day=found.day, year=found.year
                )
                row.content = date_seal(vault, row.id, kind=found.kind, label=found.label)
                new_dates.append(row)
                by_key[key] = row
                has_birthday = has_birthday or found.kind == "birthday"
        if filled != details:
            filled = rules.person_details_clean(filled)
            person.content = vault.seal_json(PERSON_LABEL, person.id, filled.as_json())
            person.updated_at = now
            changed_people.append(person)
            summaries.append(
                summary_of(str(person.id), filled, archived=person.archived_at is not None)
            )
    Person.objects.bulk_update(changed_people, ["content", "updated_at"], batch_size=BULK_BATCH)
    ImportantDate.objects.bulk_create(new_dates, batch_size=BULK_BATCH)
    ImportantDate.objects.bulk_update(filled_years, ["year"], batch_size=BULK_BATCH)
    if summaries:
        index_put(user=user, vault=vault, summaries=summaries)
    return left_out
