"""Writes for people: create, change, archive, restore and delete people; their
important dates; closeness ratings.

Every function takes the person using Nearer (``user``) and their unlocked vault,
seals before anything reaches the database and runs in one transaction, so a
failure leaves nothing half-written. Every change to a person also updates the
sealed people index (``people.index``) in that same transaction, and every
closeness rating the person's sealed ratings summary (``people.ratings``): both are
derived values (``vault.derived``). Rows are always
looked up together with their owner: another person's id is Http404.

Validation errors raise ValidationError with messages for the person (keyed by
field when there are several); nothing is saved then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from nearer.accounts.models import User
from nearer.lib.owner import check_vault
from nearer.lib.reminder_inputs import changed as reminder_inputs_changed
from nearer.people import rules
from nearer.people.content import PERSON_LABEL, PersonDetails
from nearer.people.days import date_open, date_seal, rating_seal
from nearer.people.index import index_drop, index_put, summary_of
from nearer.people.models import ClosenessRating, ImportantDate, Person
from nearer.people.ratings import summary_forget, summary_rated
from nearer.people.rules import DateDraft
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

__all__ = [
    "DateDraft",
    "closeness_rate",
    "date_add",
    "date_delete",
    "date_update",
    "people_create_many",
    "person_archive",
    "person_create",
    "person_delete",
    "person_restore",
    "person_update",
]

# Rows per INSERT in bulk imports: well under SQLite's and PostgreSQL's parameter limits.
BULK_BATCH = 500
# One birthday per person; anniversaries and custom days may repeat.
_ONE_PER_PERSON = frozenset({"birthday"})


def _today() -> date:
    # Only bounds the year of an important date (up to next year): a day either way
    # across time zones changes nothing that matters.
    return timezone.localdate()


def _person_locked(user: User, person_id: UUID) -> Person:
    person = Person.objects.select_for_update().filter(owner=user, id=person_id).first()
    if person is None:
        raise Http404("No such person.")
    return person


def _seal_person(vault: Vault, person: Person, details: PersonDetails) -> None:
    person.content = vault.seal_json(PERSON_LABEL, person.id, details.as_json())


def _dates_clean(drafts: Sequence[DateDraft], *, today: date) -> list[DateDraft]:
    rules.dates_total_check(have=0, adding=len(drafts))
    cleaned = [rules.date_draft_clean(draft, today=today) for draft in drafts]
    kinds: list[str] = [draft.kind for draft in cleaned]
    for kind in _ONE_PER_PERSON:
        if kinds.count(kind) > 1:
            raise ValidationError({"kind": ["Someone has only one birthday."]})
    return cleaned


def _date_row(user: User, vault: Vault, person: Person, draft: DateDraft) -> ImportantDate:
    row = ImportantDate(
        owner=user, person=person, month=draft.month, day=draft.day, year=draft.year
    )
    row.content = date_seal(vault, row.id, kind=draft.kind, label=draft.label)
    return row


@transaction.atomic
def person_create(
    *,
    user: User,
    vault: Vault,
    details: PersonDetails,
    dates: Sequence[DateDraft] = (),
) -> Person:
    """Seal and save a new person with their important dates; return the row.

    Raises ValidationError (nothing saved) when a detail or a date breaks the
    rules in ``people.rules`` (at most ``rules.MAX_DATES`` dates).
    """
    check_vault(user, vault)
    details = rules.person_details_clean(details)
    drafts = _dates_clean(dates, today=_today())
    person = Person(owner=user)
    _seal_person(vault, person, details)
    person.save(force_insert=True)
    ImportantDate.objects.bulk_create([_date_row(user, vault, person, d) for d in drafts])
    index_put(
        user=user, vault=vault, summaries=[summary_of(str(person.id), details, archived=False)]
    )
    reminder_inputs_changed(user=user, vault=vault, parts=("nudges", "birthdays"))
    return person


@transaction.atomic
def people_create_many(
    *,
    user: User,
    vault: Vault,
    people: Sequence[tuple[PersonDetails, Sequence[DateDraft]]],
) -> list[Person]:
    """Seal and save many people at once (imports); return their rows in order.

    Everything is checked first: one bad person raises ValidationError naming its
    position ("Person 3: ...") and nothing is saved. Rows go in with bulk inserts
    and the index is rewritten once, so thousands take seconds.
    """
    check_vault(user, vault)
    today = _today()
    cleaned: list[tuple[PersonDetails, list[DateDraft]]] = []
    for position, (details, drafts) in enumerate(people, start=1):
        try:
            cleaned.append((rules.person_details_clean(details), _dates_clean(drafts, today=today)))
        except ValidationError as exc:
            raise ValidationError(
                [f"Person {position}: {message}" for message in exc.messages]
            ) from None
    rows: list[Person] = []
    date_rows: list[ImportantDate] = []
    for details, drafts in cleaned:
        person = Person(owner=user)
        _seal_person(vault, person, details)
        rows.append(person)
        date_rows.extend(_date_row(user, vault, person, draft) for draft in drafts)
    Person.objects.bulk_create(rows, batch_size=BULK_BATCH)
    ImportantDate.objects.bulk_create(date_rows, batch_size=BULK_BATCH)
    index_put(
        user=user,
        vault=vault,
        summaries=[
            summary_of(str(person.id), details, archived=False)
            for person, (details, _) in zip(rows, cleaned, strict=True)
        ],
    )
    reminder_inputs_changed(user=user, vault=vault, parts=("nudges", "birthdays"))
    return rows


@transaction.atomic
def person_update(
    *,
    user: User,
    vault: Vault,
    person_id: UUID,
    details: PersonDetails,
    add_dates: Sequence[DateDraft] = (),
) -> Person:
    """Replace a person's details (and add ``add_dates``, e.g. from a merge); return the row.

    Their dates, ratings and moments are kept. Raises Http404 when the person is
    not ``user``'s and ValidationError (nothing changed) for bad values, including
    a second birthday or more dates than ``rules.MAX_DATES`` together.
    """
    check_vault(user, vault)
    person = _person_locked(user, person_id)
    details = rules.person_details_clean(details)
    drafts = _dates_clean(add_dates, today=_today())
    _dates_room_check(person, adding=len(drafts))
    if any(d.kind == "birthday" for d in drafts) and _birthday_ids(vault, person):
        raise ValidationError({"kind": ["Someone has only one birthday."]})
    try:
        current = _details_of(vault, person)
    except ValidationError:
        # Details that would not open are replaced whole.
        before: tuple[int | None, ...] | None = None
    else:
        before = current.rhythm
        # The link to a partner's account (Together) is not on the form: kept.
        if details.partner_user is None and current.partner_user is not None:
            details = replace(details, partner_user=current.partner_user)
    _seal_person(vault, person, details)
    fields = ["content", "updated_at"]
    if before != details.rhythm:
        # A new rhythm starts a new count: a snooze set for the old one no longer holds.
        person.snoozed_until = None
        fields.append("snoozed_until")
    person.save(update_fields=fields)
    ImportantDate.objects.bulk_create([_date_row(user, vault, person, d) for d in drafts])
    index_put(
        user=user,
        vault=vault,
        summaries=[summary_of(str(person.id), details, archived=person.archived_at is not None)],
    )
    reminder_inputs_changed(user=user, vault=vault, parts=("nudges", "birthdays"))
    return person


def _dates_room_check(person: Person, *, adding: int) -> None:
    """Raise ValidationError when the person cannot keep ``adding`` more dates.

    Called after ``_person_locked``: the lock on the person's row (PostgreSQL) or the
    write transaction begun at once (SQLite, IMMEDIATE) makes two adds at the same
    time count one after the other, so together they cannot pass the limit.
    """
    if adding:
        rules.dates_total_check(have=person.important_dates.count(), adding=adding)


def _birthday_ids(vault: Vault, person: Person, *, leave_out: UUID | None = None) -> list[UUID]:
    """Return the ids of the person's dates that open as birthdays."""
    ids = []
    for date_id, content in person.important_dates.values_list("id", "content"):
        if date_id == leave_out:
            continue
        try:
            kind, _ = date_open(vault, date_id, content)
        except SealError:
            continue
        if kind == "birthday":
            ids.append(date_id)
    return ids


def _details_of(vault: Vault, person: Person) -> PersonDetails:
    """Return the person's opened details, or raise ValidationError if they won't open."""
    try:
        return PersonDetails.from_json(
            vault.open_json(PERSON_LABEL, person.id, bytes(person.content))
        )
    except SealError:
        raise ValidationError(
            "This person's details could not be opened, so nothing was changed.",
            code="unreadable",
        ) from None


def _set_archived(user: User, vault: Vault, person_id: UUID, when: datetime | None) -> Person:
    check_vault(user, vault)
    person = _person_locked(user, person_id)
    details = _details_of(vault, person)
    person.archived_at = when
    person.save(update_fields=["archived_at", "updated_at"])
    index_put(
        user=user,
        vault=vault,
        summaries=[summary_of(str(person.id), details, archived=when is not None)],
    )
    reminder_inputs_changed(user=user, vault=vault, parts=("nudges", "birthdays"))
    return person


@transaction.atomic
def person_archive(*, user: User, vault: Vault, person_id: UUID) -> Person:
    """Move a person out of lists and nudges, keeping everything; return the row.

    Archiving someone already archived keeps the first time. Http404 when not theirs.
    """
    person = Person.objects.filter(owner=user, id=person_id).only("archived_at").first()
    when = person.archived_at if person is not None and person.archived_at else timezone.now()
    return _set_archived(user, vault, person_id, when)


@transaction.atomic
def person_restore(*, user: User, vault: Vault, person_id: UUID) -> Person:
    """Bring an archived person back into lists and nudges; Http404 when not theirs."""
    return _set_archived(user, vault, person_id, None)


@transaction.atomic
def person_delete(*, user: User, vault: Vault, person_id: UUID) -> None:
    """Delete a person for good with their dates and ratings (their moments stay,
    without them); Http404 when not ``user``'s."""
    check_vault(user, vault)
    deleted, _ = Person.objects.filter(owner=user, id=person_id).delete()
    if not deleted:
        raise Http404("No such person.")
    index_drop(user=user, vault=vault, person_ids=[str(person_id)])
    summary_forget(user=user, person_ids=[person_id])
    reminder_inputs_changed(user=user, vault=vault, parts=("nudges", "birthdays"))


@transaction.atomic
def date_add(*, user: User, vault: Vault, person_id: UUID, draft: DateDraft) -> ImportantDate:
    """Add an important date to a person; return it.

    Raises Http404 when the person is not ``user``'s and ValidationError for a day
    that does not exist, a custom day without a name, a second birthday, or a date
    past ``rules.MAX_DATES``.
    """
    check_vault(user, vault)
    person = _person_locked(user, person_id)
    (cleaned,) = _dates_clean([draft], today=_today())
    _dates_room_check(person, adding=1)
    if cleaned.kind == "birthday" and _birthday_ids(vault, person):
        raise ValidationError({"kind": ["Someone has only one birthday."]})
    row = _date_row(user, vault, person, cleaned)
    row.save(force_insert=True)
    reminder_inputs_changed(user=user, vault=vault, parts=("birthdays",))
    return row


@transaction.atomic
def date_update(*, user: User, vault: Vault, date_id: UUID, draft: DateDraft) -> ImportantDate:
    """Change an important date's day, year, kind or label; return it.

    Http404 when the date is not ``user``'s; ValidationError as for ``date_add``.
    """
    check_vault(user, vault)
    row = (
        ImportantDate.objects.select_for_update()
        .select_related("person")
        .filter(owner=user, id=date_id)
        .first()
    )
    if row is None:
        raise Http404("No such date.")
    (cleaned,) = _dates_clean([draft], today=_today())
    if cleaned.kind == "birthday" and _birthday_ids(vault, row.person, leave_out=row.id):
        raise ValidationError({"kind": ["Someone has only one birthday."]})
    row.month, row.day, row.year = cleaned.month, cleaned.day, cleaned.year
    row.content = date_seal(vault, row.id, kind=cleaned.kind, label=cleaned.label)
    row.save(update_fields=["month", "day", "year", "content"])
    reminder_inputs_changed(user=user, vault=vault, parts=("birthdays",))
    return row


@transaction.atomic
def date_delete(*, user: User, date_id: UUID, vault: Vault | None = None) -> UUID:
    """Delete an important date; return the id of the person it belonged to.

    Http404 when the date is not ``user``'s. ``vault``: to work out the next birthday
    for reminders again (without it, that date is forgotten until the next login).
    """
    row = ImportantDate.objects.filter(owner=user, id=date_id).values_list("person_id").first()
    if row is None:
        raise Http404("No such date.")
    ImportantDate.objects.filter(owner=user, id=date_id).delete()
    reminder_inputs_changed(user=user, vault=vault, parts=("birthdays",))
    return row[0]


@transaction.atomic
def closeness_rate(
    *, user: User, vault: Vault, person_id: UUID, value: int, rated_on: date
) -> ClosenessRating:
    """Record how close ``user`` feels to a person on ``rated_on`` (1–7, the IOS picture).

    One rating per day: rating again the same day replaces it. Http404 when the
    person is not ``user``'s; ValidationError for a value outside 1–7 or a day far
    from today (more than a day ahead, or before 1900).
    """
    check_vault(user, vault)
    person = _person_locked(user, person_id)
    value = rules.closeness_clean(value)
    if (
        not isinstance(rated_on, date)
        or rated_on.year < rules.MIN_YEAR
        or (rated_on - _today()).days > 1
    ):
        raise ValidationError({"rated_on": ["Please rate on a day up to today."]})
    rating = (
        ClosenessRating.objects.select_for_update()
        .filter(owner=user, person=person, rated_on=rated_on)
        .first()
    )
    replaced = rating is not None
    if rating is None:
        rating = ClosenessRating(owner=user, person=person, rated_on=rated_on)
        rating.content = rating_seal(vault, rating.id, value)
        rating.save(force_insert=True)
    else:
        rating.content = rating_seal(vault, rating.id, value)
        rating.save(update_fields=["content"])
    summary_rated(
        user=user, vault=vault, person=person, rated_on=rated_on, value=value, replaced=replaced
    )
    return rating
