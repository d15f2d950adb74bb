"""/journal/<id>/: one entry, for its owner only; a damaged one says so calmly."""

from __future__ import annotations

import uuid

from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.journal.tests.conftest import Write


def test_it_shows_the_entry(alice: Person, write: Write) -> None:
    entry = write(alice, title="Walk", body="Line one\n\nLine <b>two</b>", tags=["walks"])
    html = alice.client.get(f"/journal/{entry.id}/").content.decode()
    assert "<h1>Walk</h1>" in html
    assert "Line one" in html
    assert "Line &lt;b&gt;two&lt;/b&gt;" in html
    assert 'name="tag" value="walks"' in html  # tags filter by POST, never in a URL
    assert f"/journal/{entry.id}/edit/" in html
    assert f"/journal/{entry.id}/delete/" in html


def test_it_shows_the_prompt_of_a_guided_entry(alice: Person, write: Write) -> None:
    entry = write(alice, prompt_key="connection.three-good")
    html = alice.client.get(f"/journal/{entry.id}/").content.decode()
    assert "Write down three good things from today" in html


def test_it_is_a_404_for_someone_else(alice: Person, charlie: Person, write: Write) -> None:
    entry = write(alice, body="Private words")
    response = charlie.client.get(f"/journal/{entry.id}/")
    assert response.status_code == 404
    assert "Private words" not in response.content.decode()


def test_it_is_a_404_for_unknown_or_malformed_ids(alice: Person) -> None:
    assert alice.client.get(f"/journal/{uuid.uuid4()}/").status_code == 404
    assert alice.client.get("/journal/not-a-uuid/").status_code == 404


def test_an_entry_that_will_not_open_is_shown_as_such(alice: Person, write: Write) -> None:
    entry = write(alice, body="Soon damaged")
    damaged = bytearray(entry.content)
    damaged[20] ^= 0xFF
    Entry.objects.filter(id=entry.id).update(content=bytes(damaged))
    response = alice.client.get(f"/journal/{entry.id}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "This entry could not be opened" in html
    assert f"/journal/{entry.id}/edit/" not in html
    assert f"/journal/{entry.id}/delete/" in html


def test_a_sealed_value_moved_to_another_row_does_not_open(alice: Person, write: Write) -> None:
    one = write(alice, body="First")
    two = write(alice, body="Second")
    Entry.objects.filter(id=two.id).update(content=bytes(one.content))
    html = alice.client.get(f"/journal/{two.id}/").content.decode()
    assert "This entry could not be opened" in html
    assert "First" not in html
