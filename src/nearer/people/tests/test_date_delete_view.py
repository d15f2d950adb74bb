from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.people.models import ImportantDate
from nearer.people.rules import DateDraft
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_removes_a_date_on_post(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice, dates=[DateDraft("birthday", 1, 1)])
    url = reverse("people:date_delete", kwargs={"date_id": ImportantDate.objects.get().id})
    assert alice.client.get(url).status_code == 405
    response = alice.client.post(url)
    assert response["Location"] == reverse("people:edit", kwargs={"person_id": row.id})
    assert not ImportantDate.objects.exists()
