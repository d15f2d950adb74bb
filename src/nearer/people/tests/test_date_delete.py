from __future__ import annotations

import pytest
from django.http import Http404

from nearer.conftest import Person
from nearer.people import services
from nearer.people.models import ImportantDate
from nearer.people.rules import DateDraft
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_deletes_and_returns_the_person(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice, dates=[DateDraft("birthday", 1, 1)])
    assert services.date_delete(user=alice.user, date_id=ImportantDate.objects.get().id) == row.id
    assert not ImportantDate.objects.exists()


def test_it_is_404_for_a_stranger(alice: Person, charlie: Person, add_person: AddPerson) -> None:
    add_person(alice, dates=[DateDraft("birthday", 1, 1)])
    with pytest.raises(Http404):
        services.date_delete(user=charlie.user, date_id=ImportantDate.objects.get().id)
    assert ImportantDate.objects.exists()
