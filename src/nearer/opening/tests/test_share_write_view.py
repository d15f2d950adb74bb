from __future__ import annotations

import pytest

from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.opening.tests.conftest import AddPerson, AddShare, opened

pytestmark = pytest.mark.django_db


def test_write_about_it_opens_the_shares_entry_in_its_editor(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)])
    response = alice.client.post(f"/opening-up/{share.id}/write/")
    entry = Entry.objects.get(owner=alice.user)
    assert response.status_code == 302 and response["Location"] == f"/journal/{entry.id}/edit/"
    assert opened(alice, share.id)[0].entry_id == entry.id
    html = alice.client.get(f"/opening-up/{share.id}/").content.decode()
    assert f'href="/journal/{entry.id}/"' in html
    alice.client.post(f"/opening-up/{share.id}/write/")
    assert Entry.objects.count() == 1


def test_it_wants_a_post_and_the_owner(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    theirs = add_share(charlie, [add_person(charlie)])
    assert alice.client.post(f"/opening-up/{theirs.id}/write/").status_code == 404
    assert alice.client.get(f"/opening-up/{theirs.id}/write/").status_code == 405
    assert not Entry.objects.exists()
