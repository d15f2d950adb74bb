from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from nearer.conftest import Person
from nearer.people import services
from nearer.people.content import PersonDetails
from nearer.people.models import ImportantDate
from nearer.people.models import Person as PersonRow
from nearer.people.rules import DateDraft
from nearer.people.selectors import people_index, person_dates, person_get
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_seals_the_details_and_lists_the_person(alice: Person, add_person: AddPerson) -> None:
    row = add_person(
        alice, name="  Maya  Lindqvist ", called="May", rhythm_days=7, too_long_days=14
    )
    assert b"Maya" not in bytes(row.content)
    person = person_get(user=alice.user, vault=alice.vault, person_id=row.id)
    assert person.details.name == "Maya Lindqvist"
    assert person.details.rhythm_days == 7
    summary = people_index(user=alice.user, vault=alice.vault)[str(row.id)]
    assert summary.display_name == "May"
    assert summary.too_long_days == 14


def test_it_saves_the_important_dates_with_it(alice: Person, add_person: AddPerson) -> None:
    from datetime import date

    row = add_person(
        alice, dates=[DateDraft("birthday", 2, 29), DateDraft("custom", 6, 1, 2015, "Name day")]
    )
    dates = person_dates(
        user=alice.user, vault=alice.vault, person_id=row.id, today=date(2027, 1, 1)
    )
    assert {d.title for d in dates} == {"Birthday", "Name day"}


def test_it_refuses_bad_details_and_saves_nothing(alice: Person, add_person: AddPerson) -> None:
    with pytest.raises(ValidationError) as caught:
        add_person(alice, name=" ", rhythm_days=10, too_long_days=5, circle="nowhere")
    assert set(caught.value.message_dict) == {"name", "too_long_days", "circle"}
    assert not PersonRow.objects.exists()


def test_it_refuses_a_day_that_does_not_exist_and_saves_nothing(
    alice: Person, add_person: AddPerson
) -> None:
    with pytest.raises(ValidationError):
        add_person(alice, dates=[DateDraft("birthday", 2, 29, 2023)])
    with pytest.raises(ValidationError):
        add_person(alice, dates=[DateDraft("custom", 4, 31)])
    with pytest.raises(ValidationError):
        add_person(alice, dates=[DateDraft("custom", 4, 3)])  # a custom day needs a name
    with pytest.raises(ValidationError):
        add_person(alice, dates=[DateDraft("birthday", 4, 3), DateDraft("birthday", 5, 3)])
    assert not PersonRow.objects.exists()
    assert not ImportantDate.objects.exists()


def test_it_refuses_a_vault_of_someone_else(alice: Person, charlie: Person) -> None:
    with pytest.raises(ValueError):
        services.person_create(
            user=alice.user, vault=charlie.vault, details=PersonDetails(name="Maya")
        )
