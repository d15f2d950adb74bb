"""card_draw, card_favourite, card_hide, deck_opt_ins_set: the sealed deck state."""

from __future__ import annotations

import random
import threading
import time

import pytest
from django.db import connections

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.deck import RECENT_LIMIT
from nearer.decks.models import DeckState
from nearer.decks.selectors import deck_state_for, favourite_cards, hidden_cards
from nearer.decks.services import (
    ThemeOff,
    card_draw,
    card_favourite,
    card_hide,
    deck_opt_ins_set,
    deck_state_change,
)
from nearer.decks.state import DeckContent
from nearer.decks.tests.draw_helpers import test_deck

__all__ = ["test_deck"]


def test_200_draws_of_40_cards_never_repeat_within_30(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    rng = random.Random(11)
    drawn = []
    for _ in range(200):
        pick = card_draw(user=alice.user, vault=alice.vault, theme="memories", rng=rng)
        assert pick is not None and not pick.repeated
        drawn.append(pick.card.id)
    for index, card_id in enumerate(drawn):
        assert card_id not in drawn[max(0, index - RECENT_LIMIT) : index]
    state = deck_state_for(user=alice.user, vault=alice.vault)
    assert state.recent == tuple(drawn[-RECENT_LIMIT:])


def test_a_filter_of_5_cards_comes_round_again_and_says_so(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    picks = [
        card_draw(user=alice.user, vault=alice.vault, theme="needs", depth=3) for _ in range(10)
    ]
    assert all(pick is not None and pick.few for pick in picks)
    ids = [pick.card.id for pick in picks if pick is not None]
    assert len(set(ids[:5])) == 5
    assert ids[5:] == ids[:5]  # after all five, the one drawn longest ago each time
    assert [pick.repeated for pick in picks if pick is not None] == [False] * 5 + [True] * 5


def test_hidden_cards_are_never_drawn(alice: Person, test_deck: tuple[Card, ...]) -> None:
    for number in range(4):
        card_hide(user=alice.user, vault=alice.vault, card_id=f"needs-3-00{number}", on=True)
    for _ in range(20):
        pick = card_draw(user=alice.user, vault=alice.vault, theme="needs")
        assert pick is not None and pick.card.id == "needs-3-004"
    card_hide(user=alice.user, vault=alice.vault, card_id="needs-3-004", on=True)
    assert card_draw(user=alice.user, vault=alice.vault, theme="needs") is None
    assert [card.id for card in hidden_cards(user=alice.user, vault=alice.vault)][:2] == [
        "needs-3-004",
        "needs-3-003",
    ]
    card_hide(user=alice.user, vault=alice.vault, card_id="needs-3-002", on=False)
    pick = card_draw(user=alice.user, vault=alice.vault, theme="needs")
    assert pick is not None and pick.card.id == "needs-3-002"


def test_the_opt_in_deck_is_off_until_turned_on(alice: Person, test_deck: tuple[Card, ...]) -> None:
    rng = random.Random(5)
    themes = set()
    for _ in range(60):
        pick = card_draw(user=alice.user, vault=alice.vault, rng=rng)
        assert pick is not None
        themes.add(pick.card.theme)
    assert "touch" not in themes
    with pytest.raises(ThemeOff):
        card_draw(user=alice.user, vault=alice.vault, theme="touch")
    deck_opt_ins_set(user=alice.user, vault=alice.vault, themes=["touch"])
    pick = card_draw(user=alice.user, vault=alice.vault, theme="touch")
    assert pick is not None and pick.card.theme == "touch"
    deck_opt_ins_set(user=alice.user, vault=alice.vault, themes=[])
    with pytest.raises(ThemeOff):
        card_draw(user=alice.user, vault=alice.vault, theme="touch")
    with pytest.raises(ValueError, match="not opt-in"):
        deck_opt_ins_set(user=alice.user, vault=alice.vault, themes=["memories"])


def test_favourites_round_trip_newest_first(alice: Person, test_deck: tuple[Card, ...]) -> None:
    for card_id in ("memories-1-007", "needs-3-001", "memories-1-007"):
        card_favourite(user=alice.user, vault=alice.vault, card_id=card_id, on=True)
    ids = [card.id for card in favourite_cards(user=alice.user, vault=alice.vault)]
    assert ids == ["memories-1-007", "needs-3-001"]
    card_favourite(user=alice.user, vault=alice.vault, card_id="memories-1-007", on=False)
    ids = [card.id for card in favourite_cards(user=alice.user, vault=alice.vault)]
    assert ids == ["needs-3-001"]
    with pytest.raises(ValueError, match="no card"):
        card_favourite(user=alice.user, vault=alice.vault, card_id="nowhere-card", on=True)


def test_the_row_holds_no_card_id_or_theme_in_the_clear(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    card_favourite(user=alice.user, vault=alice.vault, card_id="memories-1-012", on=True)
    card_hide(user=alice.user, vault=alice.vault, card_id="needs-3-004", on=True)
    deck_opt_ins_set(user=alice.user, vault=alice.vault, themes=["touch"])
    card_draw(user=alice.user, vault=alice.vault, theme="touch")
    content = bytes(DeckState.objects.get(owner=alice.user).content)
    for word in (b"memories-1-012", b"needs-3-004", b"touch", b"favourites", b"hidden"):
        assert word not in content


def test_another_accounts_state_is_not_read(
    alice: Person, bob: Person, test_deck: tuple[Card, ...]
) -> None:
    card_favourite(user=alice.user, vault=alice.vault, card_id="memories-1-003", on=True)
    assert favourite_cards(user=bob.user, vault=bob.vault) == []
    # Bob's vault cannot open Alice's row even if handed it.
    with pytest.raises(ValueError, match="vault does not belong"):
        card_favourite(user=alice.user, vault=bob.vault, card_id="memories-1-003", on=False)


def test_an_unreadable_state_reads_as_fresh_and_the_next_write_starts_afresh(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    card_favourite(user=alice.user, vault=alice.vault, card_id="memories-1-003", on=True)
    DeckState.objects.filter(owner=alice.user).update(content=b"\x01not sealed at all")
    assert deck_state_for(user=alice.user, vault=alice.vault).favourites == ()
    card_favourite(user=alice.user, vault=alice.vault, card_id="memories-1-004", on=True)
    assert deck_state_for(user=alice.user, vault=alice.vault).favourites == ("memories-1-004",)


@pytest.mark.django_db(transaction=True)
def test_two_first_draws_at_once_both_count(test_deck: tuple[Card, ...]) -> None:
    from nearer.conftest import make_person

    # Both requests find no row and insert one; on PostgreSQL the second waits for the
    # first's insert, then for its lock, and reads what it wrote (SQLite lets one
    # writer in at a time, so there the threads only start together).
    alice = make_person("alice")
    start = threading.Barrier(2, timeout=20)
    errors: list[BaseException] = []

    def draw() -> None:
        try:
            start.wait()
            card_draw(user=alice.user, vault=alice.vault, theme="memories")
        except Exception as error:  # kept and asserted on below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=draw) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert DeckState.objects.filter(owner=alice.user).count() == 1
    assert len(deck_state_for(user=alice.user, vault=alice.vault).recent) == 2


@pytest.mark.django_db(transaction=True)
def test_a_draw_waits_for_another_write_of_the_same_row_and_loses_nothing(
    test_deck: tuple[Card, ...],
) -> None:
    from nearer.conftest import make_person

    # One write holds the row (it is sealing a favourite, slowly) when a draw comes;
    # the draw must wait for it and then read what it wrote, or one of the two is lost.
    alice = make_person("alice")
    card_draw(user=alice.user, vault=alice.vault, theme="memories")
    holding, drawing = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def favourite_slowly() -> None:
        def change(content: DeckContent) -> DeckContent:
            holding.set()
            drawing.wait(timeout=20)
            time.sleep(0.5)  # the draw has asked for the row by now
            return content.favourite("memories-1-017", on=True)

        try:
            deck_state_change(alice.user, alice.vault, change)
        except Exception as error:  # kept and asserted on below
            errors.append(error)
        finally:
            connections.close_all()

    def draw() -> None:
        try:
            holding.wait(timeout=20)
            drawing.set()
            card_draw(user=alice.user, vault=alice.vault, theme="memories")
        except Exception as error:  # kept and asserted on below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=favourite_slowly), threading.Thread(target=draw)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    state = deck_state_for(user=alice.user, vault=alice.vault)
    assert state.favourites == ("memories-1-017",)
    assert len(state.recent) == 2
