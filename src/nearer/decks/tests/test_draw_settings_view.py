"""Deck settings: the opt-in decks, off by default."""

from __future__ import annotations

import re

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.selectors import deck_state_for
from nearer.decks.tests.draw_helpers import test_deck

__all__ = ["test_deck"]


def test_settings_turn_the_opt_in_deck_on_and_off(
    alice: Person, test_deck: tuple[Card, ...]
) -> None:
    html = alice.client.get("/cards/settings/").content.decode()
    assert re.search(r'<input type="checkbox" name="touch"(?![^>]*checked)[^>]*>', html)
    assert "Never explicit." in html
    assert alice.client.post("/cards/settings/", {"touch": "on"}).status_code == 302
    assert deck_state_for(user=alice.user, vault=alice.vault).opt_ins == ("touch",)
    assert "Physical closeness" in alice.client.get("/cards/").content.decode()
    alice.client.post("/cards/settings/", {})
    assert deck_state_for(user=alice.user, vault=alice.vault).opt_ins == ()
