from __future__ import annotations

import pytest

from nearer.conftest import Person
from nearer.moments.content import content_open
from nearer.moments.models import Moment
from nearer.moments.tests.conftest import AddMoment, AddPerson, clock_of, days_ago

pytestmark = pytest.mark.django_db


def test_the_edit_form_shows_the_moment(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana")
    moment = add_moment(alice, [ana], how="letter", note="A long letter", closeness=3)
    html = alice.client.get(f"/moments/{moment.id}/edit/").content.decode()
    assert "Edit moment" in html
    assert "A long letter" in html
    assert 'value="letter" id="id_how_4" required checked' in html or (
        'value="letter"' in html and "checked" in html
    )


def test_editing_saves_and_moves_the_clock(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana")
    moment = add_moment(alice, [ana], occurred_on=days_ago(1))
    response = alice.client.post(
        f"/moments/{moment.id}/edit/",
        {
            "people": [str(ana.id)],
            "how": "message",
            "occurred_on": days_ago(6).isoformat(),
            "note": "changed",
        },
    )
    assert response.status_code == 302
    stored = Moment.objects.get(id=moment.id)
    assert content_open(alice.vault, stored.id, stored.content).note == "changed"
    assert clock_of(ana) == days_ago(6)


def test_an_archived_person_stays_choosable_on_their_moment(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    from nearer.people.services import person_archive

    ana = add_person(alice, name="Ana")
    moment = add_moment(alice, [ana])
    person_archive(user=alice.user, vault=alice.vault, person_id=ana.id)
    html = alice.client.get(f"/moments/{moment.id}/edit/").content.decode()
    assert "Ana" in html


def test_delete_asks_first_then_deletes_and_moves_the_clock_back(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana")
    add_moment(alice, [ana], occurred_on=days_ago(10))
    latest = add_moment(alice, [ana], occurred_on=days_ago(1))
    page = alice.client.get(f"/moments/{latest.id}/delete/")
    assert page.status_code == 200
    assert "Delete this moment?" in page.content.decode()
    assert Moment.objects.filter(id=latest.id).exists()
    response = alice.client.post(f"/moments/{latest.id}/delete/")
    assert response.status_code == 302
    assert not Moment.objects.filter(id=latest.id).exists()
    assert clock_of(ana) == days_ago(10)


def test_an_unreadable_moment_is_shown_as_such_and_cannot_be_edited(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana")
    moment = add_moment(alice, [ana])
    Moment.objects.filter(id=moment.id).update(content=b"\x01" * 80)
    listing = alice.client.get("/moments/")
    assert listing.status_code == 200
    assert "This moment could not be opened." in listing.content.decode()
    response = alice.client.get(f"/moments/{moment.id}/edit/")
    assert response.status_code == 302
    # It can still be deleted.
    assert alice.client.post(f"/moments/{moment.id}/delete/").status_code == 302


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("action", ["edit", "delete"])
def test_a_stranger_gets_404(
    alice: Person,
    charlie: Person,
    add_person: AddPerson,
    add_moment: AddMoment,
    method: str,
    action: str,
) -> None:
    ana = add_person(alice, name="Ana")
    moment = add_moment(alice, [ana], note="private")
    response = getattr(charlie.client, method)(
        f"/moments/{moment.id}/{action}/", {"how": "call", "people": [str(ana.id)]}
    )
    assert response.status_code == 404
    assert Moment.objects.filter(id=moment.id).exists()
