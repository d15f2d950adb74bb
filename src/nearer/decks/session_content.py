"""The sealed part of a DeckSession: its length, plan, the cards shown and skipped,
whose turn it is, the card on the table and the deepest depth reached.

Card ids only; the cards themselves are public. In the clear on the row: owner,
person, state, started_at, ended_at, moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from nearer.decks.models import DeckSession
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

CONTENT_LABEL = Vault.label(DeckSession, "content")

# The lengths a person chooses from, in minutes, and the cards planned for each:
# about one card every two minutes, a third of them at each depth.
PLANNED: dict[int, int] = {10: 6, 20: 10, 45: 18}
LENGTHS: tuple[int, ...] = tuple(PLANNED)
TURNS: tuple[str, ...] = ("me", "them")
# Far more than any plan shows (skips included), so a tampered blob stays small.
MAX_SHOWN = 500
MAX_CARD_ID_LENGTH = 48


@dataclass(frozen=True, slots=True)
class SessionContent:
    """``answered``: cards talked through ("Next card"), which is also the form token
    a step carries; ``current``: the card on the table (None when the decks had
    none to give), ``current_depth`` its depth; ``shown`` every card shown, oldest
    first, ``skipped`` those skipped; ``turn`` who asks the current card ("me" or
    "them"); ``deepest`` the deepest depth of a card talked through (0: none yet).
    """

    length: int
    planned: int
    answered: int = 0
    current: str | None = None
    current_depth: int = 1
    turn: str = "me"
    shown: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    deepest: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "length": self.length,
            "planned": self.planned,
            "answered": self.answered,
            "current": self.current,
            "current_depth": self.current_depth,
            "turn": self.turn,
            "shown": list(self.shown),
            "skipped": list(self.skipped),
            "deepest": self.deepest,
        }

    @classmethod
    def from_json(cls, value: Any) -> SessionContent:
        """Build from an opened value; raise SealError if it is not a session's shape."""
        if type(value) is not dict:
            raise SealError("deck session is not an object")
        ints = ("length", "planned", "answered", "current_depth", "deepest")
        lists = ("shown", "skipped")
        if (
            any(type(value.get(key)) is not int for key in ints)
            or value["length"] not in PLANNED
            or value["planned"] != PLANNED[value["length"]]
            or not 0 <= value["answered"] <= value["planned"]
            or value["current_depth"] not in (1, 2, 3)
            or value["deepest"] not in (0, 1, 2, 3)
            or value.get("turn") not in TURNS
            or not (value.get("current") is None or _card_id(value.get("current")))
            or any(
                type(value.get(key)) is not list
                or len(value[key]) > MAX_SHOWN
                or not all(_card_id(item) for item in value[key])
                for key in lists
            )
        ):
            raise SealError("deck session has an unexpected shape")
        return cls(
            length=value["length"],
            planned=value["planned"],
            answered=value["answered"],
            current=value["current"],
            current_depth=value["current_depth"],
            turn=value["turn"],
            shown=tuple(value["shown"]),
            skipped=tuple(value["skipped"]),
            deepest=value["deepest"],
        )


def _card_id(value: Any) -> bool:
    return type(value) is str and 0 < len(value) <= MAX_CARD_ID_LENGTH


def content_seal(vault: Vault, session_id: UUID, content: SessionContent) -> bytes:
    """Return ``content`` sealed for the DeckSession row ``session_id``."""
    return vault.seal_json(CONTENT_LABEL, session_id, content.as_json())


def content_open(vault: Vault, session_id: UUID, sealed: bytes | memoryview) -> SessionContent:
    """Return the content sealed on DeckSession ``session_id``; raise SealError if it
    won't open or is not a session's shape."""
    return SessionContent.from_json(vault.open_json(CONTENT_LABEL, session_id, bytes(sealed)))
