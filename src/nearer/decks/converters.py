"""The card id in a URL: a short public string, checked by shape before any lookup."""

from __future__ import annotations

from nearer.decks.state import MAX_CARD_ID_LENGTH

# Words the draw pages use under /cards/; no card may take one as its id.
RESERVED_IDS = frozenset({"draw", "favourites", "hidden", "settings", "sessions"})


class CardIdConverter:
    """A lower-case letter, then letters, digits, '-' and '_', at most MAX_CARD_ID_LENGTH long.

    Every card id starts with its theme's name, so a run of digits is never a card
    (and the URL sweep of numbers too big for the database leaves these routes be)."""

    regex = f"[a-z][a-z0-9_-]{{0,{MAX_CARD_ID_LENGTH - 1}}}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
