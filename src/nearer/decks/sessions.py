"""A session's plan and progression, pure: no database, no vault, no clock.

Cards go from depth 1 to 3 over a session. The depth of the next card follows
whichever is further along, the cards talked through or the time gone, so a
quick pair still reaches depth 3 and a slow one is not kept on light cards for
the whole of a long talk. Each card is chosen by the draw's own picker
(``deck.pick_card``): never hidden, never an opt-in theme not turned on, not one
of the latest draws while another fits, and not one already shown in this
session.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from nearer.decks.catalogue import Card
from nearer.decks.deck import SYSTEM_RANDOM, pick_card
from nearer.decks.session_content import PLANNED, SessionContent

# A person's relationship (People) -> the cards' "fits"; other relationships
# (colleague, other) take any card.
FIT_OF_RELATIONSHIP: dict[str, str] = {"partner": "partner", "friend": "friend", "family": "family"}
DEEPEST = 3


@dataclass(frozen=True, slots=True)
class Deck:
    """What the choice of a card needs: the cards, the person's deck state (recent
    draws oldest first, hidden cards, opt-in themes on) and who the cards should fit
    (None: anyone)."""

    cards: Sequence[Card]
    recent: Sequence[str] = ()
    hidden: Collection[str] = ()
    opt_ins: Collection[str] = ()
    fit: str | None = None


def fit_for(relationship: str) -> str | None:
    """Return the fit of cards for a person of ``relationship``, None for any."""
    return FIT_OF_RELATIONSHIP.get(relationship)


def depth_for(*, answered: int, planned: int, elapsed: timedelta, length: int) -> int:
    """Return the depth (1–3) of the next card: a third of the plan at each depth,
    measured by cards talked through or by minutes gone, whichever is further."""
    by_cards = answered * DEEPEST // planned
    by_time = max(int(elapsed.total_seconds()), 0) * DEEPEST // (length * 60)
    return 1 + min(DEEPEST - 1, max(by_cards, by_time))


def choose_card(
    deck: Deck, *, depth: int, avoid: Collection[str], rng: random.Random = SYSTEM_RANDOM
) -> Card | None:
    """Return a card of ``depth`` for the deck, or None when the decks have none.

    Cards that fit the person come first (all cards of the depth when none fit);
    cards in ``avoid`` (already shown this session) only when no other is left.
    """
    at_depth = [card for card in deck.cards if card.depth == depth]
    fitting = [card for card in at_depth if deck.fit is None or deck.fit in card.fits]
    pool = fitting or at_depth
    fresh = [card for card in pool if card.id not in avoid]
    pick = pick_card(
        fresh or pool,
        recent=deck.recent,
        hidden=deck.hidden,
        opt_ins=deck.opt_ins,
        depth=depth,
        rng=rng,
    )
    if pick is None and fresh:
        # Every fresh card is hidden or of a theme turned off: a seen card then.
        pick = pick_card(
            pool, recent=deck.recent, hidden=deck.hidden, opt_ins=deck.opt_ins, rng=rng
        )
    return None if pick is None else pick.card


def _shown(content: SessionContent, card: Card | None, *, depth: int) -> SessionContent:
    if card is None:
        return replace(content, current=None, current_depth=depth)
    return replace(content, current=card.id, current_depth=depth, shown=(*content.shown, card.id))


def session_plan(*, length: int, deck: Deck, rng: random.Random = SYSTEM_RANDOM) -> SessionContent:
    """Return a new session of ``length`` minutes (one of PLANNED) with its first
    card, a light one, on the table and "me" to ask it."""
    if length not in PLANNED:
        raise ValueError(f"no session of {length} minutes")
    content = SessionContent(length=length, planned=PLANNED[length])
    return _shown(content, choose_card(deck, depth=1, avoid=(), rng=rng), depth=1)


def finished(content: SessionContent) -> bool:
    """True when every planned card has been talked through."""
    return content.answered >= content.planned


def session_next(
    content: SessionContent,
    *,
    deck: Deck,
    elapsed: timedelta,
    rng: random.Random = SYSTEM_RANDOM,
) -> SessionContent:
    """Return the session after the card on the table was talked through: counted,
    its depth kept if deepest, and (unless that was the last planned card) the
    next card on the table, at the depth the plan and the time say, for the other
    person to ask."""
    if finished(content):
        return content
    talked = content.current is not None
    content = replace(
        content,
        answered=content.answered + 1,
        deepest=max(content.deepest, content.current_depth) if talked else content.deepest,
    )
    if finished(content):
        return replace(content, current=None)
    depth = depth_for(
        answered=content.answered, planned=content.planned, elapsed=elapsed, length=content.length
    )
    # Never shallower than the card before: a clock set back must not undo depth.
    depth = max(depth, content.current_depth)
    content = replace(content, turn="them" if content.turn == "me" else "me")
    return _shown(
        content, choose_card(deck, depth=depth, avoid=content.shown, rng=rng), depth=depth
    )


def session_skip(
    content: SessionContent, *, deck: Deck, rng: random.Random = SYSTEM_RANDOM
) -> SessionContent:
    """Return the session with another card of the same depth on the table, for the
    same person to ask; the skipped card is not counted as talked through. When no
    other card of that depth is left, the same card stays."""
    if finished(content) or content.current is None:
        return content
    skipped = replace(content, skipped=(*content.skipped, content.current))
    card = choose_card(deck, depth=content.current_depth, avoid=content.shown, rng=rng)
    if card is None or card.id == content.current:
        return skipped
    return _shown(skipped, card, depth=content.current_depth)
