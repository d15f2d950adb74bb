from __future__ import annotations

import uuid
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from nearer.conftest import Person
from nearer.people import services
from nearer.people.content import PersonDetails
from nearer.people.models import Person as PersonRow
from nearer.people.rules import DateDraft
from nearer.people.selectors import people_index, person_dates, person_get
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_replaces_the_details_and_the_index(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    services.person_update(
        user=alice.user,
        vault=alice.vault,
        person_id=row.id,
        details=PersonDetails(name="Maya L.", called="May", circle="wider", rhythm_days=30),
    )
    assert person_get(user=alice.user, vault=alice.vault, person_id=row.id).details.called == "May"
    summary = people_index(user=alice.user, vault=alice.vault)[str(row.id)]
    assert (summary.display_name, summary.circle, summary.rhythm_days) == ("May", "wider", 30)


def test_it_adds_dates_from_a_merge(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    services.person_update(
        user=alice.user,
        vault=alice.vault,
        person_id=row.id,
        details=PersonDetails(name="Maya"),
        add_dates=[DateDraft("birthday", 3, 4)],
    )
    dates = person_dates(
        user=alice.user, vault=alice.vault, person_id=row.id, today=date(2026, 1, 1)
    )
    assert [d.kind for d in dates] == ["birthday"]


def test_it_refuses_a_second_birthday(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice, dates=[DateDraft("birthday", 3, 4)])
    with pytest.raises(ValidationError):
        services.person_update(
            user=alice.user,
            vault=alice.vault,
            person_id=row.id,
            details=PersonDetails(name="Changed"),
            add_dates=[DateDraft("birthday", 5, 4)],
        )
    after = person_get(user=alice.user, vault=alice.vault, person_id=row.id)
    assert after.details.name != "Changed"


def test_it_changes_nothing_on_bad_values(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    before = bytes(PersonRow.objects.get(id=row.id).content)
    with pytest.raises(ValidationError):
        services.person_update(
            user=alice.user,
            vault=alice.vault,
            person_id=row.id,
            details=PersonDetails(name="x" * 500),
        )
    assert bytes(PersonRow.objects.get(id=row.id).content) == before


def test_it_is_404_for_someone_elses_person(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    for person_id in (row.id, uuid.uuid4()):
        with pytest.raises(Http404):
            services.person_update(
                user=charlie.user,
                vault=charlie.vault,
                person_id=person_id,
                details=PersonDetails(name="Mine now"),
            )
    assert person_get(user=alice.user, vault=alice.vault, person_id=row.id).details.name == (
        "Maya Lindqvist"
    )


def test_it_ends_a_snooze_when_the_rhythm_changes(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    PersonRow.objects.filter(pk=row.pk).update(snoozed_until=date(2099, 1, 1))
    details = person_get(user=alice.user, vault=alice.vault, person_id=row.id).details
    services.person_update(
        user=alice.user,
        vault=alice.vault,
        person_id=row.id,
        details=PersonDetails(
            name=details.name,
            notes="same rhythm, new notes",
            rhythm_days=details.rhythm_days,
            too_long_days=details.too_long_days,
        ),
    )
    assert PersonRow.objects.get(pk=row.pk).snoozed_until == date(2099, 1, 1)
    services.person_update(
        user=alice.user,
        vault=alice.vault,
        person_id=row.id,
        details=PersonDetails(name=details.name, rhythm_days=3, too_long_days=9),
    )
    assert PersonRow.objects.get(pk=row.pk).snoozed_until is None


def test_it_keeps_values_out_of_reprs(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    view = person_get(user=alice.user, vault=alice.vault, person_id=row.id)
    summary = people_index(user=alice.user, vault=alice.vault)[str(row.id)]
    for value in (view, view.details, summary, DateDraft("custom", 1, 2, label="Name day")):
        assert view.details.name not in repr(value)
        assert "Name day" not in repr(value)
