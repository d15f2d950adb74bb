"""A login works the reminder dates out afresh (accounts older than reminders, dates
emptied by a write without the vault, a calendar that moved on)."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from nearer.conftest import PASSWORD, Person
from nearer.reminders.models import Reminder
from nearer.reminders.tests.conftest import add_friend, turn_on


def test_logging_in_fills_dates_that_were_missing(alice: Person) -> None:
    add_friend(alice, rhythm_days=7, met_days_ago=30, birthday=timezone.localdate() + timedelta(2))
    turn_on(alice, zone="Europe/Oslo")
    Reminder.objects.filter(owner=alice.user).update(
        nudge_due_on=None, birthday_month=None, birthday_day=None, scale_due_on=None, time_zone=""
    )
    response = Client().post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    row = Reminder.objects.get(owner=alice.user)
    assert row.nudge_due_on == timezone.localdate() - timedelta(days=23)
    coming = timezone.localdate() + timedelta(2)
    assert (row.birthday_month, row.birthday_day) == (coming.month, coming.day)
    assert row.scale_due_on is not None
    assert row.time_zone == "Europe/Oslo"


def test_logging_in_without_reminders_makes_no_row(alice: Person) -> None:
    Client().post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert not Reminder.objects.filter(owner=alice.user).exists()
