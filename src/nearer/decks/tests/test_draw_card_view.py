"""One card at its own address."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.services import card_favourite, card_hide, deck_opt_ins_set
from nearer.decks.tests.draw_helpers import test_deck

__all__ = ["test_deck"]


def test_an_unknown_or_malformed_card_id_is_a_404(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    for path in ("/cards/nosuch-card-here/", "/cards/" + "a" * 49 + "/", "/cards/Needs-3-000/"):
        assert alice.client.get(path).status_code == 404, path
    assert alice.client.post("/cards/nosuch-card-here/favourite/").status_code == 404


def test_an_opt_in_card_is_a_404_until_turned_on(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    assert alice.client.get("/cards/touch-1-000/").status_code == 404
    deck_opt_ins_set(user=alice.user, vault=alice.vault, themes=["touch"])
    assert alice.client.get("/cards/touch-1-000/").status_code == 200


def test_an_undo_for_a_card_not_hidden_shows_nothing(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    html = alice.client.get("/cards/needs-3-000/?undo=needs-3-001").content.decode()
    assert "That card is hidden" not in html


def test_another_accounts_favourites_and_hidden_cards_are_invisible(
    alice: Person, charlie: Person, test_deck: tuple[Card, ...]
) -> None:
    card_favourite(user=alice.user, vault=alice.vault, card_id="memories-1-031", on=True)
    card_hide(user=alice.user, vault=alice.vault, card_id="memories-1-032", on=True)
    deck_opt_ins_set(user=alice.user, vault=alice.vault, themes=["touch"])
    assert "number 31:" not in charlie.client.get("/cards/favourites/").content.decode()
    assert "number 32:" not in charlie.client.get("/cards/hidden/").content.decode()
    assert charlie.client.get("/cards/touch-1-000/").status_code == 404
    html = charlie.client.get("/cards/memories-1-032/").content.decode()
    assert "Not for me</button>" in html
