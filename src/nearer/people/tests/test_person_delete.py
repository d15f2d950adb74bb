from __future__ import annotations

from datetime import date

import pytest
from django.http import Http404

from nearer.conftest import Person
from nearer.people import services
from nearer.people.models import ClosenessRating, ImportantDate
from nearer.people.models import Person as PersonRow
from nearer.people.rules import DateDraft
from nearer.people.selectors import people_index
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_deletes_the_person_their_dates_and_ratings(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(alice, dates=[DateDraft("birthday", 1, 2)])
    services.closeness_rate(
        user=alice.user, vault=alice.vault, person_id=row.id, value=3, rated_on=date(2026, 1, 1)
    )
    services.person_delete(user=alice.user, vault=alice.vault, person_id=row.id)
    assert not PersonRow.objects.exists()
    assert not ImportantDate.objects.exists()
    assert not ClosenessRating.objects.exists()
    assert people_index(user=alice.user, vault=alice.vault) == {}


def test_it_is_404_for_a_stranger(alice: Person, charlie: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    with pytest.raises(Http404):
        services.person_delete(user=charlie.user, vault=charlie.vault, person_id=row.id)
    assert PersonRow.objects.filter(id=row.id).exists()
    assert str(row.id) in people_index(user=alice.user, vault=alice.vault)
