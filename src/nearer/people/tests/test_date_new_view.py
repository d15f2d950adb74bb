from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.people.models import ImportantDate
from nearer.people.rules import MAX_DATES, DateDraft
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_adds_a_date(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    url = reverse("people:date_new", kwargs={"person_id": row.id})
    assert alice.client.get(url).status_code == 200
    response = alice.client.post(
        url, {"kind": "anniversary", "day": "12", "month": "6", "year": "2015", "label": ""}
    )
    assert response["Location"] == reverse("people:edit", kwargs={"person_id": row.id})
    assert ImportantDate.objects.get().year == 2015


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kind": "birthday", "day": "", "month": ""},
        {"kind": "birthday", "day": "30", "month": "2"},
        {"kind": "custom", "day": "1", "month": "1", "label": ""},
        {"kind": "birthday", "day": "1", "month": "1", "year": "12"},
        {"kind": "birthday", "day": "-4", "month": "x"},
    ],
)
def test_bad_input_gets_a_message(
    alice: Person, add_person: AddPerson, data: dict[str, str]
) -> None:
    row = add_person(alice)
    response = alice.client.post(reverse("people:date_new", kwargs={"person_id": row.id}), data)
    assert response.status_code == 200 and b"field-invalid" in response.content
    assert not ImportantDate.objects.exists()


def test_the_form_states_the_limit_before_anything_is_typed(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    response = alice.client.get(reverse("people:date_new", kwargs={"person_id": row.id}))
    assert b"A person can have up to 20 dates." in response.content


def test_a_21st_date_gets_the_calm_message_and_is_not_saved(
    alice: Person, add_person: AddPerson
) -> None:
    dates = [DateDraft("anniversary", 1 + n % 12, 1 + n // 12) for n in range(MAX_DATES)]
    row = add_person(alice, dates=dates)
    response = alice.client.post(
        reverse("people:date_new", kwargs={"person_id": row.id}),
        {"kind": "birthday", "day": "5", "month": "5", "year": "", "label": ""},
    )
    assert response.status_code == 200
    assert b'role="alert"' in response.content
    assert (
        b"A person can have up to 20 dates. Please remove one before adding another."
        in response.content
    )
    assert ImportantDate.objects.filter(person_id=row.id).count() == MAX_DATES
