"""sessions: the pure plan and progression of a session."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from nearer.decks.session_content import PLANNED, SessionContent
from nearer.decks.sessions import (
    Deck,
    choose_card,
    depth_for,
    finished,
    fit_for,
    session_next,
    session_plan,
    session_skip,
)
from nearer.decks.tests.session_helpers import CARDS_BY_ID, SESSION_DECK

FRIEND_DECK = Deck(cards=SESSION_DECK, fit="friend")
NO_TIME = timedelta(0)


def depth_of(content: SessionContent) -> int:
    assert content.current is not None
    return CARDS_BY_ID[content.current].depth


def talk_through(content: SessionContent, *, rng: random.Random) -> list[int]:
    """Press Next until the end with no time passing; return the depths shown."""
    depths = [depth_of(content)]
    while not finished(content):
        content = session_next(content, deck=FRIEND_DECK, elapsed=NO_TIME, rng=rng)
        if content.current is not None:
            depths.append(depth_of(content))
    return depths


def test_a_ten_minute_plan_is_six_cards_two_at_each_depth_and_reaches_depth_3() -> None:
    content = session_plan(length=10, deck=FRIEND_DECK, rng=random.Random(3))
    assert content.planned == 6
    assert talk_through(content, rng=random.Random(3)) == [1, 1, 2, 2, 3, 3]


@pytest.mark.parametrize(("length", "cards"), [(20, 10), (45, 18)])
def test_longer_plans_go_from_light_to_deep_in_about_thirds(length: int, cards: int) -> None:
    content = session_plan(length=length, deck=FRIEND_DECK, rng=random.Random(5))
    depths = talk_through(content, rng=random.Random(5))
    assert len(depths) == cards == PLANNED[length]
    assert depths == sorted(depths)
    assert depths[0] == 1 and depths[-1] == 3
    assert all(abs(depths.count(depth) - cards / 3) <= 1 for depth in (1, 2, 3))


def test_the_last_next_ends_with_the_deepest_depth_talked_through() -> None:
    content = session_plan(length=10, deck=FRIEND_DECK, rng=random.Random(1))
    while not finished(content):
        content = session_next(content, deck=FRIEND_DECK, elapsed=NO_TIME)
    assert content.current is None
    assert content.answered == 6
    assert content.deepest == 3
    assert session_next(content, deck=FRIEND_DECK, elapsed=NO_TIME) == content


def test_turns_alternate_with_each_card_talked_through() -> None:
    content = session_plan(length=10, deck=FRIEND_DECK)
    turns = [content.turn]
    for _ in range(3):
        content = session_next(content, deck=FRIEND_DECK, elapsed=NO_TIME)
        turns.append(content.turn)
    assert turns == ["me", "them", "me", "them"]


def test_time_gone_moves_a_slow_pair_on_to_deeper_cards() -> None:
    content = session_plan(length=10, deck=FRIEND_DECK)
    content = session_next(content, deck=FRIEND_DECK, elapsed=timedelta(minutes=7))
    assert content.answered == 1
    assert depth_of(content) == 3
    assert content.current_depth == 3


def test_depth_follows_whichever_is_further_cards_or_minutes() -> None:
    assert depth_for(answered=0, planned=6, elapsed=timedelta(minutes=3), length=10) == 1
    assert depth_for(answered=0, planned=6, elapsed=timedelta(minutes=4), length=10) == 2
    assert depth_for(answered=4, planned=6, elapsed=NO_TIME, length=10) == 3
    assert depth_for(answered=1, planned=6, elapsed=timedelta(hours=5), length=10) == 3
    assert depth_for(answered=0, planned=18, elapsed=timedelta(minutes=-9), length=45) == 1


def test_a_clock_set_back_never_makes_the_next_card_lighter() -> None:
    content = session_plan(length=10, deck=FRIEND_DECK)
    content = session_next(content, deck=FRIEND_DECK, elapsed=timedelta(minutes=8))
    content = session_next(content, deck=FRIEND_DECK, elapsed=NO_TIME)
    assert content.current_depth == 3


def test_a_skip_shows_another_card_of_the_same_depth_for_the_same_person() -> None:
    content = session_plan(length=10, deck=FRIEND_DECK)
    content = session_next(content, deck=FRIEND_DECK, elapsed=NO_TIME)
    content = session_next(content, deck=FRIEND_DECK, elapsed=NO_TIME)
    before = content
    skipped = session_skip(content, deck=FRIEND_DECK)
    assert skipped.current != before.current
    assert depth_of(skipped) == depth_of(before) == 2
    assert skipped.answered == before.answered
    assert skipped.turn == before.turn
    assert skipped.skipped == (before.current,)
    assert skipped.deepest == before.deepest == 1


def test_a_skipped_card_does_not_count_as_talked_through() -> None:
    content = session_plan(length=10, deck=FRIEND_DECK)
    for _ in range(5):
        content = session_skip(content, deck=FRIEND_DECK)
    assert content.answered == 0
    assert content.deepest == 0
    assert len(content.skipped) == 5
    assert len(set(content.shown)) == 6


def test_no_card_is_shown_twice_in_a_session_while_others_fit() -> None:
    content = session_plan(length=45, deck=FRIEND_DECK, rng=random.Random(8))
    while not finished(content):
        content = session_next(content, deck=FRIEND_DECK, elapsed=NO_TIME)
    assert len(content.shown) == len(set(content.shown)) == 18


def test_cards_suit_the_person_and_never_hidden_recent_or_opt_in_ones() -> None:
    hidden = {f"sess-friend-1-{number:02d}" for number in range(5)}
    recent = [f"sess-friend-1-{number:02d}" for number in range(5, 9)]
    deck = Deck(cards=SESSION_DECK, fit="friend", hidden=hidden, recent=recent)
    seen = {choose_card(deck, depth=1, avoid=(), rng=random.Random(seed)).id for seed in range(60)}  # type: ignore[union-attr]
    assert seen == {"sess-friend-1-09"}


def test_an_opt_in_theme_is_drawn_once_turned_on() -> None:
    only_touch = Deck(cards=[CARDS_BY_ID["sess-touch-1"]], fit="friend")
    assert choose_card(only_touch, depth=1, avoid=()) is None
    turned_on = Deck(cards=[CARDS_BY_ID["sess-touch-1"]], fit="friend", opt_ins={"touch"})
    assert choose_card(turned_on, depth=1, avoid=()) == CARDS_BY_ID["sess-touch-1"]


def test_a_partner_gets_partner_cards_and_a_colleague_any() -> None:
    partner = Deck(cards=SESSION_DECK, fit=fit_for("partner"))
    chosen = {choose_card(partner, depth=2, avoid=()).id for _ in range(40)}  # type: ignore[union-attr]
    assert chosen <= {f"sess-partner-2-{number:02d}" for number in range(5)}
    assert fit_for("colleague") is None
    assert fit_for("family") == "family"
    # No card fits family here: any card of the depth rather than none.
    family = Deck(cards=SESSION_DECK, fit="family")
    assert choose_card(family, depth=3, avoid=()) is not None


def test_a_session_of_another_length_is_refused() -> None:
    with pytest.raises(ValueError, match="no session of 15 minutes"):
        session_plan(length=15, deck=FRIEND_DECK)
