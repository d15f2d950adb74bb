from __future__ import annotations

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.opening.models import Share
from nearer.opening.tests.conftest import AddPerson, AddShare, opened
from nearer.people.models import ClosenessRating

pytestmark = pytest.mark.django_db


def test_it_saves_how_it_went(alice: Person, add_person: AddPerson, add_share: AddShare) -> None:
    share = add_share(alice, [add_person(alice)], shared_on=timezone.localdate())
    html = alice.client.get(f"/opening-up/{share.id}/reflect/").content.decode()
    for legend in ("How was it received?", "How close do I feel to them now?"):
        assert f"<legend>{legend}</legend>" in html
    assert 'class="ios-options"' in html and "up to 5,000 characters" in html
    response = alice.client.post(
        f"/opening-up/{share.id}/reflect/",
        {
            "reception": ["understood"],
            "reception_note": "it went well",
            "anxiety_after": "1",
            "closeness_after": "6",
            "reciprocated": "yes",
        },
    )
    assert response.status_code == 302
    stored, content = opened(alice, share.id)
    assert stored.state == Share.State.REFLECTED
    assert (content.reception, content.anxiety_after, content.closeness_after) == (
        ("understood",),
        1,
        6,
    )
    assert ClosenessRating.objects.filter(owner=alice.user).count() == 1


def test_tampered_choices_are_a_clear_message(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)], shared_on=timezone.localdate())
    response = alice.client.post(
        f"/opening-up/{share.id}/reflect/",
        {"reception": ["adoring"], "closeness_after": "9", "reciprocated": "perhaps"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    for message in (
        "Choose from the list how it was received.",
        "Please choose one of the seven pictures.",
        "Choose yes or not this time.",
    ):
        assert message in html
    assert opened(alice, share.id)[0].state == Share.State.SHARED


def test_a_share_still_preparing_goes_back_to_its_page(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)])
    response = alice.client.post(f"/opening-up/{share.id}/reflect/", {"anxiety_after": "2"})
    assert response.status_code == 302 and response["Location"] == f"/opening-up/{share.id}/"
    assert opened(alice, share.id)[1].anxiety_after is None


def test_a_share_of_someone_else_is_a_404(
    alice: Person, charlie: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    theirs = add_share(charlie, [add_person(charlie)], shared_on=timezone.localdate())
    assert alice.client.post(f"/opening-up/{theirs.id}/reflect/", {}).status_code == 404
