from __future__ import annotations

import pytest

from nearer.conftest import Person
from nearer.opening.models import Share
from nearer.opening.tests.conftest import AddPerson, AddShare, opened

pytestmark = pytest.mark.django_db


def test_let_go_and_take_back_up(alice: Person, add_person: AddPerson, add_share: AddShare) -> None:
    share = add_share(alice, [add_person(alice)])
    assert (
        "up to 5,000 characters"
        in alice.client.get(f"/opening-up/{share.id}/let-go/").content.decode()
    )
    response = alice.client.post(f"/opening-up/{share.id}/let-go/", {"note": "Letgonoteword"})
    assert response.status_code == 302
    assert opened(alice, share.id)[0].state == Share.State.LET_GO
    html = alice.client.get(f"/opening-up/{share.id}/").content.decode()
    assert "Letgonoteword" in html and "Take it back up" in html
    assert alice.client.post(f"/opening-up/{share.id}/take-up/").status_code == 302
    assert opened(alice, share.id)[0].state == Share.State.PREPARING


def test_a_note_too_long_is_a_clear_message(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)])
    response = alice.client.post(f"/opening-up/{share.id}/let-go/", {"note": "x" * 5001})
    assert "please keep it to 5,000" in response.content.decode()
    assert opened(alice, share.id)[0].state == Share.State.PREPARING


def test_take_up_wants_a_post_and_the_owner(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    theirs = add_share(charlie, [add_person(charlie)])
    assert alice.client.post(f"/opening-up/{theirs.id}/let-go/", {}).status_code == 404
    assert alice.client.post(f"/opening-up/{theirs.id}/take-up/").status_code == 404
    mine = add_share(alice, [add_person(alice)])
    assert alice.client.get(f"/opening-up/{mine.id}/take-up/").status_code == 405
    assert opened(charlie, theirs.id)[0].state == Share.State.PREPARING
