from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from nearer.conftest import Person
from nearer.people import services
from nearer.people.content import PersonDetails
from nearer.people.index import INDEX
from nearer.people.models import ImportantDate
from nearer.people.models import Person as PersonRow
from nearer.people.rules import DateDraft
from nearer.people.selectors import people_index
from nearer.vault.models import DerivedValue
from nearer.vault.tests.derived_helpers import stored

pytestmark = pytest.mark.django_db


def test_it_creates_many_at_once_with_one_index(alice: Person) -> None:
    people = [
        (PersonDetails(name=f"Contact {n}"), [DateDraft("birthday", 1 + n % 12, 1)])
        for n in range(40)
    ]
    rows = services.people_create_many(user=alice.user, vault=alice.vault, people=people)
    assert len(rows) == 40
    index = people_index(user=alice.user, vault=alice.vault)
    assert [index[str(r.id)].name for r in rows] == [f"Contact {n}" for n in range(40)]
    assert ImportantDate.objects.filter(owner=alice.user).count() == 40


def test_many_at_once_is_all_or_nothing(alice: Person) -> None:
    people: list[tuple[PersonDetails, list[DateDraft]]] = [
        (PersonDetails(name="Fine"), []),
        (PersonDetails(name=""), []),
    ]
    with pytest.raises(ValidationError) as caught:
        services.people_create_many(user=alice.user, vault=alice.vault, people=people)
    assert "Person 2" in caught.value.messages[0]
    assert not PersonRow.objects.exists()


def test_it_adds_to_people_already_there(alice: Person) -> None:
    services.person_create(user=alice.user, vault=alice.vault, details=PersonDetails(name="Old"))
    services.people_create_many(
        user=alice.user, vault=alice.vault, people=[(PersonDetails(name="New"), [])]
    )
    names = {s.name for s in people_index(user=alice.user, vault=alice.vault).values()}
    assert names == {"Old", "New"}
    kept = stored(alice, INDEX)
    assert kept is not None and {row[0] for row in kept.values()} == {"Old", "New"}
    assert DerivedValue.objects.filter(owner=alice.user, kind=INDEX.name).count() == 1
