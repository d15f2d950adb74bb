from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.people.models import ImportantDate
from nearer.people.models import Person as PersonRow
from nearer.people.selectors import person_get

pytestmark = pytest.mark.django_db
URL = reverse("people:new")

GOOD = {
    "name": "Maya Lindqvist",
    "called": "May",
    "relationship": "friend",
    "relationship_label": "",
    "circle": "inner",
    "rhythm_days": "7",
    "too_long_days": "14",
    "notes": "Likes tea",
    "date-kind": "birthday",
    "date-label": "",
    "date-day": "",
    "date-month": "",
    "date-year": "",
}


def test_it_adds_someone_and_shows_their_page(alice: Person) -> None:
    response = alice.client.post(URL, GOOD)
    assert response.status_code == 302
    row = PersonRow.objects.get(owner=alice.user)
    assert response["Location"] == reverse("people:person", kwargs={"person_id": row.id})
    details = person_get(user=alice.user, vault=alice.vault, person_id=row.id).details
    assert (details.called, details.rhythm_days, details.too_long_days) == ("May", 7, 14)
    assert not ImportantDate.objects.exists()


def test_it_adds_a_birthday_without_a_year(alice: Person) -> None:
    data = {**GOOD, "date-day": "29", "date-month": "2"}
    assert alice.client.post(URL, data).status_code == 302
    assert ImportantDate.objects.get().year is None


@pytest.mark.parametrize(
    "changes",
    [
        {"name": ""},
        {"circle": "nowhere"},
        {"relationship": "enemy"},
        {"rhythm_days": "14", "too_long_days": "7"},
        {"rhythm_days": "", "too_long_days": "7"},
        {"rhythm_days": "seven"},
        {"rhythm_days": "0"},
        {"rhythm_days": "99999999999999999999999"},
        {"name": "x" * 1000},
        {"notes": "x" * 30_000},
        {"date-day": "31", "date-month": "4"},
        {"date-day": "29", "date-month": "2", "date-year": "2023"},
        {"date-day": "3"},
        {"date-month": "13", "date-day": "1"},
        {"date-kind": "custom", "date-day": "1", "date-month": "1"},
        {"date-day": "1", "date-month": "1", "date-year": "abc"},
        {"date-kind": "party", "date-day": "1", "date-month": "1"},
    ],
)
def test_bad_input_gets_a_message_and_saves_nothing(alice: Person, changes: dict[str, str]) -> None:
    response = alice.client.post(URL, {**GOOD, **changes})
    assert response.status_code == 200
    assert b"field-invalid" in response.content or b"form-errors" in response.content
    assert not PersonRow.objects.exists()


def test_the_form_keeps_what_was_typed(alice: Person) -> None:
    response = alice.client.post(URL, {**GOOD, "name": "", "notes": "Remember the tea"})
    assert b"Remember the tea" in response.content
