"""pick_card: the pure choice behind a draw and a session's next card."""

from __future__ import annotations

import random
import re

from nearer.decks.catalogue import Card
from nearer.decks.deck import RECENT_LIMIT, pick_card, remember_draw


def _cards(count: int, *, theme: str = "memories", depth: int = 1) -> list[Card]:
    return [
        Card(
            id=f"{theme}-{depth}-{number:03d}",
            theme=theme,
            depth=depth,
            fits=frozenset({"friend"}),
            text=f"Question {number}",
        )
        for number in range(count)
    ]


def test_200_draws_from_40_cards_never_repeat_within_30() -> None:
    cards = _cards(40)
    rng = random.Random(9)
    recent: tuple[str, ...] = ()
    drawn: list[str] = []
    for _ in range(200):
        pick = pick_card(cards, recent=recent, hidden=(), opt_ins=(), rng=rng)
        assert pick is not None and not pick.repeated and not pick.few
        drawn.append(pick.card.id)
        recent = remember_draw(recent, pick.card.id)
    for index, card_id in enumerate(drawn):
        assert card_id not in drawn[max(0, index - RECENT_LIMIT) : index]
    assert len(set(drawn)) == 40


def test_a_small_pool_brings_back_the_card_drawn_longest_ago() -> None:
    cards = _cards(3)
    recent = ("memories-1-002", "memories-1-000", "memories-1-001")
    pick = pick_card(cards, recent=recent, hidden=(), opt_ins=(), rng=random.Random(1))
    assert pick is not None
    assert pick.card.id == "memories-1-002"
    assert pick.repeated and pick.few and pick.pool == 3


def test_hidden_cards_are_never_drawn() -> None:
    cards = _cards(5)
    hidden = {card.id for card in cards[:4]}
    rng = random.Random(2)
    for _ in range(50):
        pick = pick_card(cards, recent=(), hidden=hidden, opt_ins=(), rng=rng)
        assert pick is not None and pick.card.id == "memories-1-004"
    assert pick_card(cards, recent=(), hidden={c.id for c in cards}, opt_ins=()) is None


def test_an_opt_in_theme_is_drawn_only_once_turned_on() -> None:
    cards = _cards(3, theme="touch") + _cards(1, theme="dreams")
    rng = random.Random(3)
    for _ in range(30):
        pick = pick_card(cards, recent=(), hidden=(), opt_ins=(), rng=rng)
        assert pick is not None and pick.card.theme == "dreams"
    assert pick_card(cards, recent=(), hidden=(), opt_ins=(), theme="touch") is None
    themes = {
        pick.card.theme
        for _ in range(60)
        if (pick := pick_card(cards, recent=(), hidden=(), opt_ins={"touch"}, rng=rng))
    }
    assert themes == {"touch", "dreams"}


def test_theme_and_depth_filter_the_pool() -> None:
    cards = _cards(4, depth=1) + _cards(4, depth=3) + _cards(4, theme="needs", depth=3)
    rng = random.Random(4)
    for _ in range(40):
        pick = pick_card(cards, recent=(), hidden=(), opt_ins=(), theme="needs", depth=3, rng=rng)
        assert pick is not None and pick.card.theme == "needs" and pick.card.depth == 3
        assert pick.pool == 4


def test_remember_draw_keeps_the_last_30_once_each() -> None:
    recent: tuple[str, ...] = ()
    for number in range(45):
        recent = remember_draw(recent, f"card-{number}")
    assert recent == tuple(f"card-{number}" for number in range(15, 45))
    assert remember_draw(("a", "b", "c"), "a") == ("b", "c", "a")


def test_every_card_id_fits_the_url_and_no_page_word() -> None:
    from django.urls import resolve

    from nearer.decks.cards import CARDS
    from nearer.decks.converters import RESERVED_IDS, CardIdConverter

    pattern = re.compile(CardIdConverter.regex)
    assert CARDS
    for card in CARDS:
        assert pattern.fullmatch(card.id), card.id
        assert card.id not in RESERVED_IDS
        assert resolve(f"/cards/{card.id}/").url_name == "card"
