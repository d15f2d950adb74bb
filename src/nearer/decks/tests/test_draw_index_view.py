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


def test_the_choice_is_shown_back_and_a_bad_one_is_marked_on_its_field(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    html = alice.client.get("/cards/?theme=needs&depth=3").content.decode()
    assert '<option value="needs" selected>Needs</option>' in html
    assert '<option value="3" selected>3 · Deep</option>' in html
    assert '<option value="" selected>' not in html
    html = alice.client.get("/cards/?theme=needs&depth=7").content.decode()
    assert '<option value="needs" selected>Needs</option>' in html
    assert '<option value="" selected>Any depth</option>' in html
    assert 'id="id_depth" aria-invalid="true" aria-describedby="id_depth_error"' in html
    assert 'id="id_theme" aria-invalid' not in html
