"""Reads for the decks: the cards (public) and a person's deck state (sealed).

A read never writes: a person with no DeckState row yet reads an empty state,
and the row is made by the first service that changes it.
"""

from __future__ import annotations

import functools
import logging

from django.db import connection

from nearer.accounts.models import User
from nearer.decks.cards import CARDS
from nearer.decks.catalogue import OPT_IN_THEMES, Card
from nearer.decks.deck import eligible_cards
from nearer.decks.models import DeckState
from nearer.decks.state import DeckContent, content_open
from nearer.lib.sqlvalues import as_uuid, column
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

logger = logging.getLogger(__name__)


def deck_cards() -> tuple[Card, ...]:
    """Return every card of the decks, in the catalogue's order."""
    return _catalogue()


def _catalogue() -> tuple[Card, ...]:
    # One indirection, so tests can draw from a small deck of their own.
    return CARDS


# The cards by id, for the deck deck_cards() returned when it was made (one slot:
# hashing the whole deck as a cache key on every lookup would cost more than a scan).
_by_id: tuple[tuple[Card, ...], dict[str, Card]] | None = None


def card_get(card_id: str) -> Card | None:
    """Return the card with ``card_id``, or None when there is none."""
    global _by_id
    cards = deck_cards()
    if _by_id is None or _by_id[0] is not cards:
        _by_id = (cards, {card.id: card for card in cards})
    return _by_id[1].get(card_id)


@functools.lru_cache(maxsize=4)
def _state_sql(vendor: str) -> str:
    table = connection.ops.quote_name(DeckState._meta.db_table)
    return (
        f"SELECT {column(DeckState, 'id')}, {column(DeckState, 'content')} "  # noqa: S608 - names from the model
        f"FROM {table} WHERE {column(DeckState, 'owner')} = %s"
    )


def deck_state_for(*, user: User, vault: Vault) -> DeckContent:
    """Return ``user``'s deck state; empty when they have none yet or it won't open."""
    # Plain SQL: every draw and card page reads the state, and the ORM's query
    # building cost more than the database's answer. One row at most (one-to-one).
    with connection.cursor() as cursor:
        cursor.execute(_state_sql(connection.vendor), [user.pk])
        row = cursor.fetchone()
    if row is None:
        return DeckContent()
    state_id = as_uuid(row[0])
    try:
        return content_open(vault, state_id, row[1])
    except SealError:
        # Tampered or another account's: read as a fresh deck rather than fail the page.
        logger.warning("deck state %s did not open", state_id)
        return DeckContent()


def card_visible(card: Card, state: DeckContent) -> bool:
    """True when ``card`` may be shown to a person with ``state``: its theme is not an
    opt-in theme, or one they turned on. (Hidden cards are still shown when asked
    for by id: the page offers to bring them back.)"""
    return card.theme not in OPT_IN_THEMES or card.theme in state.opt_ins


def favourite_cards(*, user: User, vault: Vault) -> list[Card]:
    """Return ``user``'s favourite cards, newest first (opt-in themes turned off left out)."""
    state = deck_state_for(user=user, vault=vault)
    found = (card_get(card_id) for card_id in state.favourites)
    return [card for card in found if card is not None and card_visible(card, state)]


def hidden_cards(*, user: User, vault: Vault) -> list[Card]:
    """Return the cards ``user`` said "Not for me" to, newest first."""
    state = deck_state_for(user=user, vault=vault)
    found = (card_get(card_id) for card_id in state.hidden)
    return [card for card in found if card is not None and card_visible(card, state)]


def pool_size(state: DeckContent, *, theme: str | None, depth: int | None) -> int:
    """Return how many cards a draw with this filter chooses from."""
    return len(
        eligible_cards(
            deck_cards(), hidden=state.hidden, opt_ins=state.opt_ins, theme=theme, depth=depth
        )
    )
