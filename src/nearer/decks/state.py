"""The sealed part of a person's DeckState: recent draws, favourites, hidden cards,
opt-in themes turned on. Card ids only; the cards themselves are public."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any
from uuid import UUID

from nearer.decks.catalogue import OPT_IN_THEMES
from nearer.decks.deck import RECENT_LIMIT, remember_draw
from nearer.decks.models import DeckState
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

CONTENT_LABEL = Vault.label(DeckState, "content")

# Bounds on what one blob keeps, so a tampered or runaway state stays small: far
# more than the decks hold, so no person reaches them by using the pages.
MAX_CARD_IDS = 2_000
MAX_CARD_ID_LENGTH = 48


@dataclass(frozen=True, slots=True)
class DeckContent:
    """Card ids: ``recent`` oldest first (the last RECENT_LIMIT draws, each once),
    ``favourites`` and ``hidden`` newest first, ``opt_ins`` the opt-in themes on."""

    recent: tuple[str, ...] = ()
    favourites: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    opt_ins: tuple[str, ...] = ()

    def drawn(self, card_id: str) -> DeckContent:
        return replace(self, recent=remember_draw(self.recent, card_id))

    def favourite(self, card_id: str, *, on: bool) -> DeckContent:
        rest = tuple(seen for seen in self.favourites if seen != card_id)
        return replace(self, favourites=(card_id, *rest) if on else rest)

    def hide(self, card_id: str, *, on: bool) -> DeckContent:
        rest = tuple(seen for seen in self.hidden if seen != card_id)
        return replace(self, hidden=(card_id, *rest) if on else rest)

    def as_json(self) -> dict[str, Any]:
        return {
            "recent": list(self.recent),
            "favourites": list(self.favourites),
            "hidden": list(self.hidden),
            "opt_ins": list(self.opt_ins),
        }

    @classmethod
    def from_json(cls, value: Any) -> DeckContent:
        """Build from an opened value; raise SealError if it is not a deck state's shape."""
        keys = ("recent", "favourites", "hidden", "opt_ins")
        if type(value) is not dict or any(
            type(value.get(key, [])) is not list
            or len(value.get(key, [])) > MAX_CARD_IDS
            or any(
                type(item) is not str or len(item) > MAX_CARD_ID_LENGTH
                for item in value.get(key, [])
            )
            for key in keys
        ):
            raise SealError("deck state has an unexpected shape")

        def unique(key: str) -> tuple[str, ...]:
            return tuple(dict.fromkeys(value.get(key, [])))

        return cls(
            recent=unique("recent")[-RECENT_LIMIT:],
            favourites=unique("favourites"),
            hidden=unique("hidden"),
            opt_ins=tuple(theme for theme in unique("opt_ins") if theme in OPT_IN_THEMES),
        )


def content_seal(vault: Vault, state_id: UUID, content: DeckContent) -> bytes:
    """Return ``content`` sealed for the DeckState row ``state_id`` of the vault's owner."""
    return vault.seal_json(CONTENT_LABEL, state_id, content.as_json())


def content_open(vault: Vault, state_id: UUID, sealed: bytes | memoryview) -> DeckContent:
    """Return the content sealed on DeckState ``state_id``; an empty blob (a row just
    made) is an empty state. Raise SealError if it won't open."""
    if not bytes(sealed):
        return DeckContent()
    return DeckContent.from_json(vault.open_json(CONTENT_LABEL, state_id, bytes(sealed)))
