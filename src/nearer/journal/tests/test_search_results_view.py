"""/journal/search/<id>/: the results of a kept search, newest first, a page at a time;
an unknown, expired or someone else's id is a calm page to search again."""

from __future__ import annotations

import base64
import json
import re
import time
from datetime import date

import pytest

from nearer.accounts.models import AccountSession
from nearer.conftest import Person
from nearer.journal.tests.conftest import Write
from nearer.vault import search_words

URL = "/journal/search/"


def test_a_full_page_links_to_older_results_which_go_on_where_it_stopped(
    alice: Person, write: Write
) -> None:
    from nearer.journal.selectors import SEARCH_LIMIT

    # Across several months, so the next page starts inside a month and goes on.
    first = date(2020, 1, 1).toordinal()
    for day in range(SEARCH_LIMIT + 3):
        write(alice, entry_date=date.fromordinal(first + day), body=f"walk number{day:04d}")
    response = alice.client.post(URL, follow=True, data={"q": "walk"})
    html = response.content.decode()
    assert f"The newest {SEARCH_LIMIT} entries found" in html
    assert "number0102" in html and "number0002" not in html
    older = re.search(r'href="([^"]+)" rel="next"', html)
    assert older is not None
    more = alice.client.get(older.group(1).replace("&amp;", "&")).content.decode()
    assert "3 older entries found" in more
    assert all(f"number{day:04d}" in more for day in range(3))
    assert "number0003" not in more and 'rel="next"' not in more


def test_every_result_fits_one_page_says_how_many(alice: Person, write: Write) -> None:
    write(alice, body="walk one")
    write(alice, body="walk two")
    html = alice.client.post(URL, follow=True, data={"q": "walk"}).content.decode()
    assert "2 entries found" in html and 'rel="next"' not in html


def test_reloading_the_results_shows_them_again(alice: Person, write: Write) -> None:
    write(alice, title="Heron at dawn")
    location = alice.client.post(URL, {"q": "heron"})["Location"]
    for _ in range(2):
        assert "1 entry found" in alice.client.get(location).content.decode()


def test_an_unknown_id_is_a_calm_search_again_page(alice: Person) -> None:
    response = alice.client.get(f"{URL}{'ab' * 16}/")
    assert response.status_code == 404
    assert "Search again" in response.content.decode()
    assert alice.client.get(f"{URL}{'AB' * 16}/").status_code == 404  # not even the route


def test_an_expired_search_is_a_calm_search_again_page(
    alice: Person, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(alice, title="Heron at dawn")
    location = alice.client.post(URL, {"q": "heron"})["Location"]
    later = time.time() + search_words.LIFETIME_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)
    response = alice.client.get(location)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Search again" in html and "Heron at dawn" not in html


def test_someone_elses_search_id_finds_nothing(
    alice: Person, charlie: Person, write: Write
) -> None:
    write(alice, title="Alice's lighthouse")
    location = alice.client.post(URL, {"q": "lighthouse"})["Location"]
    html = charlie.client.get(location).content.decode()
    assert "Search again" in html and "lighthouse" not in html


def test_the_session_holds_the_words_sealed_only(alice: Person) -> None:
    alice.client.post(URL, {"q": "lighthousekeeper"})
    row = AccountSession.objects.get(session_key=alice.client.session.session_key)
    kept = row.get_decoded()[search_words.SESSION_KEY]
    assert len(kept) == 1
    assert "lighthousekeeper" not in json.dumps(row.get_decoded())
    # Not even inside the kept bytes, once their base64 is undone.
    for _place, _expires, sealed in kept.values():
        assert b"lighthousekeeper" not in base64.b64decode(sealed)


def test_a_bad_older_cursor_shows_the_newest_page(alice: Person, write: Write) -> None:
    write(alice, title="Heron at dawn")
    location = alice.client.post(URL, {"q": "heron"})["Location"]
    for bad in ("x", "2020-13.0", "99999-01.1", "2020-01.", "2020-01.9999999"):
        response = alice.client.get(location, {"older": bad})
        assert response.status_code == 200
        assert "1 entry found" in response.content.decode()
