from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.tests.conftest import AddMoment, AddPerson
from nearer.review.tests.conftest import add_checkin, last_week, this_week
from nearer.review.week import WEEKS_BACK

pytestmark = pytest.mark.django_db


def test_it_needs_a_login(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/review/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_anyone_can_open_this_weeks_review_without_opting_in(alice: Person) -> None:
    response = alice.client.get("/review/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your week," in html
    assert "Monday to Sunday in your time zone" in html
    assert "turn it on" in html
    assert "No moments noted this week" in html
    assert "No check-ins this week" in html
    assert "One question to sit with" in html
    assert "A gentle idea" not in html


def test_it_shows_the_weeks_moments_check_ins_and_who_opened_up(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Anabelqwerty")
    today = timezone.localdate()
    add_moment(alice, [ana], occurred_on=today, opened_up="them", kinds=["intellectual"])
    add_checkin(alice, today, 1, 1)
    html = alice.client.get("/review/").content.decode()
    assert "Anabelqwerty opened up with you in 1 moment." in html
    assert "1 moment this week, with closeness that was intellectual" in html
    assert "<td>Pleasant (1.0)</td>" in html


def test_an_earlier_week_opens_by_its_monday(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Anabelqwerty")
    add_moment(alice, [ana], occurred_on=last_week() + timedelta(days=2))
    html = alice.client.get(f"/review/?week={last_week().isoformat()}").content.decode()
    assert "1 moment this week" in html
    assert "The week after" in html
    # Any day of the week opens that week.
    other = alice.client.get(f"/review/?week={(last_week() + timedelta(days=4)).isoformat()}")
    assert "1 moment this week" in other.content.decode()
    assert "1 moment this week" not in alice.client.get("/review/").content.decode()


@pytest.mark.parametrize(
    "week",
    ["soon", "2026-13-01", "1899-01-02", "9999-12-31", "x" * 5000],
)
def test_a_bad_or_far_week_shows_this_week_with_a_message(alice: Person, week: str) -> None:
    response = alice.client.get("/review/", {"week": week})
    assert response.status_code == 200
    html = response.content.decode()
    assert "That week can&#x27;t be reviewed here" in html
    assert this_week().strftime("%-d") in html


def test_a_week_beyond_a_year_back_is_refused(alice: Person) -> None:
    too_old = this_week() - timedelta(weeks=WEEKS_BACK + 1)
    html = alice.client.get("/review/", {"week": too_old.isoformat()}).content.decode()
    assert "be reviewed here" in html
    oldest = this_week() - timedelta(weeks=WEEKS_BACK)
    html = alice.client.get("/review/", {"week": oldest.isoformat()}).content.decode()
    assert "be reviewed here" not in html
    assert "The week before" not in html
