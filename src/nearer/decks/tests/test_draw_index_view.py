"""The draw page: the filter in the query, validated, and a draw offered."""

from __future__ import annotations

from django.test import Client

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.models import DeckState
from nearer.decks.tests.draw_helpers import test_deck

__all__ = ["test_deck"]


def test_the_page_offers_a_draw_for_the_chosen_filter(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    html = alice.client.get("/cards/?theme=needs&depth=3").content.decode()
    assert "5 cards fit this choice" in html
    assert "fewer than 31" in html
    assert '<input type="hidden" name="theme" value="needs">' in html
    assert '<input type="hidden" name="depth" value="3">' in html
    assert not DeckState.objects.exists()  # a GET never writes


def test_bad_query_values_are_the_forms_message(alice: Person, test_deck: tuple[Card, ...]) -> None:
    for query in ("theme=unheardof", "depth=7", "depth=deep", "theme=touch", "depth=" + "9" * 40):
        response = alice.client.get("/cards/?" + query)
        assert response.status_code == 200, query
        html = response.content.decode()
        assert "Please choose one of the" in html, query
        assert "Draw a card</button>" not in html, query


def test_the_pages_need_a_login(client: Client, db: None) -> None:
    for path in ("/cards/", "/cards/favourites/", "/cards/hidden/", "/cards/settings/"):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
