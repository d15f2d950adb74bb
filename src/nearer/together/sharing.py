"""Sharing one item of one's own space with the partner, as a copy sealed for the pair.

A copy holds the words as they were when shared (a title, the text, the item's
date) and, sealed with them, the id of the item it came from. Unsharing deletes
the copy; the item itself is never touched and never linked in the clear.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404

from nearer.accounts.models import User
from nearer.checkins.selectors import checkin_for
from nearer.journal.selectors import entry_for
from nearer.lib.clock import local_now
from nearer.lib.private import QuietRepr
from nearer.opening.selectors import share_for
from nearer.together.box import PairBox
from nearer.together.models import SharedCopy
from nearer.together.space import Space, space_open
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

__all__ = [
    "COPY_LABEL",
    "CopyView",
    "copies_for",
    "copy_create",
    "copy_delete",
    "copy_of_item",
]

COPY_LABEL = "together.sharedcopy.content"
KINDS = frozenset(SharedCopy.Kind.values)
UNREADABLE = "This shared copy could not be opened."
NOT_PAIRED = "You are not in a space together, so nothing was shared."
UNREADABLE_ITEM = "This could not be opened, so nothing was shared."


@dataclass(frozen=True, slots=True, repr=False)
class CopyView(QuietRepr):
    """A shared copy as the space shows it; ``readable`` False when it won't open."""

    id: UUID
    kind: str
    author_id: int
    mine: bool
    title: str
    text: str
    day: date | None
    readable: bool

    @property
    def kind_label(self) -> str:
        return SharedCopy.Kind(self.kind).label


def _item_words(*, user: User, vault: Vault, kind: str, item_id: UUID) -> dict[str, Any]:
    """Return what a copy of this item holds; Http404 when it is not the person's."""
    if kind == SharedCopy.Kind.ENTRY:
        entry = entry_for(user=user, vault=vault, entry_id=item_id)
        if not entry.readable:
            raise ValidationError(UNREADABLE_ITEM, code="unreadable")
        return {"title": entry.heading, "text": entry.body, "day": entry.entry_date.isoformat()}
    if kind == SharedCopy.Kind.CHECKIN:
        checkin = checkin_for(user=user, vault=vault, checkin_id=item_id)
        if checkin.content is None:
            raise ValidationError(UNREADABLE_ITEM, code="unreadable")
        feeling = checkin.content.emotion_info.label
        title = f"Feeling {feeling.lower()}: {checkin.pleasantness_words}, {checkin.energy_words}"
        return {"title": title, "text": checkin.content.note, "day": checkin.local_date.isoformat()}
    if kind == SharedCopy.Kind.REFLECTION:
        share = share_for(user=user, vault=vault, share_id=item_id, today=local_now({}).date())
        if share.content is None:
            raise ValidationError(UNREADABLE_ITEM, code="unreadable")
        # The words opened up about and how it went: never the names of the author's
        # People, which are theirs alone.
        parts = [share.content.text, share.content.reception_note]
        day = share.share.shared_on
        return {
            "title": "Opening up",
            "text": "\n\n".join(p for p in parts if p),
            "day": day.isoformat() if day else None,
        }
    raise Http404("No such kind of item.")


def _open(box: PairBox, copy_id: UUID, sealed: bytes | memoryview) -> dict[str, Any] | None:
    try:
        value = box.open_json(COPY_LABEL, copy_id, bytes(sealed))
    except SealError:
        return None
    if type(value) is not dict or not all(
        type(value.get(k)) is str for k in ("title", "text", "source")
    ):
        return None
    day = value.get("day")
    if day is not None and type(day) is not str:
        return None
    return value


def _view(space: Space, user_id: int, row: SharedCopy) -> CopyView:
    value = _open(space.box, row.id, row.content)
    day: date | None = None
    if value is not None and value.get("day"):
        try:
            day = date.fromisoformat(value["day"])
        except ValueError:
            value = None
    return CopyView(
        id=row.id,
        kind=row.kind,
        author_id=row.author_id,
        mine=row.author_id == user_id,
        title=value["title"] if value else UNREADABLE,
        text=value["text"] if value else "",
        day=day,
        readable=value is not None,
    )


def copies_for(*, user: User, space: Space) -> list[CopyView]:
    """Return the shared copies of ``user``'s space (both partners'), newest first."""
    rows = SharedCopy.objects.filter(pair_id=space.pair_id).order_by("-created_at")
    return [_view(space, user.pk, row) for row in rows]


def copy_of_item(*, user: User, space: Space, kind: str, item_id: UUID) -> UUID | None:
    """Return the id of ``user``'s copy of this item in their space, or None."""
    rows = SharedCopy.objects.filter(pair_id=space.pair_id, author_id=user.pk, kind=kind)
    wanted = str(item_id)
    for row in rows:
        value = _open(space.box, row.id, row.content)
        if value is not None and value["source"] == wanted:
            return row.id
    return None


@transaction.atomic
def copy_create(*, user: User, vault: Vault, kind: str, item_id: UUID) -> SharedCopy:
    """Share one of ``user``'s own items with their partner as a sealed copy.

    Http404 when the item is not theirs (or the kind is unknown); ValidationError
    when they are in no space or the item will not open. Sharing an item already
    shared replaces its copy with the words as they are now.
    """
    if kind not in KINDS:
        raise Http404("No such kind of item.")
    words = _item_words(user=user, vault=vault, kind=kind, item_id=item_id)
    space = space_open(user=user, vault=vault)
    if space is None:
        raise ValidationError(NOT_PAIRED, code="unpaired")
    earlier = copy_of_item(user=user, space=space, kind=kind, item_id=item_id)
    if earlier is not None:
        SharedCopy.objects.filter(pk=earlier).delete()
    row = SharedCopy(pair_id=space.pair_id, author_id=user.pk, kind=kind)
    row.content = space.box.seal_json(COPY_LABEL, row.id, words | {"source": str(item_id)})
    row.save(force_insert=True)
    return row


@transaction.atomic
def copy_delete(*, user: User, vault: Vault, copy_id: UUID) -> None:
    """Unshare: delete ``user``'s own copy. Http404 when it is not theirs (a partner's
    copy, another pair's, or gone)."""
    space = space_open(user=user, vault=vault)
    if space is None:
        raise Http404("No such shared copy.")
    deleted, _ = SharedCopy.objects.filter(
        pk=copy_id, pair_id=space.pair_id, author_id=user.pk
    ).delete()
    if not deleted:
        raise Http404("No such shared copy.")
