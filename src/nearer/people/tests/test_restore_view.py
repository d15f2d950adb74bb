from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.people import services
from nearer.people.models import Person as PersonRow
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_restores_on_post(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice, name="Old friend")
    services.person_archive(user=alice.user, vault=alice.vault, person_id=row.id)
    url = reverse("people:restore", kwargs={"person_id": row.id})
    assert alice.client.get(url).status_code == 405
    assert alice.client.post(url).status_code == 302
    assert PersonRow.objects.get(id=row.id).archived_at is None
    assert b"Old friend" in alice.client.get(reverse("people:index")).content
