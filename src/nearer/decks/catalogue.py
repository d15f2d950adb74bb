"""The conversation decks' shape: a card, its themes, depths and who it fits.

The cards themselves (``decks.cards.CARDS``) are Nearer's own words and not
secret; what a person does with them (draws, favourites, hidden cards,
sessions) is sealed in their vault.

Depth follows social penetration theory and the gradual deepening of Aron et
al. (1997): light questions first, personal ones next, deep ones last.
"""

from __future__ import annotations

from dataclasses import dataclass

DEPTHS: tuple[tuple[int, str], ...] = (
    (1, "Light"),
    (2, "Personal"),
    (3, "Deep"),
)
DEPTH_LABELS: dict[int, str] = dict(DEPTHS)

THEMES: tuple[tuple[str, str], ...] = (
    ("knowing", "Getting to know you"),
    ("memories", "Memories"),
    ("dreams", "Dreams"),
    ("appreciation", "Appreciation"),
    ("needs", "Needs"),
    ("struggles", "Fears and struggles"),
    ("us", "The relationship itself"),
    ("touch", "Physical closeness"),
)
THEME_LABELS: dict[str, str] = dict(THEMES)
# Themes a person turns on themselves; hidden from every draw until they do.
OPT_IN_THEMES: frozenset[str] = frozenset({"touch"})

# Who a card suits; a card may suit several.
FITS: tuple[tuple[str, str], ...] = (
    ("partner", "Partners"),
    ("friend", "Friends"),
    ("family", "Family"),
)
FIT_LABELS: dict[str, str] = dict(FITS)


@dataclass(frozen=True, slots=True)
class Card:
    """One question. ``id`` is stable forever: draws, favourites and hidden cards
    refer to it, so a card's words may be polished but its id never reused."""

    id: str
    theme: str
    depth: int
    fits: frozenset[str]
    text: str
