from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from nearer.conftest import Person
from nearer.moments.content import content_open
from nearer.moments.models import Moment, MomentPerson
from nearer.moments.services import moment_update
from nearer.moments.tests.conftest import AddMoment, AddPerson, clock_of, days_ago

pytestmark = pytest.mark.django_db


def test_it_replaces_the_content_day_and_people(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana, ben = add_person(alice), add_person(alice, name="Ben")
    add_moment(alice, [ana], occurred_on=days_ago(20))
    moment = add_moment(alice, [ana], occurred_on=days_ago(2), note="first")
    moment_update(
        user=alice.user,
        vault=alice.vault,
        moment_id=moment.id,
        occurred_on=days_ago(5),
        person_ids=[ben.id],
        how="letter",
        note="second",
    )
    stored = Moment.objects.get(id=moment.id)
    assert stored.occurred_on == days_ago(5)
    assert content_open(alice.vault, stored.id, stored.content).note == "second"
    links = MomentPerson.objects.filter(moment=stored).values_list("person_id", "occurred_on")
    assert list(links) == [(ben.id, days_ago(5))]
    # Ana's clock moves back to her remaining moment; Ben's starts.
    assert clock_of(ana) == days_ago(20)
    assert clock_of(ben) == days_ago(5)


def test_moving_the_day_moves_the_clock(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice)
    moment = add_moment(alice, [ana], occurred_on=days_ago(9))
    moment_update(
        user=alice.user,
        vault=alice.vault,
        moment_id=moment.id,
        occurred_on=days_ago(1),
        person_ids=[ana.id],
        how="call",
    )
    assert clock_of(ana) == days_ago(1)


def test_someone_elses_moment_is_a_404_and_unchanged(
    alice: Person, charlie: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice)
    moment = add_moment(alice, [ana], occurred_on=days_ago(3))
    theirs = add_person(charlie, name="Their friend")
    with pytest.raises(Http404):
        moment_update(
            user=charlie.user,
            vault=charlie.vault,
            moment_id=moment.id,
            occurred_on=days_ago(1),
            person_ids=[theirs.id],
            how="call",
        )
    assert Moment.objects.get(id=moment.id).occurred_on == days_ago(3)


def test_bad_values_change_nothing(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice)
    moment = add_moment(alice, [ana], occurred_on=days_ago(3), note="kept")
    with pytest.raises(ValidationError):
        moment_update(
            user=alice.user,
            vault=alice.vault,
            moment_id=moment.id,
            occurred_on=days_ago(1),
            person_ids=[ana.id],
            how="call",
            closeness=9,
        )
    stored = Moment.objects.get(id=moment.id)
    assert stored.occurred_on == days_ago(3)
    assert content_open(alice.vault, stored.id, stored.content).note == "kept"
    assert clock_of(ana) == days_ago(3)
