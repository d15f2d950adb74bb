from __future__ import annotations

import pytest

from nearer.conftest import Person
from nearer.opening.tests.conftest import AddPerson, AddShare, opened

pytestmark = pytest.mark.django_db


def test_it_shows_the_share_and_saves_changes(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana = add_person(alice)
    share = add_share(alice, [ana], text="Firstdraftword words", hope="Hopeword")
    html = alice.client.get(f"/opening-up/{share.id}/edit/").content.decode()
    assert "Firstdraftword words" in html and "Hopeword" in html
    assert f'data-draft-key="opening:edit:{share.id}"' in html
    response = alice.client.post(
        f"/opening-up/{share.id}/edit/", {"text": "Seconddraftword", "people": [str(ana.id)]}
    )
    assert response.status_code == 302
    content = opened(alice, share.id)[1]
    assert (content.text, content.hope) == ("Seconddraftword", "")


def test_a_share_of_someone_else_is_a_404(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    theirs = add_share(charlie, [add_person(charlie)], text="Theirword")
    assert alice.client.get(f"/opening-up/{theirs.id}/edit/").status_code == 404
    response = alice.client.post(
        f"/opening-up/{theirs.id}/edit/", {"text": "x", "people": [str(add_person(alice).id)]}
    )
    assert response.status_code == 404
    assert opened(charlie, theirs.id)[1].text == "Theirword"
