"""Writes for shares: prepare, edit, mark shared, reflect, let go, take up, delete.

Every write locks the share's row first (``select_for_update``): two taps on "It's
shared" at once must make one moment, not two, and a reflection saved while the
details are edited must not be lost to the other write's older content.

A shared share has one moment (made through ``moments.services``, never by hand),
kept in step with it: its day, how, people, and who opened up ("me", or "both"
when they opened up in return). Person ids always come back through a query
scoped to the owner: an id that is not one of this person's people is a
ValidationError and nothing is saved.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date, time
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from nearer.accounts.models import User
from nearer.journal.models import Entry
from nearer.journal.services import entry_create
from nearer.lib.owner import check_vault
from nearer.moments import services as moment_services
from nearer.moments.content import HOW_LABELS
from nearer.moments.content import content_open as moment_open
from nearer.moments.models import Moment
from nearer.opening.content import (
    ANXIETY_MAX,
    ANXIETY_MIN,
    MAX_NOTE,
    MAX_PEOPLE,
    MAX_TEXT,
    RECEPTION_LABELS,
    RECIPROCATED_LABELS,
    ShareContent,
    content_open,
    content_seal,
)
from nearer.opening.felt import felt_keep
from nearer.opening.models import Share
from nearer.opening.shown import shown_drop, shown_keep
from nearer.people.content import CLOSENESS_MAX, CLOSENESS_MIN
from nearer.people.models import Person
from nearer.people.services import closeness_rate
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

EARLIEST = date(1900, 1, 1)
# A share's moment: opening up is emotional closeness.
MOMENT_KINDS = ("emotional",)
ENTRY_TITLE = "After opening up"
ENTRY_START = "What I shared, how it went, and how I feel now:"

PEOPLE_MESSAGE = "Please choose people from your list."


def _own_people(user: User, person_ids: Iterable[UUID | str]) -> tuple[str, ...]:
    """Return the ids among ``person_ids`` as strings when all are ``user``'s, or raise."""
    wanted: set[UUID] = set()
    for raw in person_ids:
        try:
            wanted.add(raw if isinstance(raw, UUID) else UUID(str(raw)))
        except ValueError:
            raise ValidationError({"people": [PEOPLE_MESSAGE]}) from None
    if not wanted:
        raise ValidationError({"people": ["Choose who you want to tell."]})
    if len(wanted) > MAX_PEOPLE:
        raise ValidationError({"people": [f"Please choose at most {MAX_PEOPLE} people."]})
    found = set(Person.objects.filter(owner=user, id__in=wanted).values_list("id", flat=True))
    if found != wanted:
        raise ValidationError({"people": [PEOPLE_MESSAGE]})
    return tuple(sorted(str(pid) for pid in found))


def _anxiety_error(value: int | None) -> list[str]:
    if value is not None and not ANXIETY_MIN <= value <= ANXIETY_MAX:
        return [f"Choose a number from {ANXIETY_MIN} to {ANXIETY_MAX}."]
    return []


def _prepared(
    user: User,
    *,
    text: str,
    person_ids: Iterable[UUID | str],
    fear: str,
    hope: str,
    anxiety_before: int | None,
) -> dict[str, Any]:
    """Return the prepared fields, or raise one ValidationError naming every bad field."""
    errors: dict[str, list[str]] = {}
    text = text.strip()
    if not text:
        errors["text"] = ["Write a few words of what you want to say."]
    elif len(text) > MAX_TEXT:
        errors["text"] = [f"This is {len(text):,} characters; please keep it to {MAX_TEXT:,}."]
    for name, value in (("fear", fear), ("hope", hope)):
        if len(value.strip()) > MAX_NOTE:
            errors[name] = [f"This is {len(value):,} characters; please keep it to {MAX_NOTE:,}."]
    if _anxiety_error(anxiety_before):
        errors["anxiety_before"] = _anxiety_error(anxiety_before)
    try:
        people = _own_people(user, person_ids)
    except ValidationError as exc:
        errors.update(exc.message_dict)
        people = ()
    if errors:
        raise ValidationError(errors)
    return {
        "text": text,
        "people": people,
        "fear": fear.strip(),
        "hope": hope.strip(),
        "anxiety_before": anxiety_before,
    }


def _locked(user: User, vault: Vault, share_id: UUID) -> tuple[Share, ShareContent]:
    """Return ``user``'s share, locked, with its content; Http404 when not theirs,
    ValidationError when its content won't open (nothing can be changed then)."""
    check_vault(user, vault)
    share = Share.objects.select_for_update().filter(owner=user, id=share_id).first()
    if share is None:
        raise Http404("No such share.")
    try:
        return share, content_open(vault, share.id, share.content)
    except SealError:
        raise ValidationError("This share could not be opened, so it can't be changed.") from None


def _save(vault: Vault, share: Share, content: ShareContent, *fields: str) -> Share:
    share.content = content_seal(vault, share.id, content)
    share.save(update_fields=["content", "updated_at", *fields])
    # The summary's feared-vs-felt value follows every write of a share, in its transaction.
    felt_keep(user=share.owner, vault=vault, share=share, content=content)
    # So does what the list shows of it (its words' start and with whom).
    shown_keep(
        user=share.owner, vault=vault, share_id=share.id, sealed=share.content, content=content
    )
    return share


def _moment_sync(
    user: User, vault: Vault, share: Share, content: ShareContent, *, create: bool = False
) -> None:
    """Make the share's moment say what the share says (day, how, people, who opened
    up), keeping what the person added to the moment itself (time, minutes, note...).

    With ``create`` (the share is being shared now) the moment is made. Without it a
    share whose moment is gone is left without one: the person deleted it from
    Moments, and changing the share must not bring it back."""
    if share.shared_on is None:  # only shared shares have a moment
        return
    opened_up = "both" if content.reciprocated == "yes" else "me"
    listed = set(
        Person.objects.filter(owner=user, id__in=content.people).values_list("id", flat=True)
    )
    people = [pid for pid in content.people if UUID(pid) in listed]
    if not people:
        # Everyone it was shared with has been deleted: nothing to keep a moment with.
        return
    moment = None
    if share.moment_id is not None:
        moment = Moment.objects.filter(owner=user, id=share.moment_id).first()
    if moment is None:
        if not create:
            return
        share.moment = moment_services.moment_create(
            user=user,
            vault=vault,
            occurred_on=share.shared_on,
            person_ids=people,
            how=content.how,
            kinds=MOMENT_KINDS,
            opened_up=opened_up,
        )
        share.save(update_fields=["moment", "updated_at"])
        return
    try:
        kept = moment_open(vault, moment.id, moment.content)
    except SealError:
        kept = None
    at = time.fromisoformat(kept.time) if kept is not None and kept.time else None
    moment_services.moment_update(
        user=user,
        vault=vault,
        moment_id=moment.id,
        occurred_on=share.shared_on,
        person_ids=people,
        how=content.how,
        at=at,
        minutes=kept.minutes if kept is not None else None,
        kinds=tuple(dict.fromkeys((*MOMENT_KINDS, *(kept.kinds if kept else ())))),
        closeness=kept.closeness if kept is not None else None,
        opened_up=opened_up,
        note=kept.note if kept is not None else "",
    )


@transaction.atomic
def share_prepare(
    *,
    user: User,
    vault: Vault,
    text: str,
    person_ids: Iterable[UUID | str],
    fear: str = "",
    hope: str = "",
    anxiety_before: int | None = None,
    share_id: UUID | None = None,
) -> Share:
    """Seal and save a new share, preparing; return it.

    ``share_id`` (the form's draft id) makes a retry safe: when this person already
    has a share with that id, its words are replaced instead of a second share
    being made; an id taken by anyone else is ignored. Raises ValidationError
    (nothing saved) for bad values or a person id that is not one of theirs.
    """
    check_vault(user, vault)
    fields = _prepared(
        user, text=text, person_ids=person_ids, fear=fear, hope=hope, anxiety_before=anxiety_before
    )
    if share_id is not None:
        existing = Share.objects.filter(id=share_id).values_list("owner_id", flat=True).first()
        if existing == user.pk:
            return share_update(user=user, vault=vault, share_id=share_id, **_as_args(fields))
        if existing is not None:
            share_id = None
    share = Share(owner=user)
    if share_id is not None:
        share.id = share_id
    content = ShareContent(**fields)
    share.content = content_seal(vault, share.id, content)
    share.save(force_insert=True)
    shown_keep(user=user, vault=vault, share_id=share.id, sealed=share.content, content=content)
    return share


def _as_args(fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": fields["text"],
        "person_ids": fields["people"],
        "fear": fields["fear"],
        "hope": fields["hope"],
        "anxiety_before": fields["anxiety_before"],
    }


@transaction.atomic
def share_update(
    *,
    user: User,
    vault: Vault,
    share_id: UUID,
    text: str,
    person_ids: Iterable[UUID | str],
    fear: str = "",
    hope: str = "",
    anxiety_before: int | None = None,
) -> Share:
    """Change what a share says and with whom, in any state; return it.

    A shared share's moment follows its people. Http404 when not ``user``'s;
    ValidationError (nothing changed) for bad values.
    """
    share, content = _locked(user, vault, share_id)
    fields = _prepared(
        user, text=text, person_ids=person_ids, fear=fear, hope=hope, anxiety_before=anxiety_before
    )
    content = dataclasses.replace(content, **fields)
    _save(vault, share, content)
    if share.shared_on is not None and share.state in (Share.State.SHARED, Share.State.REFLECTED):
        _moment_sync(user, vault, share, content)
    return share


@transaction.atomic
def share_mark_shared(
    *, user: User, vault: Vault, share_id: UUID, shared_on: date, how: str, today: date
) -> Share:
    """Say a share was shared on ``shared_on`` and how; return it.

    The first time, a moment with its people is made (emotional, "I opened up");
    on a share already shared this changes the day and how (and its moment's).
    ``today`` is the person's own day: a later ``shared_on`` is refused.
    """
    share, content = _locked(user, vault, share_id)
    errors: dict[str, list[str]] = {}
    if shared_on > today:
        errors["shared_on"] = ["That day hasn't come yet; choose today or earlier."]
    elif shared_on < EARLIEST:
        errors["shared_on"] = ["Please choose a day after 1900."]
    if how not in HOW_LABELS:
        errors["how"] = ["Choose how you shared it."]
    if errors:
        raise ValidationError(errors)
    first = share.state in (Share.State.PREPARING, Share.State.LET_GO)
    if first:
        share.state = Share.State.SHARED
    share.shared_on = shared_on
    content = dataclasses.replace(content, how=how, let_go_note="")
    _save(vault, share, content, "state", "shared_on")
    _moment_sync(user, vault, share, content, create=first)
    return share


@transaction.atomic
def share_reflect(
    *,
    user: User,
    vault: Vault,
    share_id: UUID,
    reception: Sequence[str],
    reception_note: str,
    anxiety_after: int | None,
    closeness_after: int | None,
    reciprocated: str,
    today: date,
) -> Share:
    """Keep how a shared share went; return it.

    ``closeness_after`` is also recorded as a closeness rating of each of its people
    still listed, on ``today``. When they opened up in return, the moment says
    "we both did". ValidationError (nothing changed) for bad values or a share not
    yet shared.
    """
    share, content = _locked(user, vault, share_id)
    if share.state not in (Share.State.SHARED, Share.State.REFLECTED):
        raise ValidationError("Mark it shared first; then you can reflect on it.")
    errors: dict[str, list[str]] = {}
    if any(key not in RECEPTION_LABELS for key in reception):
        errors["reception"] = ["Choose from the list how it was received."]
    if len(reception_note.strip()) > MAX_NOTE:
        errors["reception_note"] = [
            f"This is {len(reception_note):,} characters; please keep it to {MAX_NOTE:,}."
        ]
    if _anxiety_error(anxiety_after):
        errors["anxiety_after"] = _anxiety_error(anxiety_after)
    if closeness_after is not None and not CLOSENESS_MIN <= closeness_after <= CLOSENESS_MAX:
        errors["closeness_after"] = ["Please choose one of the seven pictures."]
    if reciprocated and reciprocated not in RECIPROCATED_LABELS:
        errors["reciprocated"] = ["Choose yes or not this time."]
    if errors:
        raise ValidationError(errors)
    content = dataclasses.replace(
        content,
        reception=tuple(key for key in RECEPTION_LABELS if key in set(reception)),
        reception_note=reception_note.strip(),
        anxiety_after=anxiety_after,
        closeness_after=closeness_after,
        reciprocated=reciprocated,
    )
    share.state = Share.State.REFLECTED
    _save(vault, share, content, "state")
    if closeness_after is not None:
        listed = Person.objects.filter(owner=user, id__in=content.people)
        for person_id in sorted(listed.values_list("id", flat=True), key=str):
            closeness_rate(
                user=user, vault=vault, person_id=person_id, value=closeness_after, rated_on=today
            )
    _moment_sync(user, vault, share, content)
    return share


@transaction.atomic
def share_let_go(*, user: User, vault: Vault, share_id: UUID, note: str = "") -> Share:
    """ "I decided not to share this": a preparing share is let go, with an optional
    note; return it. ValidationError for a share already shared or a note too long."""
    share, content = _locked(user, vault, share_id)
    if share.state != Share.State.PREPARING:
        raise ValidationError("Only a share still being prepared can be let go.")
    if len(note.strip()) > MAX_NOTE:
        raise ValidationError(
            {"note": [f"This is {len(note):,} characters; please keep it to {MAX_NOTE:,}."]}
        )
    share.state = Share.State.LET_GO
    return _save(vault, share, dataclasses.replace(content, let_go_note=note.strip()), "state")


@transaction.atomic
def share_take_up(*, user: User, vault: Vault, share_id: UUID) -> Share:
    """Take a let-go share back up: it is preparing again; return it."""
    share, content = _locked(user, vault, share_id)
    if share.state != Share.State.LET_GO:
        raise ValidationError("This share is not let go.")
    share.state = Share.State.PREPARING
    return _save(vault, share, content, "state")


@transaction.atomic
def share_delete(*, user: User, share_id: UUID, vault: Vault | None = None) -> None:
    """Delete one of ``user``'s shares for good (Http404 when not theirs).

    Its moment and journal entry stay: they happened, and are kept in Moments and
    the Journal, where they can be deleted on their own. With ``vault``, the start
    of its words kept for the list goes too (the page always passes it; without,
    it stays sealed in that value, never shown, until the value is next worked out).
    """
    deleted, _ = Share.objects.filter(owner=user, id=share_id).delete()
    if not deleted:
        raise Http404("No such share.")
    if vault is not None:
        shown_drop(user=user, vault=vault, share_id=share_id)


@transaction.atomic
def share_entry_write(*, user: User, vault: Vault, share_id: UUID, today: date) -> Entry:
    """Return the journal entry about this share, making it the first time.

    The entry is dated the day it was shared (today when not yet shared) and starts
    with one line to write from; the share keeps it, so a second tap opens the same
    entry.
    """
    share, _content = _locked(user, vault, share_id)
    if share.entry_id is not None:
        entry = Entry.objects.filter(owner=user, id=share.entry_id).first()
        if entry is not None:
            return entry
    entry = entry_create(
        user=user,
        vault=vault,
        entry_date=min(share.shared_on or today, timezone.localdate()),
        title=ENTRY_TITLE,
        body=ENTRY_START,
        tags=[],
    )
    share.entry = entry
    share.save(update_fields=["entry", "updated_at"])
    return entry
