"""The sealed part of an entry: one JSON object, sealed and opened with the vault."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal
from uuid import UUID

from nearer.journal.models import Entry
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


@dataclass(frozen=True)
class EntryContent:
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
        if not isinstance(value, dict):
            raise SealError("entry content is not an object")
        title, body, tags = value.get("title", ""), value.get("body"), value.get("tags", [])
        prompt = value.get("prompt")
        if not isinstance(title, str) or not isinstance(body, str) or not isinstance(tags, list):
            raise SealError("entry content has an unexpected shape")
        kind: Kind = "guided" if value.get("kind") == "guided" else "free"
        return cls(
            title=title,
            body=body,
            tags=tuple(str(tag) for tag in tags),
            kind=kind,
            prompt=prompt if isinstance(prompt, str) else None,
        )


def content_seal(vault: Vault, entry_id: UUID, content: EntryContent) -> bytes:
    """Return ``content`` sealed for the entry ``entry_id`` of the vault's owner."""
    return vault.seal_json(CONTENT_LABEL, entry_id, content.as_json())


def content_open(vault: Vault, entry_id: UUID, sealed: bytes | memoryview) -> EntryContent:
    """Return the content sealed on entry ``entry_id``; raise SealError if it won't open."""
    return EntryContent.from_json(vault.open_json(CONTENT_LABEL, entry_id, bytes(sealed)))
