from __future__ import annotations

import pytest
from django.test import Client

from nearer.conftest import Person


@pytest.mark.django_db
def test_it_says_calmly_that_the_network_is_away_and_nothing_is_lost() -> None:
    response = Client().get("/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>You're offline for now</h1>" in html
    assert "never stored on this device" in html
    assert 'href="/help/">Get help now</a>' in html


def test_it_shows_nothing_of_a_person_logged_in(alice: Person) -> None:
    # The service worker fetches it without cookies; even with them it names nobody.
    html = alice.client.get("/offline/").content.decode()
    assert "<h1>You're offline for now</h1>" in html
    assert alice.user.username not in html.split("<main", 1)[1]
