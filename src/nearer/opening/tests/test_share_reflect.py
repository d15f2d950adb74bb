from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.content import content_open as moment_open
from nearer.moments.models import Moment
from nearer.opening.models import Share
from nearer.opening.services import share_reflect
from nearer.opening.tests.conftest import AddPerson, AddShare, opened
from nearer.people.models import ClosenessRating
from nearer.people.selectors import closeness_history

pytestmark = pytest.mark.django_db


def _reflect(owner: Person, share: Share, **fields: Any) -> Share:
    values: dict[str, Any] = {
        "reception": (),
        "reception_note": "",
        "anxiety_after": None,
        "closeness_after": None,
        "reciprocated": "",
        "today": timezone.localdate(),
    }
    values.update(fields)
    return share_reflect(user=owner.user, vault=owner.vault, share_id=share.id, **values)


def _opened_up(owner: Person, share: Share) -> str:
    moment_id = opened(owner, share.id)[0].moment_id
    assert moment_id is not None
    moment = Moment.objects.get(owner=owner.user, id=moment_id)
    return moment_open(owner.vault, moment.id, moment.content).opened_up


def test_it_keeps_how_it_went(alice: Person, add_person: AddPerson, add_share: AddShare) -> None:
    share = add_share(alice, [add_person(alice)], shared_on=timezone.localdate())
    _reflect(
        alice,
        share,
        reception=["kind", "listened"],
        reception_note="she hugged me",
        anxiety_after=2,
        reciprocated="no",
    )
    stored, content = opened(alice, share.id)
    assert stored.state == Share.State.REFLECTED
    # Kept in the list's order, whatever order they were sent in.
    assert content.reception == ("listened", "kind")
    assert (content.reception_note, content.anxiety_after, content.reciprocated) == (
        "she hugged me",
        2,
        "no",
    )
    assert _opened_up(alice, share) == "me"


def test_when_they_opened_up_too_the_moment_says_both(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)], shared_on=timezone.localdate())
    _reflect(alice, share, reciprocated="yes")
    assert _opened_up(alice, share) == "both"
    _reflect(alice, share, reciprocated="no")
    assert _opened_up(alice, share) == "me"


def test_closeness_is_rated_for_each_person(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana, ben = add_person(alice, name="Ana"), add_person(alice, name="Ben")
    share = add_share(alice, [ana, ben], shared_on=timezone.localdate())
    _reflect(alice, share, closeness_after=6)
    assert opened(alice, share.id)[1].closeness_after == 6
    for person in (ana, ben):
        history = closeness_history(user=alice.user, vault=alice.vault, person_id=person.id)
        assert history == [(timezone.localdate(), 6)]


def test_a_share_still_preparing_cannot_be_reflected_on(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)])
    with pytest.raises(ValidationError):
        _reflect(alice, share, anxiety_after=1, closeness_after=5)
    assert opened(alice, share.id)[0].state == Share.State.PREPARING
    assert not ClosenessRating.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"reception": ["glowing"]}, "reception"),
        ({"reception_note": "x" * 5001}, "reception_note"),
        ({"anxiety_after": 11}, "anxiety_after"),
        ({"closeness_after": 8}, "closeness_after"),
        ({"reciprocated": "maybe"}, "reciprocated"),
    ],
)
def test_bad_values_change_nothing(
    alice: Person,
    add_person: AddPerson,
    add_share: AddShare,
    fields: dict[str, Any],
    field: str,
) -> None:
    share = add_share(alice, [add_person(alice)], shared_on=timezone.localdate())
    with pytest.raises(ValidationError) as caught:
        _reflect(alice, share, **fields)
    assert field in caught.value.message_dict
    assert opened(alice, share.id)[0].state == Share.State.SHARED


def test_a_moment_deleted_from_moments_is_not_brought_back(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    share = add_share(alice, [add_person(alice)], shared_on=timezone.localdate())
    Moment.objects.filter(owner=alice.user).delete()
    _reflect(alice, share, reciprocated="yes", anxiety_after=1)
    assert not Moment.objects.exists()
    assert opened(alice, share.id)[1].anxiety_after == 1
