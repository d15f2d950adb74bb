"""/cards/sessions/<uuid>/step/: Next card, Skip this card, Stop here (POST only)."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.models import DeckSession
from nearer.decks.session_services import session_start
from nearer.decks.tests.draw_helpers import location
from nearer.decks.tests.session_helpers import friend_of, opened, session_deck

__all__ = ["session_deck"]


def start(owner: Person) -> DeckSession:
    friend = friend_of(owner)
    return session_start(user=owner.user, vault=owner.vault, person_id=friend.id, length=10)


def form(owner: Person, session: DeckSession, step: str) -> dict[str, str]:
    content = opened(owner, session)
    return {"step": step, "answered": str(content.answered), "card": content.current or ""}


def test_next_twice_with_the_same_form_moves_on_one_card(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    session = start(alice)
    url = f"/cards/sessions/{session.id}/step/"
    posted = form(alice, session, "next")
    assert location(alice.client.post(url, posted)) == f"/cards/sessions/{session.id}/"
    assert location(alice.client.post(url, posted)) == f"/cards/sessions/{session.id}/"
    assert opened(alice, session).answered == 1
    page = alice.client.get(f"/cards/sessions/{session.id}/").content.decode()
    assert "Perpetua" not in page and "Marguerite Fieldfare asks" in page


def test_skip_keeps_the_count_and_stop_shows_the_end(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    session = start(alice)
    url = f"/cards/sessions/{session.id}/step/"
    before = opened(alice, session)
    alice.client.post(url, form(alice, session, "skip"))
    after = opened(alice, session)
    assert after.answered == 0 and after.current != before.current
    alice.client.post(url, form(alice, session, "stop"))
    session.refresh_from_db()
    assert session.state == DeckSession.State.ENDED
    page = alice.client.get(f"/cards/sessions/{session.id}/").content.decode()
    assert "Log as a moment" in page and "Not now" in page


def test_a_tampered_step_changes_nothing(alice: Person, session_deck: tuple[Card, ...]) -> None:
    session = start(alice)
    url = f"/cards/sessions/{session.id}/step/"
    before = opened(alice, session)
    for bad in ({"step": "leap", "answered": "0"}, {"step": "next", "answered": "x"}, {}):
        response = alice.client.post(url, bad)
        assert location(response) == f"/cards/sessions/{session.id}/"
    assert opened(alice, session) == before


def test_another_accounts_session_is_404_and_unchanged(
    alice: Person, charlie: Person, session_deck: tuple[Card, ...]
) -> None:
    session = start(alice)
    before = opened(alice, session)
    url = f"/cards/sessions/{session.id}/step/"
    assert charlie.client.post(url, form(alice, session, "stop")).status_code == 404
    assert charlie.client.post(url, {}).status_code == 404
    assert opened(alice, session) == before


def test_a_get_is_refused(alice: Person, session_deck: tuple[Card, ...]) -> None:
    session = start(alice)
    assert alice.client.get(f"/cards/sessions/{session.id}/step/").status_code == 405
