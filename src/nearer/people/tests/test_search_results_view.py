"""/people/found/<id>/: the people a search found, its words kept sealed for an hour.

The POST to /people/ keeps the words and redirects here (303), so Back and reload
show the results again without sending the form once more."""

from __future__ import annotations

import base64
import json
import re
import time

import pytest
from django.urls import reverse

from nearer.accounts.models import AccountSession
from nearer.conftest import Person
from nearer.people.tests.conftest import AddPerson
from nearer.vault import search_words

pytestmark = pytest.mark.django_db
URL = reverse("people:index")


def _search(owner: Person, words: str) -> str:
    response = owner.client.post(URL, {"q": words})
    assert response.status_code == 303
    location: str = response["Location"]
    assert re.fullmatch(r"/people/found/[0-9a-f]{32}/", location)
    return location


def test_the_results_page_finds_by_name_and_shows_the_words_back(
    alice: Person, add_person: AddPerson
) -> None:
    add_person(alice, name="Maya")
    add_person(alice, name="Jonas")
    location = _search(alice, "mayaword may")
    assert "may" not in location
    html = alice.client.get(location).content.decode()
    assert "No one found" in html  # every word must match
    location = _search(alice, "may")
    for _ in range(2):  # a reload shows the same
        response = alice.client.get(location)
        html = response.content.decode()
        assert response.status_code == 200
        assert "1 person found" in html and "Maya" in html and "Jonas" not in html
        assert 'value="may"' in html


def test_an_unknown_or_expired_id_is_everyone_with_a_calm_word(
    alice: Person, add_person: AddPerson, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_person(alice, name="Maya")
    response = alice.client.get(f"/people/found/{'cd' * 16}/")
    assert response.status_code == 404
    assert "Search again" in response.content.decode()
    location = _search(alice, "may")
    later = time.time() + search_words.LIFETIME_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)
    response = alice.client.get(location)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Search again" in html and "found" not in html


def test_a_journal_search_id_finds_nothing_here(alice: Person, add_person: AddPerson) -> None:
    add_person(alice, name="Maya")
    journal = alice.client.post(reverse("journal:search"), {"q": "may"})["Location"]
    search_id = journal.rstrip("/").rsplit("/", 1)[1]
    assert alice.client.get(f"/people/found/{search_id}/").status_code == 404


def test_someone_elses_search_finds_nothing(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    add_person(alice, name="Lighthousekeeper")
    location = _search(alice, "lighthouse")
    response = charlie.client.get(location)
    assert response.status_code == 404
    assert b"Lighthousekeeper" not in response.content


def test_the_session_keeps_the_words_sealed(alice: Person) -> None:
    _search(alice, "lighthousekeeper")
    row = AccountSession.objects.get(session_key=alice.client.session.session_key)
    kept = row.get_decoded()[search_words.SESSION_KEY]
    assert len(kept) == 1
    assert "lighthousekeeper" not in json.dumps(row.get_decoded())
    # Not even inside the kept bytes, once their base64 is undone.
    for _place, _expires, sealed in kept.values():
        assert b"lighthousekeeper" not in base64.b64decode(sealed)
