from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from nearer.conftest import Person
from nearer.people import services
from nearer.people.models import ImportantDate
from nearer.people.rules import DateDraft
from nearer.people.selectors import person_dates
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_changes_the_day_and_the_kind(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice, dates=[DateDraft("birthday", 1, 1)])
    date_row = ImportantDate.objects.get()
    services.date_update(
        user=alice.user,
        vault=alice.vault,
        date_id=date_row.id,
        draft=DateDraft("birthday", 3, 9, 1980),
    )
    (view,) = person_dates(
        user=alice.user, vault=alice.vault, person_id=row.id, today=date(2026, 3, 1)
    )
    assert (view.kind, view.month, view.day, view.years) == ("birthday", 3, 9, 46)


def test_it_changes_nothing_on_a_bad_day(alice: Person, add_person: AddPerson) -> None:
    add_person(alice, dates=[DateDraft("birthday", 1, 1)])
    date_row = ImportantDate.objects.get()
    with pytest.raises(ValidationError):
        services.date_update(
            user=alice.user,
            vault=alice.vault,
            date_id=date_row.id,
            draft=DateDraft("birthday", 4, 31),
        )
    assert (ImportantDate.objects.get().month, ImportantDate.objects.get().day) == (1, 1)


def test_it_is_404_for_a_stranger(alice: Person, charlie: Person, add_person: AddPerson) -> None:
    add_person(alice, dates=[DateDraft("birthday", 1, 1)])
    date_row = ImportantDate.objects.get()
    with pytest.raises(Http404):
        services.date_update(
            user=charlie.user,
            vault=charlie.vault,
            date_id=date_row.id,
            draft=DateDraft("birthday", 2, 2),
        )
    assert ImportantDate.objects.get().month == 1
