"""/cards/sessions/new/: choose who with and how long; the POST starts a session."""

from __future__ import annotations

import re

import pytest

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.models import DeckSession
from nearer.decks.tests.draw_helpers import location
from nearer.decks.tests.session_helpers import friend_of, session_deck

__all__ = ["session_deck"]

URL = "/cards/sessions/new/"


def test_it_offers_only_your_own_people_and_preselects_the_one_asked_for(
    alice: Person, charlie: Person
) -> None:
    friend = friend_of(alice, "Ottoline Quarrendon")
    friend_of(charlie, "Bartholomew Stranger")
    page = alice.client.get(f"{URL}?person={friend.id}").content.decode()
    assert "Ottoline Quarrendon" in page
    assert "Bartholomew Stranger" not in page
    assert f'<option value="{friend.id}" selected>' in page
    assert "10 minutes" in page and "45 minutes" in page


def test_a_post_starts_a_session_and_shows_its_first_card(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    friend = friend_of(alice)
    response = alice.client.post(URL, {"person": str(friend.id), "length": "10"})
    session = DeckSession.objects.get(owner=alice.user)
    assert location(response) == f"/cards/sessions/{session.id}/"
    assert session.person_id == friend.id
    page = alice.client.get(location(response)).content.decode()
    assert "You ask" in page and "Session question friend 1 number" in page


@pytest.mark.parametrize("length", ["30", "", "ten", "10.5"])
def test_a_length_not_offered_is_a_calm_message_and_saves_nothing(
    alice: Person, session_deck: tuple[Card, ...], length: str
) -> None:
    friend = friend_of(alice)
    response = alice.client.post(URL, {"person": str(friend.id), "length": length})
    assert response.status_code == 400
    assert "Please choose 10, 20 or 45 minutes." in response.content.decode()
    assert not DeckSession.objects.exists()


def test_another_accounts_person_is_a_calm_message_and_saves_nothing(
    alice: Person, charlie: Person, session_deck: tuple[Card, ...]
) -> None:
    theirs = friend_of(charlie)
    response = alice.client.post(URL, {"person": str(theirs.id), "length": "10"})
    assert response.status_code == 400
    assert "Please choose one of your people from the list." in response.content.decode()
    assert not DeckSession.objects.exists()


def test_a_get_writes_nothing(alice: Person) -> None:
    friend = friend_of(alice)
    assert alice.client.get(f"{URL}?person={friend.id}").status_code == 200
    assert alice.client.get(f"{URL}?person=not-an-id").status_code == 200
    assert not DeckSession.objects.exists()


def test_with_no_people_yet_it_says_to_add_someone_first(alice: Person) -> None:
    page = alice.client.get(URL).content.decode()
    assert "First add the person you want to talk with" in page
    friend_of(alice)
    assert "First add the person" not in alice.client.get(URL).content.decode()


def test_the_same_form_sent_twice_starts_one_session(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    friend = friend_of(alice)
    page = alice.client.get(URL).content.decode()
    start = re.search(r'name="start" value="([0-9a-f-]{36})"', page)
    assert start is not None, "the form carries its own id"
    data = {"person": str(friend.id), "length": "10", "start": start.group(1)}
    first, second = alice.client.post(URL, data), alice.client.post(URL, data)
    session = DeckSession.objects.get(owner=alice.user)
    assert location(first) == location(second) == f"/cards/sessions/{session.id}/"
    assert str(session.id) == start.group(1)
