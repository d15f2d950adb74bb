"""/cards/sessions/<uuid>/log/: an ended session logged as a moment, once (POST only)."""

from __future__ import annotations

import re

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.models import DeckSession
from nearer.decks.session_services import session_start, session_step
from nearer.decks.tests.draw_helpers import location
from nearer.decks.tests.session_helpers import friend_of, opened, session_deck
from nearer.moments.content import content_open as moment_open
from nearer.moments.models import Moment

__all__ = ["session_deck"]


def ended(owner: Person) -> DeckSession:
    friend = friend_of(owner)
    session = session_start(user=owner.user, vault=owner.vault, person_id=friend.id, length=10)
    content = opened(owner, session)
    session_step(
        user=owner.user,
        vault=owner.vault,
        session_id=session.id,
        step="stop",
        answered=content.answered,
        card_id=content.current or "",
    )
    return session


def test_one_tap_logs_one_moment_with_the_defaults(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    session = ended(alice)
    page = alice.client.get(f"/cards/sessions/{session.id}/").content.decode()
    checked = re.findall(r'<input type="\w+" name="(\w+)" value="(\w+)"[^>]* checked>', page)
    assert sorted(checked) == [
        ("kinds", "emotional"),
        ("kinds", "intellectual"),
        ("opened_up", "both"),
    ]
    url = f"/cards/sessions/{session.id}/log/"
    defaults = {"opened_up": "both", "kinds": ["intellectual", "emotional"]}
    assert location(alice.client.post(url, defaults)) == f"/cards/sessions/{session.id}/"
    assert location(alice.client.post(url, defaults)) == f"/cards/sessions/{session.id}/"
    moment = Moment.objects.get(owner=alice.user)
    said = moment_open(alice.vault, moment.id, moment.content)
    assert (said.how, said.opened_up) == ("in_person", "both")
    page = alice.client.get(f"/cards/sessions/{session.id}/").content.decode()
    assert "Logged as a moment." in page and "Log as a moment</button>" not in page


def test_a_bad_answer_is_a_calm_message_and_logs_nothing(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    session = ended(alice)
    response = alice.client.post(f"/cards/sessions/{session.id}/log/", {"opened_up": "everyone"})
    assert response.status_code == 400
    assert "Choose who opened up from the list." in response.content.decode()
    assert not Moment.objects.exists()


def test_a_session_going_on_is_not_logged(alice: Person, session_deck: tuple[Card, ...]) -> None:
    friend = friend_of(alice)
    session = session_start(user=alice.user, vault=alice.vault, person_id=friend.id, length=10)
    response = alice.client.post(f"/cards/sessions/{session.id}/log/", {"opened_up": "both"})
    assert location(response) == f"/cards/sessions/{session.id}/"
    assert not Moment.objects.exists()


def test_another_accounts_session_is_404_and_logs_nothing(
    alice: Person, charlie: Person, session_deck: tuple[Card, ...]
) -> None:
    session = ended(alice)
    url = f"/cards/sessions/{session.id}/log/"
    assert charlie.client.post(url, {"opened_up": "both"}).status_code == 404
    assert not Moment.objects.exists()
    assert alice.client.get(url).status_code == 405
