from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.people.days import date_open
from nearer.people.models import ImportantDate
from nearer.people.rules import DateDraft
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def _url(row: ImportantDate) -> str:
    return reverse("people:date_edit", kwargs={"date_id": row.id})


def _with_a_date(owner: Person, add_person: AddPerson) -> ImportantDate:
    add_person(owner, dates=[DateDraft("custom", 3, 9, None, "Name day")])
    return ImportantDate.objects.get(owner=owner.user)


def test_it_shows_the_date_as_it_is(alice: Person, add_person: AddPerson) -> None:
    row = _with_a_date(alice, add_person)
    html = alice.client.get(_url(row)).content.decode()
    assert "Change a date of" in html
    assert 'value="Name day"' in html
    assert 'value="9"' in html
    assert '<option value="3" selected>' in html


def test_it_changes_the_date(alice: Person, add_person: AddPerson) -> None:
    row = _with_a_date(alice, add_person)
    response = alice.client.post(
        _url(row), {"kind": "birthday", "day": "12", "month": "6", "year": "1990", "label": ""}
    )
    assert response["Location"] == reverse("people:edit", kwargs={"person_id": row.person_id})
    row.refresh_from_db()
    assert (row.day, row.month, row.year) == (12, 6, 1990)
    assert date_open(alice.vault, row.id, bytes(row.content)) == ("birthday", "")


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kind": "birthday", "day": "30", "month": "2"},
        {"kind": "custom", "day": "1", "month": "1", "label": ""},
        {"kind": "birthday", "day": "-4", "month": "x"},
    ],
)
def test_bad_input_gets_a_message_and_changes_nothing(
    alice: Person, add_person: AddPerson, data: dict[str, str]
) -> None:
    row = _with_a_date(alice, add_person)
    before = (row.day, row.month, row.year, bytes(row.content))
    response = alice.client.post(_url(row), data)
    assert response.status_code == 200 and b"field-invalid" in response.content
    row.refresh_from_db()
    assert (row.day, row.month, row.year, bytes(row.content)) == before


def test_a_second_birthday_is_refused(alice: Person, add_person: AddPerson) -> None:
    add_person(alice, dates=[DateDraft("birthday", 1, 2), DateDraft("custom", 3, 9, None, "X")])
    custom = next(
        row
        for row in ImportantDate.objects.all()
        if date_open(alice.vault, row.id, bytes(row.content))[0] == "custom"
    )
    response = alice.client.post(
        _url(custom), {"kind": "birthday", "day": "5", "month": "5", "label": ""}
    )
    assert b"only one birthday" in response.content
    custom.refresh_from_db()
    assert custom.day == 9


def test_a_stranger_gets_not_found_and_nothing_changes(
    alice: Person, charlie: Person, add_person: AddPerson
) -> None:
    row = _with_a_date(alice, add_person)
    assert charlie.client.get(_url(row)).status_code == 404
    response = charlie.client.post(
        _url(row), {"kind": "birthday", "day": "12", "month": "6", "label": ""}
    )
    assert response.status_code == 404
    row.refresh_from_db()
    assert (row.day, row.month) == (9, 3)
