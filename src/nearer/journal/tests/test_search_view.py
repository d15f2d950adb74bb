"""/journal/search/: POST only carries the words, kept sealed, then a 303 to the
results page; results for the owner only."""

from __future__ import annotations

import re

from nearer.conftest import Person
from nearer.journal.tests.conftest import Write

URL = "/journal/search/"


def test_get_shows_an_empty_form(alice: Person) -> None:
    response = alice.client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'method="post"' in html
    assert "found" not in html


def test_it_finds_by_title_body_and_tag(alice: Person, write: Write) -> None:
    write(alice, title="Heron at dawn", body="Quiet.")
    write(alice, title="Other", body="A grey heron stood still.")
    write(alice, title="Third", body="Nothing here.", tags=["Heron"])
    write(alice, title="Fourth", body="No birds today.")
    html = alice.client.post(URL, follow=True, data={"q": "HERON"}).content.decode()
    assert "3 entries found" in html
    assert "Heron at dawn" in html and "Other" in html and "Third" in html
    assert "Fourth" not in html
    assert "<mark>heron</mark>" in html


def test_words_from_the_json_structure_do_not_match(alice: Person, write: Write) -> None:
    write(alice, title="A", body="Plain words.", prompt_key="compassion.tired")
    for word in ("body", "title", "tags", "kind", "guided", "prompt", "compassion", "null"):
        html = alice.client.post(URL, follow=True, data={"q": word}).content.decode()
        assert "Nothing found" in html, word


def test_it_filters_by_tag(alice: Person, write: Write) -> None:
    write(alice, title="Sunday lunch", tags=["family"])
    write(alice, title="Quarterly review", tags=["work"])
    html = alice.client.post(URL, follow=True, data={"tag": "Family"}).content.decode()
    assert "1 entry found" in html
    assert "Sunday lunch" in html and "Quarterly review" not in html


def test_an_empty_search_gets_a_clear_message(alice: Person) -> None:
    response = alice.client.post(URL, {"q": "   ", "tag": ""})
    assert response.status_code == 200
    assert "Type a word to look for" in response.content.decode()


def test_it_never_shows_someone_elses_entries(alice: Person, charlie: Person, write: Write) -> None:
    write(alice, title="Alice's heron")
    html = charlie.client.post(URL, follow=True, data={"q": "heron"}).content.decode()
    assert "Nothing found" in html
    assert "Alice" not in html


def test_the_post_redirects_with_303_and_the_words_stay_out_of_the_url(alice: Person) -> None:
    response = alice.client.post(URL, {"q": "secretword"})
    assert response.status_code == 303
    location = response["Location"]
    assert re.fullmatch(r"/journal/search/[0-9a-f]{32}/", location)
    page = alice.client.get(location)
    assert page.status_code == 200
    # Shown back in the box, never in a link.
    html = page.content.decode()
    assert 'value="secretword"' in html
    assert "?q=" not in html and "secretword" not in location
