"""The check-in's pages: this week's, its day, preparing, going through it together,
a week's record and earlier weeks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nearer.rituals.content import MAX_PART
from nearer.rituals.models import CheckinPart, CheckinWeek
from nearer.rituals.services import checkin_prepare
from nearer.rituals.tests.helpers import Paired

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
BASE = "/together/rituals/check-in/"


def test_this_weeks_page_shows_the_day_and_ones_own_part_only(paired: Paired) -> None:
    checkin_prepare(
        user=paired.bob.user,
        space=paired.space(paired.bob),
        today=TODAY,
        fields={"appreciations": "bob thanks ptarmigan"},
    )
    page = paired.alice.client.get(BASE).content.decode()
    assert "Bob Finch has prepared." in page
    assert "ptarmigan" not in page
    assert "This week's check-in is on" in page


def test_preparing_keeps_the_part_and_an_overlong_one_is_a_message(paired: Paired) -> None:
    response = paired.alice.client.post(BASE + "prepare/", {"wish": "a picnic"})
    assert response.status_code == 302
    assert CheckinPart.objects.count() == 1
    response = paired.alice.client.post(BASE + "prepare/", {"hard": "h" * (MAX_PART + 1)})
    assert response.status_code == 400
    assert f"Please keep it to {MAX_PART} characters." in response.content.decode()


def test_the_day_is_changed_for_both_and_a_bad_day_is_refused(paired: Paired) -> None:
    assert paired.bob.client.post(BASE + "day/", {"weekday": "1"}).status_code == 302
    assert "Bob Finch chose Tuesday." in paired.alice.client.get(BASE).content.decode()
    response = paired.alice.client.post(BASE + "day/", {"weekday": "9"})
    assert response.status_code == 400
    assert "Choose a day of the week." in response.content.decode()


def test_going_through_together_opens_the_week_for_both(paired: Paired) -> None:
    checkin_prepare(
        user=paired.bob.user,
        space=paired.space(paired.bob),
        today=TODAY,
        fields={"appreciations": "bob thanks ptarmigan"},
    )
    response = paired.alice.client.post(BASE + "together/")
    week = CheckinWeek.objects.get()
    assert response["Location"] == f"{BASE}{week.id}/"
    assert "ptarmigan" in paired.alice.client.get(response["Location"]).content.decode()


def test_a_week_not_yet_open_shows_only_ones_own_part(paired: Paired) -> None:
    part = checkin_prepare(
        user=paired.bob.user,
        space=paired.space(paired.bob),
        today=TODAY,
        fields={"appreciations": "bob thanks ptarmigan"},
    )
    page = paired.alice.client.get(f"{BASE}{part.week_id}/").content.decode()
    assert "ptarmigan" not in page
    assert "This check-in opens once you have both prepared" in page


def test_earlier_weeks_are_listed(paired: Paired) -> None:
    checkin_prepare(
        user=paired.alice.user,
        space=paired.space(paired.alice),
        today=TODAY - timedelta(weeks=1),
        fields={"wish": "more sleep"},
    )
    page = paired.alice.client.get(BASE + "earlier/").content.decode()
    assert "Week of" in page and "prepared by one of you" in page
    assert paired.alice.client.get(BASE + "earlier/?page=2").status_code == 404
