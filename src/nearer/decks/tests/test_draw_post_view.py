"""The draw itself: a POST that records one card and redirects to its address."""

from __future__ import annotations

import re

from django.test import Client

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.models import DeckState
from nearer.decks.selectors import deck_state_for
from nearer.decks.services import card_hide
from nearer.decks.tests.draw_helpers import location, test_deck

__all__ = ["test_deck"]


def _article(page: str) -> str:
    # The card itself (each response has its own nonce and CSRF token around it).
    found = re.search(r'<article class="deck-card".*?</article>', page, re.S)
    assert found, page
    return found.group(0)


def test_a_draw_is_a_post_that_redirects_to_a_stable_card(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    response = alice.client.post("/cards/draw/", {"theme": "needs", "depth": "3"})
    assert response.status_code == 302
    path = location(response)
    match = re.fullmatch(r"/cards/(needs-3-00[0-4])/\?theme=needs&depth=3", path)
    assert match, path
    first = alice.client.get(path).content.decode()
    again = alice.client.get(path).content.decode()
    assert "Needs · Depth 3, deep" in first
    assert f"Question needs 3 number {match.group(1)[-1]}" in first
    assert _article(first) == _article(again)
    assert deck_state_for(user=alice.user, vault=alice.vault).recent == (match.group(1),)


def test_a_bad_posted_filter_draws_nothing(alice: Person, test_deck: tuple[Card, ...]) -> None:
    response = alice.client.post("/cards/draw/", {"theme": "touch"})
    assert response.status_code == 400
    assert "Please choose one of the themes offered." in response.content.decode()
    assert not DeckState.objects.exists()


def test_a_get_of_the_draw_address_is_refused(alice: Person) -> None:
    assert alice.client.get("/cards/draw/").status_code == 405


def test_posts_without_a_csrf_token_are_refused(alice: Person, test_deck: tuple[Card, ...]) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = alice.client.cookies
    for path in (
        "/cards/draw/",
        "/cards/memories-1-000/favourite/",
        "/cards/memories-1-000/hide/",
        "/cards/settings/",
    ):
        assert strict.post(path, {"touch": "on"}).status_code == 403, path
    assert not DeckState.objects.exists()


def test_a_filter_with_every_card_hidden_says_so_and_draws_nothing(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    for number in range(5):
        card_hide(user=alice.user, vault=alice.vault, card_id=f"needs-3-00{number}", on=True)
    response = alice.client.post("/cards/draw/", {"theme": "needs"}, follow=True)
    assert response.redirect_chain == [("/cards/?theme=needs", 302)]
    assert "No cards fit that choice just now." in response.content.decode()
    assert deck_state_for(user=alice.user, vault=alice.vault).recent == ()
