"""/journal/<id>/edit/: change an entry; someone else's id is a 404 and changes nothing."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from nearer.conftest import Person, Response
from nearer.journal.content import content_open
from nearer.journal.models import Entry
from nearer.journal.tests.conftest import Write


def _post(person: Person, entry: Entry, **fields: str) -> Response:
    data = {"entry_date": "2026-05-20", "title": "Changed", "body": "Changed words.", "tags": "x"}
    data.update(fields)
    return person.client.post(f"/journal/{entry.id}/edit/", data)


def test_it_shows_the_form_filled_in(alice: Person, write: Write) -> None:
    entry = write(alice, title="Walk", body="By the river.", tags=["walks", "river"])
    html = alice.client.get(f"/journal/{entry.id}/edit/").content.decode()
    assert f'data-draft-key="journal:edit:{entry.id}"' in html
    assert 'value="Walk"' in html
    assert "By the river." in html
    assert 'value="walks, river"' in html


def test_it_saves_changes_and_keeps_the_prompt(alice: Person, write: Write) -> None:
    entry = write(alice, prompt_key="acceptance.quirk")
    response = _post(alice, entry)
    assert response.status_code == 302
    assert response["Location"] == f"/journal/{entry.id}/"
    stored = Entry.objects.get(id=entry.id)
    content = content_open(alice.vault, entry.id, stored.content)
    assert (content.title, content.body, content.tags) == ("Changed", "Changed words.", ("x",))
    assert (content.kind, content.prompt) == ("guided", "acceptance.quirk")
    assert str(stored.entry_date) == "2026-05-20"
    page = alice.client.get(response["Location"]).content.decode()
    assert f'data-draft-saved="journal:edit:{entry.id}"' in page


def test_bad_input_keeps_the_words_and_changes_nothing(alice: Person, write: Write) -> None:
    entry = write(alice, body="Original")
    before = bytes(Entry.objects.get(id=entry.id).content)
    response = _post(alice, entry, body="z" * 100_001)
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert bytes(Entry.objects.get(id=entry.id).content) == before


def test_it_is_a_404_for_someone_else_and_changes_nothing(
    alice: Person, charlie: Person, write: Write
) -> None:
    entry = write(alice, body="Original")
    before = bytes(Entry.objects.get(id=entry.id).content)
    assert charlie.client.get(f"/journal/{entry.id}/edit/").status_code == 404
    assert _post(charlie, entry).status_code == 404
    assert bytes(Entry.objects.get(id=entry.id).content) == before


def test_a_damaged_entry_cannot_be_edited(alice: Person, write: Write) -> None:
    entry = write(alice)
    Entry.objects.filter(id=entry.id).update(content=b"\x01\x01" + b"\x00" * 40)
    response = alice.client.get(f"/journal/{entry.id}/edit/")
    assert response.status_code == 302
    assert _post(alice, entry).status_code == 302
    assert bytes(Entry.objects.get(id=entry.id).content) == b"\x01\x01" + b"\x00" * 40


def test_a_logged_out_post_goes_to_login_and_comes_back_here(alice: Person, write: Write) -> None:
    entry = write(alice)
    response = Client().post(f"/journal/{entry.id}/edit/", {"body": "late words"})
    assert response.status_code == 302
    assert response["Location"].startswith(f"/accounts/login/?next=/journal/{entry.id}/edit/")


def test_a_day_after_today_is_refused_and_changes_nothing(alice: Person, write: Write) -> None:
    entry = write(alice, title="Walk")
    later = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = _post(alice, entry, entry_date=later)
    assert response.status_code == 200
    assert "That day hasn&#x27;t come yet" in response.content.decode()
    stored = Entry.objects.get(id=entry.id)
    assert stored.entry_date == entry.entry_date
    assert content_open(alice.vault, entry.id, stored.content).title == "Walk"
