"""The sealed part of a week's review record: saved (with the entry) or dismissed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from uuid import UUID

from nearer.lib.private import QuietRepr
from nearer.review.models import WeekReview
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

STATE_LABEL = Vault.label(WeekReview, "state")

Status = Literal["saved", "dismissed"]


@dataclass(frozen=True, slots=True, repr=False)
class ReviewState(QuietRepr):
    """What happened to a week's review; ``entry_id`` is the journal entry once saved."""

    status: Status
    entry_id: UUID | None = None


def state_seal(vault: Vault, record_id: UUID, state: ReviewState) -> bytes:
    value = {"status": state.status, "entry": str(state.entry_id) if state.entry_id else None}
    return vault.seal_json(STATE_LABEL, record_id, value)


def state_open(vault: Vault, record_id: UUID, sealed: bytes | memoryview) -> ReviewState:
    """Return the sealed state; raise SealError when it won't open or has another shape."""
    value = vault.open_json(STATE_LABEL, record_id, bytes(sealed))
    if type(value) is not dict:
        raise SealError("review state is not an object")
    status, entry = value.get("status"), value.get("entry")
    if status not in ("saved", "dismissed") or (entry is not None and type(entry) is not str):
        raise SealError("review state has an unexpected shape")
    try:
        entry_id = UUID(entry) if entry else None
    except ValueError:
        raise SealError("review state names no entry") from None
    return ReviewState(status, entry_id)
