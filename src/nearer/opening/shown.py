"""What the Opening up list shows of each share, kept (kind ``opening.shown``).

The list shows every share a person has, about 150 after ten years, and of each
only the start of its words and with whom. Opening every share's content on each
visit cost more than the rest of the page, so those two are derived data, kept the
one way all derived data is (``vault.derived``): every write of a share's content
goes through the services (``share_prepare`` and ``services._save``), which call
``shown_keep`` in their transaction; a reader whose value is missing, unreadable or
old works it out from the shares and writes nothing; the refresh at login rebuilds
it, and ``shown_rebuild`` follows writes that skip the services.

The value: share id (32 hex digits, as a plain cursor gives it on SQLite) -> [the
head of its sealed content, the preview of its words, [person ids]], or [the head]
alone for a share whose content would not open. The head (``head_of``: the seal's
version, key and random nonce, in hex) changes with every seal, so the list reads
the heads of the rows with their clear columns and opens, the old way, any share
whose content was written past the services since (a test's or the demo's bulk
write): the value can be behind, never wrong. Where a share stands and its dates
stay in the clear columns; a share deleted without a vault (``share_delete``
called without one) stays in the value, never shown (the list only shows shares
that are in the table), until the value is next worked out.
"""

from __future__ import annotations

import json
from itertools import chain
from typing import Any
from uuid import UUID

from nearer.accounts.models import User
from nearer.opening.content import CONTENT_LABEL, ShareContent
from nearer.opening.models import Share
from nearer.vault.box import Vault
from nearer.vault.crypto import HEADER, SealError
from nearer.vault.derived import Kind, derived_change, derived_read, derived_rebuild, register

VERSION = 1
# The sealed content's first bytes that tell one seal from another (see the docstring).
HEAD = HEADER
# What a row shows of what I want to say: the start, like a journal entry's preview.
PREVIEW = 90

# share id (hex) -> [head, preview, [person ids]], or [head] when it would not open.
Shown = dict[str, list[Any]]


def preview(text: str) -> str:
    """The first words of ``text``, cut with an ellipsis at PREVIEW characters."""
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


def head_of(sealed: bytes | memoryview) -> str:
    """The head of a share's sealed content as kept in the value (hex)."""
    return bytes(sealed[:HEAD]).hex()


def shown_entry(sealed: bytes | memoryview, content: ShareContent | None) -> list[Any]:
    """What the list shows of a share sealed as ``sealed`` with ``content`` (None: it
    would not open)."""
    head = head_of(sealed)
    return [head] if content is None else [head, preview(content.text), list(content.people)]


def open_shown(vault: Vault, share_id: UUID, sealed: bytes | memoryview) -> ShareContent:
    """Open only what a row of the list shows: the words and with whom (checked as
    ``ShareContent.from_json`` checks them); every other field is left at its default.

    What this kind keeps, and what the list opens of a share sealed past the services:
    building and checking all twelve fields cost more than decrypting them; the
    share's own page opens all of it.
    """
    raw = vault.open_bytes(CONTENT_LABEL, share_id, bytes(sealed))
    try:
        value = json.loads(raw.decode("utf-8"))
    except ValueError:
        raise SealError("share content is not valid JSON") from None
    if type(value) is not dict:
        raise SealError("share content is not an object")
    text, people = value.get("text", ""), value.get("people", [])
    if type(text) is not str or type(people) is not list or not set(map(type, people)) <= {str}:
        raise SealError("share content has an unexpected shape")
    return ShareContent(text=text, people=tuple(people))


def _compute(owner_id: int, vault: Vault, subject: UUID) -> Shown:
    value: Shown = {}
    for share_id, sealed in Share.objects.filter(owner_id=owner_id).values_list("id", "content"):
        try:
            content: ShareContent | None = open_shown(vault, share_id, sealed)
        except SealError:
            content = None
        value[share_id.hex] = shown_entry(sealed, content)
    return value


def _decode(raw: Any) -> Shown:
    # Checked a column at a time (set, map, chain run at C speed): read on every visit.
    if type(raw) is not dict or not set(map(type, raw)) <= {str}:
        raise SealError("shown is not an object of ids")
    entries = list(raw.values())
    if not set(map(type, entries)) <= {list} or not set(map(len, entries)) <= {1, 3}:
        raise SealError("shown has an unexpected shape")
    opened = [entry for entry in entries if len(entry) == 3]
    people = [entry[2] for entry in opened]
    if (
        not set(type(entry[0]) for entry in entries) <= {str}
        or not set(type(entry[1]) for entry in opened) <= {str}
        or not set(map(type, people)) <= {list}
        or not set(map(type, chain.from_iterable(people))) <= {str}
    ):
        raise SealError("shown has an unexpected shape")
    return raw


SHOWN = register(
    Kind[Shown](
        name="opening.shown", version=VERSION, compute=_compute, encode=dict, decode=_decode
    )
)


def shown_read(*, user: User, vault: Vault) -> Shown:
    """Return what the list shows of ``user``'s shares (never writes)."""
    return derived_read(SHOWN, user=user, vault=vault)


def shown_keep(
    *, user: User, vault: Vault, share_id: UUID, sealed: bytes | memoryview, content: ShareContent
) -> None:
    """Put the share as it is now, sealed as ``sealed`` (inside the service's
    transaction, after saving it)."""
    entry = shown_entry(sealed, content)

    def change(value: Shown) -> Shown:
        value[share_id.hex] = entry
        return value

    derived_change(SHOWN, user=user, vault=vault, change=change)


def shown_drop(*, user: User, vault: Vault, share_id: UUID) -> None:
    """Stop keeping a deleted share's words (inside the delete's transaction)."""

    def change(value: Shown) -> Shown:
        value.pop(share_id.hex, None)
        return value

    derived_change(SHOWN, user=user, vault=vault, change=change)


def shown_rebuild(*, user: User, vault: Vault) -> Shown:
    """Work the value out from the shares and store it (after bulk writes)."""
    return derived_rebuild(SHOWN, user=user, vault=vault)
