"""person_get gives the row's clear values exactly as the ORM reads them."""

from __future__ import annotations

from datetime import date

import pytest
from django.http import Http404

from nearer.conftest import Person
from nearer.people.models import Person as PersonRow
from nearer.people.selectors import person_get
from nearer.people.services import person_archive
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_gives_the_same_dates_and_timestamps_as_the_orm(
    alice: Person, bob: Person, add_person: AddPerson
) -> None:
    ana = add_person(alice, name="Ana")
    PersonRow.objects.filter(id=ana.id).update(
        last_moment_on=date(2026, 5, 14), snoozed_until=date(2026, 6, 1)
    )
    person_archive(user=alice.user, vault=alice.vault, person_id=ana.id)
    row = PersonRow.objects.get(id=ana.id)
    view = person_get(user=alice.user, vault=alice.vault, person_id=ana.id)
    assert view.id == row.id
    assert (view.archived_at, view.created_at) == (row.archived_at, row.created_at)
    assert (view.last_moment_on, view.snoozed_until) == (date(2026, 5, 14), date(2026, 6, 1))
    assert view.archived and view.readable and view.display_name == "Ana"
    with pytest.raises(Http404):
        person_get(user=bob.user, vault=bob.vault, person_id=ana.id)
