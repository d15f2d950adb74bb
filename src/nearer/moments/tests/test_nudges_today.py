"""Today's one-pass nudges agree with the general ones (clocks, then ranking)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.nudges import clocks_for, drifting, drifting_now, nudges_today, nudges_top
from nearer.moments.services import nudge_snooze
from nearer.moments.tests.conftest import AddMoment, AddPerson, days_ago
from nearer.people.selectors import people_index, people_rows
from nearer.people.services import person_archive


def _fields(found: list) -> list[tuple]:  # type: ignore[type-arg]
    return [(n.person_id, n.name, n.circle, n.status, n.days_since, n.met, n.rhythm_days)
            for n in found]


@pytest.mark.django_db
def test_it_gives_what_the_clocks_and_ranking_give(
    alice: Person, bob: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana", rhythm_days=7, too_long_days=14, circle="inner")
    ben = add_person(alice, name="Ben", called="Benny", rhythm_days=7)
    cleo = add_person(alice, name="Cleo", rhythm_days=3, circle="wider")
    dan = add_person(alice, name="Dan", rhythm_days=30)
    add_person(alice, name="Eve")  # no rhythm: never nudged
    gone = add_person(alice, name="Gone", rhythm_days=1)
    quiet = add_person(alice, name="Quiet", rhythm_days=7)
    add_person(alice, name="Never met", rhythm_days=10)
    add_person(bob, name="Bob's friend", rhythm_days=1)
    add_moment(alice, [ana], occurred_on=days_ago(20))
    add_moment(alice, [ben, cleo], occurred_on=days_ago(7))
    add_moment(alice, [dan], occurred_on=days_ago(29))
    add_moment(alice, [quiet], occurred_on=days_ago(40))
    person_archive(user=alice.user, vault=alice.vault, person_id=gone.id)
    nudge_snooze(user=alice.user, person_id=quiet.id,
                 until=timezone.localdate() + timedelta(days=3))
    people = people_index(user=alice.user, vault=alice.vault)
    clocks = clocks_for(user=alice.user)
    for days_later in (0, 3, 4, 12, 40):
        today = timezone.localdate() + timedelta(days=days_later)
        for limit in (0, 2, 5, 50):
            expected, total = nudges_top(people=people, clocks=clocks, today=today, limit=limit)
            for given in (people, people_rows(user=alice.user, vault=alice.vault)):
                found, count = nudges_today(user=alice.user, people=given, today=today,
                                            limit=limit)
                assert (_fields(found), count) == (_fields(expected), total)
    assert nudges_today(user=alice.user, people=people, today=timezone.localdate(),
                        limit=5)[1] > 0
    for days_later in (0, 3, 40):
        today = timezone.localdate() + timedelta(days=days_later)
        expected_groups = drifting(people=people, clocks=clocks, today=today)
        for given in (people, people_rows(user=alice.user, vault=alice.vault)):
            assert drifting_now(user=alice.user, people=given, today=today) == expected_groups


@pytest.mark.django_db
def test_people_rows_hold_the_same_people_as_the_index(
    alice: Person, add_person: AddPerson
) -> None:
    add_person(alice, name="Ana", rhythm_days=7)
    gone = add_person(alice, name="Gone")
    person_archive(user=alice.user, vault=alice.vault, person_id=gone.id)
    for archived in (False, True):
        expected = people_index(user=alice.user, vault=alice.vault, include_archived=archived)
        rows = people_rows(user=alice.user, vault=alice.vault, include_archived=archived)
        assert dict(rows) == expected
        assert "Ana" not in repr(rows)
