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
    row = add_person(
        alice,
        called="May",
        notes="Likes <script>tea</script>",
        rhythm_days=7,
        dates=[DateDraft("birthday", 2, 29, 2000)],
    )
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
        services.closeness_rate(
            user=alice.user, vault=alice.vault, person_id=row.id, value=value, rated_on=day
        )
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


def test_its_sections_chart_and_table_are_labelled_and_dates_read_in_words(
    alice: Person, add_person: AddPerson
) -> None:
    row = add_person(
        alice,
        name="Maya <b>Lindqvist</b>",
        called="May & co",
        notes="One\n\nTwo",
        dates=[DateDraft("custom", 3, 4, 2020, label="First <walk>")],
    )
    for day, value in ((date(2025, 6, 1), 3), (date(2025, 9, 2), 5)):
        services.closeness_rate(
            user=alice.user, vault=alice.vault, person_id=row.id, value=value, rated_on=day
        )
    html = alice.client.get(_url(row)).content.decode()
    assert "<h1>May &amp; co</h1>" in html
    assert '<p class="person-meta">Maya &lt;b&gt;Lindqvist&lt;/b&gt; · ' in html
    assert "<b>Lindqvist</b>" not in html and "<walk>" not in html
    assert '<div class="person-notes"><p>One</p>\n\n<p>Two</p></div>' in html
    for heading in (
        "notes-heading",
        "person-moments-heading",
        "dates-heading",
        "closeness-heading",
    ):
        assert f'aria-labelledby="{heading}"' in html and f'id="{heading}"' in html
    assert "<strong>First &lt;walk&gt;</strong>" in html and "years" in html
    assert '<svg class="chart"' in html and "<title" in html and "<desc" in html
    assert "2 ratings from 1 June 2025 to 2 September 2025" in html
    assert '<caption class="visually-hidden">Closeness to May &amp; co, newest first' in html
    newest, oldest = html.index("2 Sep 2025"), html.index("1 Jun 2025")
    assert newest < oldest
    assert "Latest: 5 of 7: the circles overlap a lot." in html
    assert reverse("people:date_new", kwargs={"person_id": row.id}) in html
    assert reverse("people:index") in html


def test_its_forms_carry_a_csrf_token_that_works(alice: Person, add_person: AddPerson) -> None:
    from django.test import Client

    row = add_person(alice)
    client = Client(enforce_csrf_checks=True)
    client.cookies = alice.client.cookies
    html = client.get(_url(row)).content.decode()
    archive = reverse("people:archive", kwargs={"person_id": row.id})
    assert f'action="{archive}"' in html
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    assert client.post(archive, {"csrfmiddlewaretoken": token}).status_code == 302
    html = client.get(_url(row)).content.decode()
    assert reverse("people:archived") in html and "Archived people" in html
    assert "How close do you feel" not in html  # no offer for someone archived
