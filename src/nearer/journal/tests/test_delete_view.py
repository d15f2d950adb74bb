"""/journal/<id>/delete/: GET asks, POST deletes; someone else's id is a 404."""

from __future__ import annotations

from datetime import date

from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.journal.tests.conftest import Write


def test_get_asks_for_confirmation_and_deletes_nothing(alice: Person, write: Write) -> None:
    entry = write(alice, title="To go")
    response = alice.client.get(f"/journal/{entry.id}/delete/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Delete this entry?" in html
    assert "To go" in html
    assert Entry.objects.filter(id=entry.id).exists()


def test_post_deletes_and_returns_to_the_month(alice: Person, write: Write) -> None:
    entry = write(alice, entry_date=date(2025, 3, 9))
    response = alice.client.post(f"/journal/{entry.id}/delete/")
    assert response.status_code == 302
    assert response["Location"] == "/journal/2025/3/"
    assert not Entry.objects.filter(id=entry.id).exists()
    page = alice.client.get(response["Location"]).content.decode()
    assert "The entry is deleted." in page
    assert f'data-draft-saved="journal:edit:{entry.id}"' in page


def test_it_is_a_404_for_someone_else_and_deletes_nothing(
    alice: Person, charlie: Person, write: Write
) -> None:
    entry = write(alice)
    assert charlie.client.get(f"/journal/{entry.id}/delete/").status_code == 404
    assert charlie.client.post(f"/journal/{entry.id}/delete/").status_code == 404
    assert Entry.objects.filter(id=entry.id).exists()


def test_a_post_without_csrf_token_is_refused(alice: Person, write: Write) -> None:
    from django.test import Client

    entry = write(alice)
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = alice.client.cookies
    assert strict.post(f"/journal/{entry.id}/delete/").status_code == 403
    assert Entry.objects.filter(id=entry.id).exists()
