from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from nearer.conftest import Person
from nearer.people import services
from nearer.people.models import Person as PersonRow
from nearer.people.rules import DateDraft
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def _url(row: PersonRow) -> str:
    return reverse("people:person", kwargs={"person_id": row.id})


def test_it_shows_details_notes_dates_and_an_offer_to_rate(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(alice, called="May", notes="Likes <script>tea</script>", rhythm_days=7,
                     dates=[DateDraft("birthday", 2, 29, 2000)])
    html = alice.client.get(_url(row)).content.decode()
    assert "<h1>May</h1>" in html
    assert "Maya Lindqvist" in html and "About every 7 days" in html
    assert "&lt;script&gt;tea" in html and "<script>tea" not in html
    assert "Birthday" in html and "turns" in html
    assert "How close do you feel to May" in html
    assert "No ratings yet" in html


def test_it_charts_ratings_with_a_table_and_stops_offering_after_a_recent_one(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    for day, value in ((date(2025, 6, 1), 3), (timezone.localdate(), 6)):
        services.closeness_rate(user=alice.user, vault=alice.vault, person_id=row.id,
                                value=value, rated_on=day)
    html = alice.client.get(_url(row)).content.decode()
    assert '<svg class="chart"' in html
    assert "<table" in html and "6 of 7: the circles overlap mostly" in html
    assert "How close do you feel" not in html
    assert reverse("people:closeness", kwargs={"person_id": row.id}) in html


def test_it_says_when_someone_is_archived(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    services.person_archive(user=alice.user, vault=alice.vault, person_id=row.id)
    html = alice.client.get(_url(row)).content.decode()
    assert "Archived" in html and reverse("people:restore", kwargs={"person_id": row.id}) in html


def test_a_person_who_will_not_open_is_a_notice_not_an_error(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(alice)
    PersonRow.objects.filter(id=row.id).update(content=b"tampered")
    response = alice.client.get(_url(row))
    assert response.status_code == 200 and b"could not be opened" in response.content


def test_a_malformed_id_is_404(alice: Person) -> None:
    assert alice.client.get("/people/not-a-uuid/").status_code == 404
