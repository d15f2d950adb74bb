from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.tests.conftest import AddMoment, AddPerson, days_ago
from nearer.people.models import Person as PersonRow

pytestmark = pytest.mark.django_db


def test_snoozing_quiets_the_nudge_on_today(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana", rhythm_days=7)
    add_moment(alice, [ana], occurred_on=days_ago(8))
    assert f"/moments/snooze/{ana.id}/" in alice.client.get("/").content.decode()
    response = alice.client.post(f"/moments/snooze/{ana.id}/", {"days": "7", "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert PersonRow.objects.get(id=ana.id).snoozed_until == timezone.localdate() + timedelta(7)
    assert f"/moments/snooze/{ana.id}/" not in alice.client.get("/").content.decode()


def test_odd_days_fall_back_to_a_week(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice, name="Ana", rhythm_days=7)
    response = alice.client.post(f"/moments/snooze/{ana.id}/", {"days": "100000"})
    assert response.status_code == 302
    assert PersonRow.objects.get(id=ana.id).snoozed_until == timezone.localdate() + timedelta(7)


def test_snooze_is_post_only(alice: Person, add_person: AddPerson) -> None:
    ana = add_person(alice, name="Ana", rhythm_days=7)
    assert alice.client.get(f"/moments/snooze/{ana.id}/").status_code == 405


def test_a_stranger_gets_404(alice: Person, charlie: Person, add_person: AddPerson) -> None:
    ana = add_person(alice, name="Ana", rhythm_days=7)
    assert charlie.client.post(f"/moments/snooze/{ana.id}/", {"days": "7"}).status_code == 404
    assert PersonRow.objects.get(id=ana.id).snoozed_until is None
