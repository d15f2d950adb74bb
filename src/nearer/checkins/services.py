"""Writes for check-ins: create, change and delete. Everything rated or written is sealed.

Every function takes the person and their unlocked vault. Rows are always looked
up together with their owner, so another person's check-in id is a 404 by
construction. Bad values raise one ValidationError naming every bad field, and
nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404

from nearer.accounts.models import User
from nearer.accounts.services import preferences_get
from nearer.checkins import content as rules
from nearer.checkins.content import CheckInContent, content_open, content_seal
from nearer.checkins.models import CheckIn
from nearer.checkins.people import people_names
from nearer.lib.clock import local_now
from nearer.lib.owner import check_vault
from nearer.lib.private import QuietRepr
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError


def _cleaned(
    *,
    user: User,
    vault: Vault,
    pleasantness: object,
    energy: object,
    emotion: object,
    people: Iterable[object],
    tags: Iterable[str] | str,
    note: object,
) -> dict[str, Any]:
    """Return the cleaned values, or raise one ValidationError naming every bad field."""
    cleaned: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}

    def check(name: str, rule: Callable[[], Any]) -> None:
        try:
            cleaned[name] = rule()
        except ValidationError as exc:
            errors[name] = exc.messages

    check("pleasantness", lambda: rules.scale_clean(pleasantness, what="pleasantness"))
    check("energy", lambda: rules.scale_clean(energy, what="energy"))
    if "pleasantness" in cleaned and "energy" in cleaned:
        check(
            "emotion",
            lambda: rules.emotion_clean(
                emotion, pleasantness=cleaned["pleasantness"], energy=cleaned["energy"]
            ),
        )
    people_list = list(people)
    # Only open People when someone was chosen: most check-ins name nobody.
    known = people_names(user=user, vault=vault) if people_list else {}
    check("people", lambda: rules.people_clean(people_list, known=known))
    check("tags", lambda: rules.tags_clean(tags))
    check("note", lambda: rules.note_clean(note))
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def checkin_create(
    *,
    user: User,
    vault: Vault,
    pleasantness: int,
    energy: int,
    emotion: str,
    people: Iterable[str] = (),
    tags: Iterable[str] | str = (),
    note: str = "",
    when: datetime | None = None,
    checkin_id: UUID | None = None,
) -> CheckIn:
    """Seal and save a new check-in; return it.

    ``when`` is the moment in the person's own time zone (aware); by default now,
    in the zone of their preferences. It gives the day the check-in belongs to and
    the time of day shown with it; ``at`` is stored in UTC.

    ``checkin_id`` (optional) makes a retry safe: if this person already has a
    check-in with that id it is returned unchanged; an id taken by anyone else
    is ignored. Raises ValidationError (nothing saved) for bad values.
    """
    check_vault(user, vault)
    cleaned = _cleaned(
        user=user,
        vault=vault,
        pleasantness=pleasantness,
        energy=energy,
        emotion=emotion,
        people=people,
        tags=tags,
        note=note,
    )
    if when is None:
        when = local_now(preferences_get(user=user, vault=vault))
    elif when.tzinfo is None:
        raise ValueError("when must be an aware datetime")
    if checkin_id is not None:
        existing = CheckIn.objects.filter(id=checkin_id).first()
        if existing is not None:
            if existing.owner_id == user.pk:
                return existing
            checkin_id = None
    checkin = CheckIn(owner=user, at=when.astimezone(UTC), local_date=when.date())
    if checkin_id is not None:
        checkin.id = checkin_id
    checkin.content = content_seal(
        vault, checkin.id, CheckInContent(time=when.strftime("%H:%M"), **cleaned)
    )
    checkin.save(force_insert=True)
    return checkin


@dataclass(frozen=True, slots=True, repr=False)
class CheckInDraft(QuietRepr):
    """One check-in for ``checkins_create_many``: ``when`` is aware, in the person's zone."""

    when: datetime
    pleasantness: int
    energy: int
    emotion: str
    tags: tuple[str, ...] = ()
    note: str = ""


# Rows per INSERT: well under SQLite's limit on bound values.
BULK_BATCH = 500


@transaction.atomic
def checkins_create_many(*, user: User, vault: Vault, checkins: Iterable[CheckInDraft]) -> int:
    """Seal and save many new check-ins at once (an import); return how many.

    Each is checked as ``checkin_create`` checks it, naming no people; the first bad
    one raises ValidationError and nothing is saved. One INSERT per ``BULK_BATCH``
    rows instead of one a check-in.
    """
    check_vault(user, vault)
    rows: list[CheckIn] = []
    for draft in checkins:
        if draft.when.tzinfo is None:
            raise ValueError("when must be an aware datetime")
        cleaned = _cleaned(
            user=user,
            vault=vault,
            pleasantness=draft.pleasantness,
            energy=draft.energy,
            emotion=draft.emotion,
            people=(),
            tags=draft.tags,
            note=draft.note,
        )
        row = CheckIn(owner=user, at=draft.when.astimezone(UTC), local_date=draft.when.date())
        row.content = content_seal(
            vault, row.id, CheckInContent(time=draft.when.strftime("%H:%M"), **cleaned)
        )
        rows.append(row)
    CheckIn.objects.bulk_create(rows, batch_size=BULK_BATCH)
    return len(rows)


@transaction.atomic
def checkin_update(
    *,
    user: User,
    vault: Vault,
    checkin_id: UUID,
    pleasantness: int,
    energy: int,
    emotion: str,
    people: Iterable[str] = (),
    tags: Iterable[str] | str = (),
    note: str = "",
) -> CheckIn:
    """Replace what a check-in says; keep when it was made.

    Raises Http404 when it is not this person's, and ValidationError (nothing
    changed) for bad values or a check-in that can no longer be opened.
    """
    check_vault(user, vault)
    checkin = CheckIn.objects.select_for_update().filter(owner=user, id=checkin_id).first()
    if checkin is None:
        raise Http404("No such check-in.")
    cleaned = _cleaned(
        user=user,
        vault=vault,
        pleasantness=pleasantness,
        energy=energy,
        emotion=emotion,
        people=people,
        tags=tags,
        note=note,
    )
    try:
        before = content_open(vault, checkin.id, checkin.content)
    except SealError:
        raise ValidationError(
            "This check-in could not be opened, so it was not changed.", code="unreadable"
        ) from None
    checkin.content = content_seal(vault, checkin.id, CheckInContent(time=before.time, **cleaned))
    checkin.save(update_fields=["content", "updated_at"])
    return checkin


@transaction.atomic
def checkin_delete(*, user: User, checkin_id: UUID) -> None:
    """Delete one of this person's check-ins for good; Http404 when it is not theirs."""
    deleted, _ = CheckIn.objects.filter(owner=user, id=checkin_id).delete()
    if not deleted:
        raise Http404("No such check-in.")
