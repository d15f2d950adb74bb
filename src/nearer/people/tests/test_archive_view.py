from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.people.models import Person as PersonRow
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_archives_on_post_only(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    url = reverse("people:archive", kwargs={"person_id": row.id})
    assert alice.client.get(url).status_code == 405
    response = alice.client.post(url)
    assert response["Location"] == reverse("people:person", kwargs={"person_id": row.id})
    assert PersonRow.objects.get(id=row.id).archived_at is not None


def test_an_unreadable_person_is_not_archived_and_says_why(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    PersonRow.objects.filter(id=row.id).update(content=b"tampered")
    url = reverse("people:archive", kwargs={"person_id": row.id})
    response = alice.client.post(url, follow=True)
    assert response.status_code == 200 and b"could not be opened" in response.content
    assert PersonRow.objects.get(id=row.id).archived_at is None
