from __future__ import annotations

import pytest

from nearer.conftest import Person
from nearer.opening.models import Share
from nearer.opening.tests.conftest import AddPerson, AddShare

pytestmark = pytest.mark.django_db


def test_it_asks_then_deletes(alice: Person, add_person: AddPerson, add_share: AddShare) -> None:
    share = add_share(alice, [add_person(alice)], text="Deleteword words")
    html = alice.client.get(f"/opening-up/{share.id}/delete/").content.decode()
    assert "Delete this share?" in html and "Deleteword" in html
    assert Share.objects.exists()
    response = alice.client.post(f"/opening-up/{share.id}/delete/")
    assert response.status_code == 302 and response["Location"] == "/opening-up/"
    assert not Share.objects.exists()


def test_a_share_of_someone_else_is_a_404_and_stays(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    theirs = add_share(charlie, [add_person(charlie)])
    assert alice.client.get(f"/opening-up/{theirs.id}/delete/").status_code == 404
    assert alice.client.post(f"/opening-up/{theirs.id}/delete/").status_code == 404
    assert Share.objects.filter(id=theirs.id).exists()
