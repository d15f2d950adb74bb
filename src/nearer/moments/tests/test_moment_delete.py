from __future__ import annotations

import pytest
from django.http import Http404

from nearer.conftest import Person
from nearer.moments.models import Moment, MomentPerson
from nearer.moments.services import moment_delete
from nearer.moments.tests.conftest import AddMoment, AddPerson, clock_of, days_ago

pytestmark = pytest.mark.django_db


def test_deleting_the_latest_moment_moves_the_clock_back(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice)
    add_moment(alice, [ana], occurred_on=days_ago(15))
    latest = add_moment(alice, [ana], occurred_on=days_ago(1))
    moment_delete(user=alice.user, vault=alice.vault, moment_id=latest.id)
    assert clock_of(ana) == days_ago(15)
    assert not Moment.objects.filter(id=latest.id).exists()
    assert not MomentPerson.objects.filter(moment_id=latest.id).exists()


def test_deleting_the_only_moment_leaves_no_clock(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice)
    only = add_moment(alice, [ana], occurred_on=days_ago(4))
    moment_delete(user=alice.user, vault=alice.vault, moment_id=only.id)
    assert clock_of(ana) is None


def test_someone_elses_moment_is_a_404_and_kept(
    alice: Person, charlie: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice)
    moment = add_moment(alice, [ana])
    with pytest.raises(Http404):
        moment_delete(user=charlie.user, vault=charlie.vault, moment_id=moment.id)
    assert Moment.objects.filter(id=moment.id).exists()
    assert clock_of(ana) is not None
