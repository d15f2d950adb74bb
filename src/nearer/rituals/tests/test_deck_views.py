"""Cards together: the start page, starting, a session's page and its steps."""

from __future__ import annotations

import pytest

from nearer.moments.models import Moment
from nearer.rituals.models import PairDeckSession
from nearer.rituals.tests.helpers import Paired

pytestmark = pytest.mark.django_db

BASE = "/together/rituals/cards/"


def test_starting_shows_a_card_for_the_starter_to_ask(paired: Paired) -> None:
    response = paired.alice.client.post(BASE + "start/", {"length": "10"})
    session = PairDeckSession.objects.get()
    assert response["Location"] == f"{BASE}{session.id}/"
    assert "You ask" in paired.alice.client.get(response["Location"]).content.decode()
    assert "Alice Wren asks" in paired.bob.client.get(response["Location"]).content.decode()
    assert "Carry on with the cards you started" in paired.bob.client.get(BASE).content.decode()


def test_a_length_not_offered_is_a_message(paired: Paired) -> None:
    response = paired.alice.client.post(BASE + "start/", {"length": "15"})
    assert response.status_code == 400
    assert "Please choose 10, 20 or 45 minutes." in response.content.decode()
    assert not PairDeckSession.objects.exists()


def test_stopping_ends_it_and_logs_a_moment(paired: Paired) -> None:
    paired.alice.client.post(BASE + "start/", {"length": "10"})
    session = PairDeckSession.objects.get()
    page = paired.bob.client.get(f"{BASE}{session.id}/").content.decode()
    card = page.split('name="card" value="', 1)[1].split('"', 1)[0]
    step = {"step": "stop", "answered": "0", "card": card}
    assert paired.bob.client.post(f"{BASE}{session.id}/step/", step).status_code == 302
    session.refresh_from_db()
    assert session.state == PairDeckSession.State.ENDED
    assert Moment.objects.filter(owner=paired.bob.user).count() == 1
    assert (
        "kept as a moment for both of you"
        in paired.alice.client.get(f"{BASE}{session.id}/").content.decode()
    )


def test_a_garbled_step_changes_nothing(paired: Paired) -> None:
    paired.alice.client.post(BASE + "start/", {"length": "10"})
    session = PairDeckSession.objects.get()
    before = bytes(session.content)
    step = {"step": "fly", "answered": "x"}
    assert paired.alice.client.post(f"{BASE}{session.id}/step/", step).status_code == 302
    session.refresh_from_db()
    assert bytes(session.content) == before
