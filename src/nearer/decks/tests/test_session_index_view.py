"""/cards/sessions/: sessions going on, to carry on with, and the latest ended ones."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.session_services import session_start
from nearer.decks.tests.session_helpers import friend_of, session_deck

__all__ = ["session_deck"]


def test_a_session_going_on_can_be_resumed_and_strangers_see_none(
    alice: Person, charlie: Person, session_deck: tuple[Card, ...]
) -> None:
    friend = friend_of(alice, "Ignatius Mallowmere")
    session = session_start(user=alice.user, vault=alice.vault, person_id=friend.id, length=20)
    page = alice.client.get("/cards/sessions/").content.decode()
    assert f'href="/cards/sessions/{session.id}/"' in page
    assert "Carry on with Ignatius Mallowmere" in page
    theirs = charlie.client.get("/cards/sessions/").content.decode()
    assert str(session.id) not in theirs and "No sessions yet." in theirs
