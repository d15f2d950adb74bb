"""Not for me: hiding a card, its undo, and the hidden cards page."""

from __future__ import annotations

import re

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.selectors import deck_state_for
from nearer.decks.services import card_hide
from nearer.decks.tests.draw_helpers import location, test_deck

__all__ = ["test_deck"]


def test_not_for_me_hides_the_card_shows_another_and_offers_undo(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    response = alice.client.post("/cards/needs-3-002/hide/", {"theme": "needs"})
    path = location(response)
    assert re.fullmatch(r"/cards/needs-3-00[0134]/\?theme=needs&undo=needs-3-002", path), path
    html = alice.client.get(path).content.decode()
    assert "That card is hidden from your draws." in html
    assert 'action="/cards/needs-3-002/restore/"' in html
    assert "needs-3-002" in deck_state_for(user=alice.user, vault=alice.vault).hidden
    listed = alice.client.get("/cards/hidden/").content.decode()
    assert "Question needs 3 number 2:" in listed
    response = alice.client.post("/cards/needs-3-002/restore/", {"theme": "needs"})
    assert location(response) == "/cards/needs-3-002/?theme=needs"
    assert deck_state_for(user=alice.user, vault=alice.vault).hidden == ()


def test_hiding_the_last_card_of_a_filter_goes_back_to_the_choice(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    for number in range(4):
        card_hide(user=alice.user, vault=alice.vault, card_id=f"needs-3-00{number}", on=True)
    response = alice.client.post("/cards/needs-3-004/hide/", {"theme": "needs", "depth": "3"})
    assert location(response) == "/cards/?theme=needs&depth=3&undo=needs-3-004"
    html = alice.client.get(location(response)).content.decode()
    assert "No cards fit this choice just now." in html
