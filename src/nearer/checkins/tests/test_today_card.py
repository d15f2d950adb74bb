from __future__ import annotations

from nearer.checkins.services import checkin_create
from nearer.conftest import Person


def test_today_offers_the_grid_its_words_and_done(alice: Person) -> None:
    html = alice.client.get("/").content.decode()
    assert 'action="/checkins/new/"' in html
    assert html.count('type="radio" name="feeling"') == 25
    assert html.count('type="radio" name="emotion"') == 40
    assert "data-checkin-words hidden" in html and 'name="done"' in html


def test_today_says_how_often_and_the_last_feeling(alice: Person) -> None:
    for word in ("tired", "grateful"):
        checkin_create(user=alice.user, vault=alice.vault, pleasantness=0, energy=-1, emotion=word)
    html = alice.client.get("/").content.decode()
    assert "You checked in twice today" in html
    assert '<strong class="checkin-last">grateful</strong>' in html
