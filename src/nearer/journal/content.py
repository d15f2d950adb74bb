"""The sealed part of an entry: one JSON object, sealed and opened with the vault."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal
from uuid import UUID

from nearer.journal.models import Entry
from nearer.lib.private import QuietRepr
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

CONTENT_LABEL = Vault.label(Entry, "content")

Kind = Literal["free", "guided"]


def first_words(text: str, count: int = 14) -> str:
    """Return the first ``count`` words of ``text``, with an ellipsis when cut."""
    # Look only at the start: bodies can be long and a dozen words are needed.
    head = text[: count * 24]
    words = head.split()
    if len(words) > count or len(text) > len(head):
        return " ".join(words[:count]) + "…"
    return " ".join(words)


@dataclass(frozen=True, repr=False)
class EntryContent(QuietRepr):
    """What a person wrote in one entry. ``prompt`` is the key of a built-in prompt."""

    title: str
    body: str
    tags: tuple[str, ...] = field(default=())
    kind: Kind = "free"
    prompt: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "body": self.body,
            "tags": list(self.tags),
            "kind": self.kind,
            "prompt": self.prompt,
        }

    @classmethod
    def from_json(cls, value: Any) -> EntryContent:
        """Build from an opened JSON value; raise SealError if it is not an entry's shape."""
        # Plain checks, no generators: month pages build a hundred of these per request.
        if type(value) is not dict:
            raise SealError("entry content is not an object")
        title = value.get("title", "")
        body = value.get("body")
        tags = value.get("tags", ())
        if type(title) is not str or type(body) is not str or type(tags) is not list:
            raise SealError("entry content has an unexpected shape")
        tag_tuple = tuple(tags)
        for tag in tag_tuple:
            if type(tag) is not str:
                tag_tuple = tuple(map(str, tag_tuple))
                break
        prompt = value.get("prompt")
        return cls(
            title,
            body,
            tag_tuple,
            "guided" if value.get("kind") == "guided" else "free",
            prompt if type(prompt) is str else None,
        )


def content_seal(vault: Vault, entry_id: UUID, content: EntryContent) -> bytes:
    """Return ``content`` sealed for the entry ``entry_id`` of the vault's owner."""
    return vault.seal_json(CONTENT_LABEL, entry_id, content.as_json())


def content_open(vault: Vault, entry_id: UUID, sealed: bytes | memoryview) -> EntryContent:
    """Return the content sealed on entry ``entry_id``; raise SealError if it won't open."""
    raw = vault.open_bytes(CONTENT_LABEL, entry_id, bytes(sealed))
    try:
        value = json.loads(raw.decode("utf-8"))
    except ValueError:  # bad UTF-8 or bad JSON
        raise SealError("entry content is not valid JSON") from None
    return EntryContent.from_json(value)
