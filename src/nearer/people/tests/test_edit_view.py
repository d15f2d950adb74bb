from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.people import services
from nearer.people.models import ImportantDate
from nearer.people.models import Person as PersonRow
from nearer.people.rules import MAX_DATES, DateDraft
from nearer.people.selectors import person_get
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def _url(row: PersonRow) -> str:
    return reverse("people:edit", kwargs={"person_id": row.id})


def test_it_shows_the_details_and_dates(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice, notes="Likes tea", dates=[DateDraft("custom", 5, 1, None, "Name day")])
    html = alice.client.get(_url(row)).content.decode()
    assert "Likes tea" in html and "Name day" in html
    date_id = ImportantDate.objects.get().id
    assert reverse("people:date_delete", kwargs={"date_id": date_id}) in html


def test_it_saves_changes(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    response = alice.client.post(
        _url(row),
        {
            "name": "Maya L",
            "called": "",
            "relationship": "family",
            "relationship_label": "",
            "circle": "close",
            "rhythm_days": "",
            "too_long_days": "",
            "notes": "",
        },
    )
    assert response.status_code == 302
    details = person_get(user=alice.user, vault=alice.vault, person_id=row.id).details
    assert (details.name, details.relationship, details.rhythm_days) == ("Maya L", "family", None)


def test_bad_input_changes_nothing(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    response = alice.client.post(
        _url(row), {"name": "", "circle": "inner", "relationship": "friend"}
    )
    assert response.status_code == 200
    assert person_get(user=alice.user, vault=alice.vault, person_id=row.id).details.name == (
        "Maya Lindqvist"
    )


def test_a_person_who_will_not_open_can_be_written_anew(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    PersonRow.objects.filter(id=row.id).update(content=b"tampered")
    response = alice.client.get(_url(row))
    assert response.status_code == 200 and b"could not be opened" in response.content
    alice.client.post(_url(row), {"name": "Maya", "relationship": "friend", "circle": "inner"})
    assert person_get(user=alice.user, vault=alice.vault, person_id=row.id).readable


def test_it_says_when_someone_has_as_many_dates_as_they_can(
    alice: Person, add_person: AddPerson
) -> None:
    dates = [DateDraft("anniversary", 1 + n % 12, 1 + n // 12) for n in range(MAX_DATES)]
    row = add_person(alice, dates=dates[:-1])
    add_link = reverse("people:date_new", kwargs={"person_id": row.id}).encode()
    html = alice.client.get(_url(row)).content
    assert add_link in html and b"the most a person can have" not in html
    services.date_add(user=alice.user, vault=alice.vault, person_id=row.id, draft=dates[-1])
    html = alice.client.get(_url(row)).content
    assert add_link not in html
    assert b"20 dates, the most a person can have" in html
