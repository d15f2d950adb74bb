"""Writes for moments: create, change and delete moments; snooze a nudge.

Every write keeps the clear dates the nudges count from in step with the moments:
``MomentPerson.occurred_on`` repeats the moment's day, and ``Person.last_moment_on``
is recomputed from the links of every person a write touched (so a new moment
resets the clock and deleting the latest one moves it back). All of it happens in
one transaction: nothing is ever half-written.

Person ids always come back through a query scoped to the owner: an id that is not
one of this person's people is refused, never trusted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, time, timedelta
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone

from nearer.accounts.models import User
from nearer.lib.owner import check_vault
from nearer.lib.reminder_inputs import changed as reminder_inputs_changed
from nearer.moments.content import (
    CLOSENESS_LABELS,
    HOW_LABELS,
    KIND_LABELS,
    MAX_MINUTES,
    MAX_NOTE,
    OPENED_UP_LABELS,
    MomentContent,
    content_open,
    content_seal,
)
from nearer.moments.kinds_by_day import Seen, kinds_rebuild, kinds_replace
from nearer.moments.models import Moment, MomentPerson
from nearer.moments.openness import (
    openness_add,
    openness_rebuild,
    openness_remove,
    openness_replace,
)
from nearer.people.models import Person
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

EARLIEST = date(1900, 1, 1)
# How far a snooze may reach: long enough for a season, short enough to come back.
MAX_SNOOZE_DAYS = 366


def latest_allowed_day() -> date:
    """The latest day a moment may have: tomorrow on the server, as some time zones
    are a day ahead of it (forms check against the person's own today)."""
    return timezone.localdate() + timedelta(days=1)


def _own_people(
    user: User, person_ids: Iterable[UUID | str], known: set[UUID] | None = None
) -> list[UUID]:
    """Return the ids among ``person_ids`` that are ``user``'s people, or raise.

    ``known``: all of ``user``'s people's ids, when the caller has read them already
    (many moments checked at once)."""
    wanted: set[UUID] = set()
    for raw in person_ids:
        try:
            wanted.add(raw if isinstance(raw, UUID) else UUID(str(raw)))
        except ValueError:
            raise ValidationError({"people": ["Please choose people from your list."]}) from None
    if not wanted:
        raise ValidationError({"people": ["Choose who the moment was with."]})
    found = (
        wanted & known
        if known is not None
        else set(Person.objects.filter(owner=user, id__in=wanted).values_list("id", flat=True))
    )
    if found != wanted:
        raise ValidationError({"people": ["Please choose people from your list."]})
    return sorted(found, key=str)


def _content(
    *,
    occurred_on: date,
    how: str,
    at: time | None,
    minutes: int | None,
    kinds: Sequence[str],
    closeness: int | None,
    opened_up: str,
    note: str,
) -> MomentContent:
    """Return the content to seal, or raise one ValidationError naming every bad field."""
    errors: dict[str, list[str]] = {}
    if not EARLIEST <= occurred_on <= latest_allowed_day():
        errors["occurred_on"] = ["Please choose a day that has already come."]
    if how not in HOW_LABELS:
        errors["how"] = ["Choose how you were together."]
    if minutes is not None and not 1 <= minutes <= MAX_MINUTES:
        errors["minutes"] = [f"Give a number of minutes from 1 to {MAX_MINUTES}."]
    if any(kind not in KIND_LABELS for kind in kinds):
        errors["kinds"] = ["Choose kinds of closeness from the list."]
    if closeness is not None and closeness not in CLOSENESS_LABELS:
        errors["closeness"] = ["Choose how close it felt, from 1 to 5."]
    if opened_up and opened_up not in OPENED_UP_LABELS:
        errors["opened_up"] = ["Choose who opened up from the list."]
    if len(note) > MAX_NOTE:
        errors["note"] = [f"The note is {len(note)} characters; please keep it to {MAX_NOTE}."]
    if errors:
        raise ValidationError(errors)
    ordered_kinds = tuple(key for key in KIND_LABELS if key in set(kinds))
    return MomentContent(
        how=how,
        time=at.strftime("%H:%M") if at is not None else None,
        minutes=minutes,
        kinds=ordered_kinds,
        closeness=closeness,
        opened_up=opened_up,
        note=note.strip(),
    )


def clocks_refresh(*, user: User, person_ids: Iterable[UUID]) -> None:
    """Set each person's ``last_moment_on`` to the day of their latest moment (or None).

    Call inside the transaction that changed their moments; only ``user``'s people
    are touched.
    """
    ids = list(set(person_ids))
    if not ids:
        return
    latest = dict(
        MomentPerson.objects.filter(person__owner=user, person_id__in=ids)
        .values("person_id")
        .annotate(day=Max("occurred_on"))
        .order_by()
        .values_list("person_id", "day")
    )
    for person_id in ids:
        Person.objects.filter(owner=user, id=person_id).update(last_moment_on=latest.get(person_id))


def _link(moment: Moment, person_ids: Sequence[UUID]) -> None:
    MomentPerson.objects.bulk_create(
        MomentPerson(moment=moment, person_id=pid, occurred_on=moment.occurred_on)
        for pid in person_ids
    )


def _checked(
    user: User, person_ids: Iterable[UUID | str], known: set[UUID] | None = None, **fields: Any
) -> tuple[list[UUID], MomentContent]:
    """Return the moment's people and its content, or raise one ValidationError naming
    every problem at once (the people and the other fields)."""
    people_error: ValidationError | None = None
    try:
        people = _own_people(user, person_ids, known)
    except ValidationError as exc:
        people_error, people = exc, []
    try:
        content = _content(**fields)
    except ValidationError as exc:
        if people_error is not None:
            raise ValidationError({**people_error.message_dict, **exc.message_dict}) from None
        raise
    if people_error is not None:
        raise people_error
    return people, content


@transaction.atomic
def moment_create(
    *,
    user: User,
    vault: Vault,
    occurred_on: date,
    person_ids: Iterable[UUID | str],
    how: str,
    at: time | None = None,
    minutes: int | None = None,
    kinds: Sequence[str] = (),
    closeness: int | None = None,
    opened_up: str = "",
    note: str = "",
) -> Moment:
    """Seal and save a moment with some of ``user``'s people; return it.

    Raises ValidationError (nothing saved) for bad values or a person id that is
    not one of theirs. The people's clocks are reset in the same transaction.
    """
    check_vault(user, vault)
    people, content = _checked(
        user,
        person_ids,
        occurred_on=occurred_on,
        how=how,
        at=at,
        minutes=minutes,
        kinds=kinds,
        closeness=closeness,
        opened_up=opened_up,
        note=note,
    )
    moment = Moment(owner=user, occurred_on=occurred_on)
    moment.content = content_seal(vault, moment.id, content)
    moment.save(force_insert=True)
    _link(moment, people)
    clocks_refresh(user=user, person_ids=people)
    openness_add(
        user=user, vault=vault, day=occurred_on, opened_up=content.opened_up, person_ids=people
    )
    seen = (content.kinds, content.opened_up)
    kinds_replace(user=user, vault=vault, before=None, after=(occurred_on, seen))
    reminder_inputs_changed(user=user, vault=vault, parts=("nudges",))
    return moment


# moment_create's optional arguments, as it defaults them.
_OPTIONAL: dict[str, Any] = {
    "at": None,
    "minutes": None,
    "kinds": (),
    "closeness": None,
    "opened_up": "",
    "note": "",
}


@transaction.atomic
def moments_create_many(
    *, user: User, vault: Vault, moments: Sequence[dict[str, Any]]
) -> list[Moment]:
    """Seal and save many moments at once (an import); return them, in order.

    Each item holds ``moment_create``'s arguments (occurred_on, person_ids, how, and
    any of at, minutes, kinds, closeness, opened_up, note) and is checked as it
    checks them: a ValidationError saves nothing. The people's clocks and the
    account's derived counts (who opened up, kinds by day) are worked out once at
    the end rather than once per moment (which made an import of 20,000 moments
    rewrite them 20,000 times).
    """
    check_vault(user, vault)
    known = set(Person.objects.filter(owner=user).values_list("id", flat=True))
    rows: list[Moment] = []
    links: list[MomentPerson] = []
    touched: set[UUID] = set()
    for item in moments:
        fields = {**_OPTIONAL, **item}
        people, content = _checked(user, fields.pop("person_ids"), known, **fields)
        moment = Moment(owner=user, occurred_on=fields["occurred_on"])
        moment.content = content_seal(vault, moment.id, content)
        rows.append(moment)
        links.extend(
            MomentPerson(moment=moment, person_id=pid, occurred_on=moment.occurred_on)
            for pid in people
        )
        touched.update(people)
    Moment.objects.bulk_create(rows, batch_size=500)
    MomentPerson.objects.bulk_create(links, batch_size=500)
    clocks_refresh(user=user, person_ids=touched)
    openness_rebuild(user=user, vault=vault)
    kinds_rebuild(user=user, vault=vault)
    reminder_inputs_changed(user=user, vault=vault, parts=("nudges",))
    return rows


@transaction.atomic
def moment_update(
    *,
    user: User,
    vault: Vault,
    moment_id: UUID,
    occurred_on: date,
    person_ids: Iterable[UUID | str],
    how: str,
    at: time | None = None,
    minutes: int | None = None,
    kinds: Sequence[str] = (),
    closeness: int | None = None,
    opened_up: str = "",
    note: str = "",
) -> Moment:
    """Replace everything about one of ``user``'s moments; return it.

    Raises Http404 when the moment is not theirs and ValidationError (nothing
    changed) for bad values. Clocks of everyone who was or now is there are
    recomputed.
    """
    check_vault(user, vault)
    moment = Moment.objects.select_for_update().filter(owner=user, id=moment_id).first()
    if moment is None:
        raise Http404("No such moment.")
    people, content = _checked(
        user,
        person_ids,
        occurred_on=occurred_on,
        how=how,
        at=at,
        minutes=minutes,
        kinds=kinds,
        closeness=closeness,
        opened_up=opened_up,
        note=note,
    )
    before = set(MomentPerson.objects.filter(moment=moment).values_list("person_id", flat=True))
    # Who opened up before the change, so the counts move rather than grow.
    try:
        opened = content_open(vault, moment.id, moment.content)
        was = (moment.occurred_on, opened.opened_up)
        kinds_before: tuple[date, Seen] = (moment.occurred_on, (opened.kinds, opened.opened_up))
    except SealError:
        was = None
        kinds_before = (moment.occurred_on, None)  # counted as unreadable on its day
    moment.occurred_on = occurred_on
    moment.content = content_seal(vault, moment.id, content)
    moment.save(update_fields=["occurred_on", "content", "updated_at"])
    MomentPerson.objects.filter(moment=moment).delete()
    _link(moment, people)
    clocks_refresh(user=user, person_ids=before | set(people))
    openness_replace(
        user=user,
        vault=vault,
        before=None if was is None else (was[0], was[1], before),
        after=(occurred_on, content.opened_up, people),
    )
    kinds_replace(
        user=user,
        vault=vault,
        before=kinds_before,
        after=(occurred_on, (content.kinds, content.opened_up)),
    )
    reminder_inputs_changed(user=user, vault=vault, parts=("nudges",))
    return moment


@transaction.atomic
def moment_delete(*, user: User, vault: Vault, moment_id: UUID) -> None:
    """Delete one of ``user``'s moments for good (Http404 when not theirs); the clocks
    of the people who were there move back to their latest remaining moment, and it
    is no longer counted in who opened up."""
    check_vault(user, vault)
    moment = Moment.objects.select_for_update().filter(owner=user, id=moment_id).first()
    if moment is None:
        raise Http404("No such moment.")
    people = list(MomentPerson.objects.filter(moment=moment).values_list("person_id", flat=True))
    try:
        opened = content_open(vault, moment.id, moment.content)
        opened_up: str | None = opened.opened_up
        seen: Seen = (opened.kinds, opened.opened_up)
    except SealError:
        opened_up = seen = None  # never counted as opened up; counted as unreadable
    day = moment.occurred_on
    moment.delete()
    clocks_refresh(user=user, person_ids=people)
    if opened_up is not None:
        openness_remove(user=user, vault=vault, day=day, opened_up=opened_up, person_ids=people)
    kinds_replace(user=user, vault=vault, before=(day, seen), after=None)
    reminder_inputs_changed(user=user, vault=vault, parts=("nudges",))


@transaction.atomic
def nudge_snooze(*, user: User, person_id: UUID, until: date, vault: Vault | None = None) -> None:
    """Quiet the nudge about one of ``user``'s people until the day ``until``.

    ``vault``: to work out the reminders' next due nudge again (without it, that date
    is forgotten until the next login).

    Only ``Person.snoozed_until`` changes (so nothing sealed is opened or rewritten).
    Raises Http404 when the person is not theirs and ValidationError for a day
    outside the next year.
    """
    if (
        not timezone.localdate() - timedelta(days=1)
        <= until
        <= (timezone.localdate() + timedelta(days=MAX_SNOOZE_DAYS))
    ):
        raise ValidationError({"until": ["Choose a day within the next year."]})
    updated = Person.objects.filter(owner=user, id=person_id).update(snoozed_until=until)
    if not updated:
        raise Http404("No such person.")
    reminder_inputs_changed(user=user, vault=vault, parts=("nudges",))


def moment_fields(data: dict[str, Any]) -> dict[str, Any]:
    """Return the service keywords from a moment form's cleaned data."""
    return {
        "occurred_on": data["occurred_on"],
        "person_ids": data["people"],
        "how": data["how"],
        "at": data.get("at"),
        "minutes": data.get("minutes"),
        "kinds": data.get("kinds") or (),
        "closeness": data.get("closeness"),
        "opened_up": data.get("opened_up") or "",
        "note": data.get("note") or "",
    }
