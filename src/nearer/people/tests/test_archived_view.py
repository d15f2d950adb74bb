from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.people import services
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db
URL = reverse("people:archived")


def test_it_lists_only_archived_people(alice: Person, add_person: AddPerson) -> None:
    add_person(alice, name="Still here")
    gone = add_person(alice, name="Old friend")
    services.person_archive(user=alice.user, vault=alice.vault, person_id=gone.id)
    html = alice.client.get(URL).content.decode()
    assert "Old friend" in html and "Still here" not in html


def test_it_says_when_no_one_is_archived(alice: Person) -> None:
    assert b"No one is archived" in alice.client.get(URL).content
