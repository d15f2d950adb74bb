"""Writes for drawing cards: draw, favourite, "not for me", the opt-in themes.

Each takes the person and their unlocked vault and changes their one sealed
DeckState row under a row lock, made on first use.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Collection

from django.db import transaction

from nearer.accounts.models import User
from nearer.decks.catalogue import OPT_IN_THEMES
from nearer.decks.deck import SYSTEM_RANDOM, Pick, pick_card
from nearer.decks.models import DeckState
from nearer.decks.selectors import card_get, deck_cards
from nearer.decks.state import DeckContent, content_open, content_seal
from nearer.lib.owner import check_vault
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

logger = logging.getLogger(__name__)


class ThemeOff(ValueError):
    """A draw asked for an opt-in theme the person has not turned on."""


def _claim(user: User) -> DeckState:
    """Return the person's DeckState row, locked until the transaction ends; make it if
    missing.

    Two first draws at once may both find no row. The insert then skips a row that
    exists (ON CONFLICT DO NOTHING; PostgreSQL waits for a concurrent insert of
    the same owner to commit), so neither gets an IntegrityError; the lock then
    makes the second wait for the first, and it reads what the first wrote, so
    no draw is lost. The empty content of a new row reads as an empty state.
    """
    locked = DeckState.objects.select_for_update()
    # Almost always the row is there: lock it without the insert's extra write.
    row = locked.filter(owner=user).first()
    if row is None:
        DeckState.objects.bulk_create([DeckState(owner=user, content=b"")], ignore_conflicts=True)
        row = locked.get(owner=user)
    return row


@transaction.atomic
def deck_state_change(
    user: User, vault: Vault, change: Callable[[DeckContent], DeckContent]
) -> DeckContent:
    """Apply ``change`` to ``user``'s deck state under its row lock, seal and save it;
    return the new state. For services that record draws (a session's cards too)."""
    check_vault(user, vault)
    row = _claim(user)
    try:
        content = content_open(vault, row.id, row.content)
    except SealError:
        # No one can read it (tampered, or sealed by another key): start afresh
        # rather than refuse every draw from now on.
        logger.warning("deck state %s did not open; starting afresh", row.id)
        content = DeckContent()
    changed = change(content)
    if changed is content:
        return content  # nothing to seal again
    content = changed
    row.content = content_seal(vault, row.id, content)
    row.save(update_fields=["content", "updated_at"])
    return content


@transaction.atomic
def card_draw(
    *,
    user: User,
    vault: Vault,
    theme: str | None = None,
    depth: int | None = None,
    rng: random.Random = SYSTEM_RANDOM,
) -> Pick | None:
    """Draw a card for the filter and remember it among the recent draws; return the
    pick, or None when the filter leaves no card (the state is unchanged then).
    Raise ThemeOff when ``theme`` is an opt-in theme the person has not turned on."""
    picked: list[Pick | None] = []

    def draw(content: DeckContent) -> DeckContent:
        if theme in OPT_IN_THEMES and theme not in content.opt_ins:
            raise ThemeOff(theme)
        pick = pick_card(
            deck_cards(),
            recent=content.recent,
            hidden=content.hidden,
            opt_ins=content.opt_ins,
            theme=theme,
            depth=depth,
            rng=rng,
        )
        picked.append(pick)
        return content if pick is None else content.drawn(pick.card.id)

    deck_state_change(user, vault, draw)
    return picked[0]


def _known(card_id: str) -> str:
    if card_get(card_id) is None:
        raise ValueError(f"no card {card_id!r}")
    return card_id


@transaction.atomic
def card_favourite(*, user: User, vault: Vault, card_id: str, on: bool) -> DeckContent:
    """Make ``card_id`` a favourite (``on``) or not; return the new state. Raise
    ValueError for an unknown card."""
    _known(card_id)
    return deck_state_change(user, vault, lambda content: content.favourite(card_id, on=on))


@transaction.atomic
def card_hide(*, user: User, vault: Vault, card_id: str, on: bool) -> DeckContent:
    """Hide ``card_id`` from every draw (``on``) or bring it back; return the new state.
    Raise ValueError for an unknown card."""
    _known(card_id)
    return deck_state_change(user, vault, lambda content: content.hide(card_id, on=on))


@transaction.atomic
def deck_opt_ins_set(*, user: User, vault: Vault, themes: Collection[str]) -> DeckContent:
    """Turn on exactly the opt-in ``themes`` given (others off); return the new state.
    Raise ValueError for a theme that is not an opt-in theme."""
    unknown = set(themes) - OPT_IN_THEMES
    if unknown:
        raise ValueError(f"not opt-in themes: {sorted(unknown)}")
    chosen = tuple(sorted(set(themes)))
    return deck_state_change(
        user,
        vault,
        lambda content: DeckContent(
            recent=content.recent,
            favourites=content.favourites,
            hidden=content.hidden,
            opt_ins=chosen,
        ),
    )
