"""Pending imports of "Your data": what a read file would add, sealed, until decided.

Every importer here (Nearer's own export, jrnl, Daylio) reads the uploaded file
once, sorts it, and hands the result (any JSON value) to ``pending_create``; the
raw file is never stored. The preview opens it with ``pending_open``; the confirm
step takes it with ``pending_take`` inside its own transaction (the row is locked,
so two confirms of one preview cannot both save), and cancel calls
``pending_discard``.

A pending import is short-lived: older than ``MAX_AGE`` it is refused
(``ImportExpired``) and the caller puts it away. A pending import is always looked
up with its owner and its source, so another account's id, or a jrnl id given to
the Daylio pages, is a 404 by construction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from nearer.accounts.models import User
from nearer.lib.owner import check_vault
from nearer.portability.models import PendingImport
from nearer.vault.box import Vault

__all__ = [
    "MAX_AGE",
    "PENDING_LABEL",
    "ImportExpired",
    "Opened",
    "pending_create",
    "pending_discard",
    "pending_open",
    "pending_take",
]

PENDING_LABEL = Vault.label(PendingImport, "content")
# A preview is looked at and decided in one sitting; a day is generous and keeps
# sealed copies of a whole journal from lying about for long.
MAX_AGE = timedelta(days=1)


class ImportExpired(Exception):
    """The pending import is older than MAX_AGE."""


@dataclass(frozen=True, slots=True)
class Opened:
    """A pending import, opened: its id, when it was read, and the value it holds."""

    id: UUID
    source: str
    created_at: datetime
    value: Any


def _expired(created_at: datetime) -> bool:
    return timezone.now() - created_at > MAX_AGE


@transaction.atomic
def pending_create(
    *, user: User, vault: Vault, source: str, value: Any, replace_older: bool = True
) -> PendingImport:
    """Seal ``value`` (JSON-serialisable) as ``user``'s pending import from ``source``;
    return the row.

    With ``replace_older`` (the default; the upload pages always do) the person's
    earlier pending imports from the same source are deleted, so at most one of each
    waits at a time. Pending imports of any source older than MAX_AGE go too.
    """
    check_vault(user, vault)
    if source not in PendingImport.Source.values:
        raise ValueError(f"unknown import source {source!r}")
    mine = PendingImport.objects.filter(owner=user)
    if replace_older:
        mine.filter(source=source).delete()
    mine.filter(created_at__lt=timezone.now() - MAX_AGE).delete()
    pending = PendingImport(owner=user, source=source)
    pending.content = vault.seal_json(PENDING_LABEL, pending.id, value)
    pending.save(force_insert=True)
    return pending


def pending_open(*, user: User, vault: Vault, source: str, import_id: UUID) -> Opened:
    """Return ``user``'s pending import from ``source``, opened.

    Raises Http404 when it is not theirs, not from ``source``, or gone;
    ImportExpired when it is older than MAX_AGE; SealError when it will not open.
    """
    check_vault(user, vault)
    row = (
        PendingImport.objects.filter(owner=user, source=source, id=import_id)
        .values_list("created_at", "content")
        .first()
    )
    if row is None:
        raise Http404("No such import.")
    created_at, content = row
    if _expired(created_at):
        raise ImportExpired
    value = vault.open_json(PENDING_LABEL, import_id, bytes(content))
    return Opened(id=import_id, source=source, created_at=created_at, value=value)


def pending_take(*, user: User, vault: Vault, source: str, import_id: UUID) -> Opened:
    """Lock, open and delete ``user``'s pending import from ``source``; return it opened.

    Must be called inside the caller's transaction (the one that saves what the
    import adds): the row is locked until it commits, so a second confirm of the same
    preview waits and then finds nothing (Http404); if saving fails, the rollback
    brings the pending import back. Raises as ``pending_open`` does.
    """
    check_vault(user, vault)
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("pending_take must run inside the transaction that saves the import")
    locked = (
        PendingImport.objects.select_for_update()
        .filter(owner=user, source=source, id=import_id)
        .first()
    )
    if locked is None:
        raise Http404("No such import.")
    if _expired(locked.created_at):
        raise ImportExpired
    value = vault.open_json(PENDING_LABEL, locked.id, bytes(locked.content))
    created_at = locked.created_at
    locked.delete()
    return Opened(id=import_id, source=source, created_at=created_at, value=value)


@transaction.atomic
def pending_discard(*, user: User, source: str, import_id: UUID) -> None:
    """Delete ``user``'s pending import from ``source`` (cancel, or too old);
    Http404 when there is no such import of theirs."""
    deleted, _ = PendingImport.objects.filter(owner=user, source=source, id=import_id).delete()
    if not deleted:
        raise Http404("No such import.")
