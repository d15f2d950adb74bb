"""Favourite and Unfavourite, and the favourites page."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.selectors import deck_state_for
from nearer.decks.tests.draw_helpers import location, test_deck

__all__ = ["test_deck"]


def test_favourite_and_unfavourite_keep_the_filter(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    response = alice.client.post("/cards/memories-1-004/favourite/", {"theme": "memories"})
    assert location(response) == "/cards/memories-1-004/?theme=memories"
    html = alice.client.get("/cards/memories-1-004/").content.decode()
    assert 'aria-pressed="true">Unfavourite</button>' in html
    listed = alice.client.get("/cards/favourites/").content.decode()
    assert "Question memories 1 number 4:" in listed
    response = alice.client.post("/cards/memories-1-004/unfavourite/", {"back": "favourites"})
    assert location(response) == "/cards/favourites/"
    assert deck_state_for(user=alice.user, vault=alice.vault).favourites == ()
