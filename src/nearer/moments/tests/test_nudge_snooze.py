from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.services import nudge_snooze
from nearer.moments.tests.conftest import AddPerson
from nearer.people.models import Person as PersonRow

pytestmark = pytest.mark.django_db


def test_it_sets_only_the_snooze_day(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice, rhythm_days=7)
    before = PersonRow.objects.values().get(id=ana.id)
    until = timezone.localdate() + timedelta(days=7)
    nudge_snooze(user=alice.user, person_id=ana.id, until=until)
    after = PersonRow.objects.values().get(id=ana.id)
    assert after["snoozed_until"] == until
    assert {k: v for k, v in after.items() if k != "snoozed_until"} == {
        k: v for k, v in before.items() if k != "snoozed_until"
    }


def test_someone_elses_person_is_a_404(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    ana = add_person(alice)
    with pytest.raises(Http404):
        nudge_snooze(
            user=charlie.user, person_id=ana.id, until=timezone.localdate() + timedelta(days=7)
        )
    assert PersonRow.objects.get(id=ana.id).snoozed_until is None


@pytest.mark.parametrize("days", [-30, 400])
def test_it_refuses_a_day_outside_the_next_year(
    alice: Person, add_person: AddPerson, days: int
) -> None:
    ana = add_person(alice)
    with pytest.raises(ValidationError):
        nudge_snooze(
            user=alice.user, person_id=ana.id, until=timezone.localdate() + timedelta(days=days)
        )
    assert PersonRow.objects.get(id=ana.id).snoozed_until is None
