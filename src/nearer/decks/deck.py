"""Choosing the next card: one pure function, shared by the draw page and sessions.

No database, no vault: the caller passes the cards and what the person's state
says (recent draws, hidden cards, opt-in themes turned on) and a random
source. Pages pass ``SYSTEM_RANDOM``; tests pass a seeded ``random.Random``.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from nearer.decks.catalogue import OPT_IN_THEMES, Card

# How many of a person's latest draws a new draw avoids.
RECENT_LIMIT = 30

# Unpredictable to anyone watching; a person can't game it and needn't.
SYSTEM_RANDOM = random.SystemRandom()


@dataclass(frozen=True, slots=True)
class Pick:
    """The card chosen and what the page may want to say about it.

    ``pool``: how many cards the filter leaves (hidden and opt-in themes taken
    out). ``repeated``: True when every card in the pool was among the recent
    draws, so the one drawn longest ago came back. ``few``: the pool has no
    more than ``RECENT_LIMIT`` cards, so repeats will come sooner than usual.
    """

    card: Card
    pool: int
    repeated: bool

    @property
    def few(self) -> bool:
        return self.pool <= RECENT_LIMIT


def eligible_cards(
    cards: Iterable[Card],
    *,
    hidden: Collection[str],
    opt_ins: Collection[str],
    theme: str | None = None,
    depth: int | None = None,
) -> list[Card]:
    """Return the cards a filter allows, in the given order: of ``theme`` and
    ``depth`` (None: any), not hidden, and of an opt-in theme only when the
    person turned that theme on."""
    return [
        card
        for card in cards
        if (theme is None or card.theme == theme)
        and (depth is None or card.depth == depth)
        and card.id not in hidden
        and (card.theme not in OPT_IN_THEMES or card.theme in opt_ins)
    ]


def pick_card(
    cards: Iterable[Card],
    *,
    recent: Sequence[str],
    hidden: Collection[str],
    opt_ins: Collection[str],
    theme: str | None = None,
    depth: int | None = None,
    rng: random.Random = SYSTEM_RANDOM,
) -> Pick | None:
    """Return a card for the filter, or None when the filter leaves no card.

    ``recent`` is the ids of the person's latest draws, oldest first (only the
    last ``RECENT_LIMIT`` count). A card among them is never chosen while the
    pool has another; when every card in the pool is recent, the one whose last
    draw is oldest is chosen and the Pick says ``repeated``. Hidden cards and
    opt-in themes not in ``opt_ins`` are never chosen. The caller records the
    draw (``recent`` grows by the card's id).
    """
    pool = eligible_cards(cards, hidden=hidden, opt_ins=opt_ins, theme=theme, depth=depth)
    if not pool:
        return None
    # Where each recent card was last drawn: a bigger number is more recent.
    last_seen = {card_id: index for index, card_id in enumerate(recent[-RECENT_LIMIT:])}
    fresh = [card for card in pool if card.id not in last_seen]
    if fresh:
        return Pick(card=rng.choice(fresh), pool=len(pool), repeated=False)
    oldest = min(pool, key=lambda card: last_seen[card.id])
    return Pick(card=oldest, pool=len(pool), repeated=True)


def remember_draw(recent: Sequence[str], card_id: str) -> tuple[str, ...]:
    """Return ``recent`` with ``card_id`` drawn last, keeping the last RECENT_LIMIT only."""
    return (*(seen for seen in recent if seen != card_id), card_id)[-RECENT_LIMIT:]
