"""Writes for drawing cards: draw, favourite, "not for me", the opt-in themes.

Each takes the person and their unlocked vault and changes their one sealed
DeckState row under a row lock, made on first use.
"""

from __future__ import annotations

import functools
import logging
import random
from collections.abc import Callable, Collection
from typing import Any, cast
from uuid import UUID

from django.db import connection, transaction
from django.db.models import Field
from django.utils import timezone

from nearer.accounts.models import User
from nearer.decks.catalogue import OPT_IN_THEMES
from nearer.decks.deck import SYSTEM_RANDOM, Pick, pick_card
from nearer.decks.models import DeckState
from nearer.decks.selectors import card_get, deck_cards
from nearer.decks.state import DeckContent, content_open, content_seal
from nearer.lib.owner import check_vault
from nearer.lib.sqlvalues import as_uuid, column
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

logger = logging.getLogger(__name__)


class ThemeOff(ValueError):
    """A draw asked for an opt-in theme the person has not turned on."""


@functools.lru_cache(maxsize=4)
def _locked_sql(vendor: str) -> str:
    # SQLite has no FOR UPDATE: its transactions begin IMMEDIATE (settings), which
    # takes the database's one write lock before this read, so it locks all the same.
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    return (
        f"SELECT {column(DeckState, 'id')}, {column(DeckState, 'content')} "  # noqa: S608 - names from the model
        f"FROM {connection.ops.quote_name(DeckState._meta.db_table)} "
        f"WHERE {column(DeckState, 'owner')} = %s{lock}"
    )


@functools.lru_cache(maxsize=4)
def _save_sql(vendor: str) -> str:
    return (
        f"UPDATE {connection.ops.quote_name(DeckState._meta.db_table)} "  # noqa: S608 - names from the model
        f"SET {column(DeckState, 'content')} = %s, {column(DeckState, 'updated_at')} = %s "
        f"WHERE {column(DeckState, 'id')} = %s"
    )


def _db_value(name: str, value: Any) -> Any:
    field = cast("Field[Any, Any]", DeckState._meta.get_field(name))
    return field.get_db_prep_value(value, connection)


def _claim(user: User) -> tuple[UUID, bytes]:
    """Return the id and sealed content of the person's DeckState row, locked until the
    transaction ends; make the row if missing.

    Two first draws at once may both find no row. The insert then skips a row that
    exists (ON CONFLICT DO NOTHING; PostgreSQL waits for a concurrent insert of
    the same owner to commit), so neither gets an IntegrityError; the lock then
    makes the second wait for the first, and it reads what the first wrote, so
    no draw is lost. The empty content of a new row reads as an empty state.
    Plain SQL (and ``_save``): every draw takes the lock and saves, and the ORM's
    query building and model cost more than the rest of the draw.
    """
    sql = _locked_sql(connection.vendor)
    with connection.cursor() as cursor:
        # Almost always the row is there: lock it without the insert's extra write.
        cursor.execute(sql, [user.pk])
        row = cursor.fetchone()
        if row is None:
            DeckState.objects.bulk_create(
                [DeckState(owner=user, content=b"")], ignore_conflicts=True
            )
            cursor.execute(sql, [user.pk])
            row = cursor.fetchone()
    return as_uuid(row[0]), bytes(row[1])


def _save(state_id: UUID, sealed: bytes) -> None:
    """Write the row's new content (under the lock ``_claim`` took)."""
    with connection.cursor() as cursor:
        cursor.execute(
            _save_sql(connection.vendor),
            [
                _db_value("content", sealed),
                _db_value("updated_at", timezone.now()),
                _db_value("id", state_id),
            ],
        )


@transaction.atomic
def deck_state_change(
    user: User, vault: Vault, change: Callable[[DeckContent], DeckContent]
) -> DeckContent:
    """Apply ``change`` to ``user``'s deck state under its row lock, seal and save it;
    return the new state. For services that record draws (a session's cards too)."""
    check_vault(user, vault)
    state_id, sealed = _claim(user)
    try:
        content = content_open(vault, state_id, sealed)
    except SealError:
        # No one can read it (tampered, or sealed by another key): start afresh
        # rather than refuse every draw from now on.
        logger.warning("deck state %s did not open; starting afresh", state_id)
        content = DeckContent()
    changed = change(content)
    if changed is content:
        return content  # nothing to seal again
    content = changed
    _save(state_id, content_seal(vault, state_id, content))
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
