"""Names come in the order the people list uses: accents don't send "Émile" past "Zoe"."""

from __future__ import annotations

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.nudges import drifting_now, nudges_today
from nearer.moments.selectors import people_choices
from nearer.moments.tests.conftest import AddMoment, AddPerson, days_ago
from nearer.people.selectors import people_index, people_list

pytestmark = pytest.mark.django_db

NAMES = ["Dana", "Émile", "Zoe"]


@pytest.fixture
def three(alice: Person, add_person: AddPerson, add_moment: AddMoment) -> Person:
    for name in ("Zoe", "Émile", "Dana"):
        person = add_person(alice, name=name, rhythm_days=7)
        add_moment(alice, [person], occurred_on=days_ago(10))
    return alice


def test_every_list_of_names_sorts_alike(three: Person) -> None:
    people = people_index(user=three.user, vault=three.vault)
    assert [p.name for p in people_list(user=three.user, vault=three.vault)] == NAMES
    assert [name for _id, name in people_choices(people)] == NAMES
    today = timezone.localdate()
    found, _ = nudges_today(user=three.user, people=people, today=today, limit=10)
    assert [n.name for n in found] == NAMES
    rows = [
        r.name for g in drifting_now(user=three.user, people=people, today=today) for r in g.rows
    ]
    assert rows == NAMES
