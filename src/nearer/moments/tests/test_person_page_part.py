"""Moments add their part to a person's page through people.page_parts (no import ring)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.moments.person import person_context
from nearer.moments.tests.conftest import AddMoment, AddPerson, days_ago
from nearer.people import page_parts

pytestmark = pytest.mark.django_db


def test_moments_register_their_part_once() -> None:
    assert page_parts._PARTS.count(person_context) == 1
    page_parts.register(person_context)
    assert page_parts._PARTS.count(person_context) == 1


def test_a_persons_page_shows_their_latest_moments(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana")
    add_moment(alice, [ana], occurred_on=days_ago(3), note="walked along the canal")
    url = reverse("people:person", kwargs={"person_id": ana.id})
    response = alice.client.get(url)
    assert response.context["moments_total"] == 1
    assert "walked along the canal" in response.content.decode()
