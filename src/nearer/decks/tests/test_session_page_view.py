"""/cards/sessions/<uuid>/: the card on the table, or how deep it went at the end."""

from __future__ import annotations

import uuid

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.models import DeckSession
from nearer.decks.session_services import session_start
from nearer.decks.tests.session_helpers import CARDS_BY_ID, friend_of, opened, session_deck

__all__ = ["session_deck"]


def start(owner: Person) -> DeckSession:
    friend = friend_of(owner, "Perpetua Windlesham")
    return session_start(user=owner.user, vault=owner.vault, person_id=friend.id, length=10)


def test_it_shows_one_card_whose_turn_and_its_depth_in_words(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    session = start(alice)
    content = opened(alice, session)
    assert content.current is not None
    page = alice.client.get(f"/cards/sessions/{session.id}/").content.decode()
    assert CARDS_BY_ID[content.current].text in page
    assert "You ask" in page
    assert "Depth 1, light" in page
    assert page.count('name="step"') == 3
    assert 'name="answered" value="0"' in page


def test_a_reload_shows_the_same_card_and_writes_nothing(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    session = start(alice)
    before = DeckSession.objects.get(id=session.id).content
    first = alice.client.get(f"/cards/sessions/{session.id}/").content
    second = alice.client.get(f"/cards/sessions/{session.id}/").content
    assert first.count(b"deck-card-text") == 1
    assert bytes(DeckSession.objects.get(id=session.id).content) == bytes(before)
    assert opened(alice, session).current is not None
    assert first.split(b"deck-card-text")[1][:200] == second.split(b"deck-card-text")[1][:200]


def test_another_accounts_session_and_a_made_up_one_are_404(
    alice: Person, charlie: Person, session_deck: tuple[Card, ...]
) -> None:
    session = start(alice)
    assert charlie.client.get(f"/cards/sessions/{session.id}/").status_code == 404
    assert alice.client.get(f"/cards/sessions/{uuid.uuid4()}/").status_code == 404
    assert alice.client.get("/cards/sessions/not-a-uuid/").status_code == 404


def test_a_post_is_refused(alice: Person, session_deck: tuple[Card, ...]) -> None:
    session = start(alice)
    assert alice.client.post(f"/cards/sessions/{session.id}/").status_code == 405


def test_a_session_that_wont_open_says_so_and_a_step_changes_nothing(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    session = start(alice)
    DeckSession.objects.filter(id=session.id).update(content=b"tampered")
    page = alice.client.get(f"/cards/sessions/{session.id}/")
    assert page.status_code == 200
    assert "This session could not be opened" in page.content.decode()
    step = alice.client.post(
        f"/cards/sessions/{session.id}/step/", {"step": "next", "answered": "0", "card": "x"}
    )
    assert step.status_code == 302
    assert bytes(DeckSession.objects.get(id=session.id).content) == b"tampered"
