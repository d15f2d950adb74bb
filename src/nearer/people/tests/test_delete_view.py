from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.people.models import Person as PersonRow
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_asks_first_then_deletes(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice, called="May")
    url = reverse("people:delete", kwargs={"person_id": row.id})
    page = alice.client.get(url)
    assert page.status_code == 200 and b"Delete May?" in page.content
    assert PersonRow.objects.exists()
    response = alice.client.post(url)
    assert response["Location"] == reverse("people:index")
    assert not PersonRow.objects.exists()
