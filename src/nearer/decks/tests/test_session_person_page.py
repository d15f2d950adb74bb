"""person_page: what a person's page says of deck sessions with them."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.session_services import session_start
from nearer.decks.tests.session_helpers import friend_of, press, session_deck
from nearer.people.services import person_archive

__all__ = ["session_deck"]


def test_it_offers_a_session_and_says_how_deep_you_have_gone(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    friend = friend_of(alice, "Wilhelmina Ashcombe")
    page = alice.client.get(f"/people/{friend.id}/").content.decode()
    assert f'href="/cards/sessions/new/?person={friend.id}"' in page
    assert "Talk deeper with Wilhelmina Ashcombe" in page
    assert "Deepest you've gone together" not in page
    for _ in range(2):
        session = session_start(user=alice.user, vault=alice.vault, person_id=friend.id, length=10)
        for step in ("next", "next", "next", "stop"):
            press(alice, session, step)
    page = alice.client.get(f"/people/{friend.id}/").content.decode()
    assert "Deepest you've gone together: Personal (depth 2), in 2 sessions." in page


def test_an_archived_person_is_not_offered_a_session(alice: Person) -> None:
    friend = friend_of(alice, "Wilhelmina Ashcombe")
    person_archive(user=alice.user, vault=alice.vault, person_id=friend.id)
    page = alice.client.get(f"/people/{friend.id}/").content.decode()
    assert "Wilhelmina Ashcombe" in page
    assert "Talk deeper with" not in page
