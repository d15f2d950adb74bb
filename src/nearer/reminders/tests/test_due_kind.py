"""Who is due a reminder, and of which kind: zones, quiet hours, one a day, each kind."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from nearer.checkins.models import CheckIn
from nearer.conftest import Person
from nearer.reminders.models import Reminder
from nearer.reminders.sending import BIRTHDAY_AHEAD_DAYS, REPEAT_DAYS, due_kind

# 08:30 UTC on a Tuesday: 09:30 in Berlin (winter), 21:30 in Auckland, 03:30 in New York.
NOW = datetime(2026, 1, 13, 8, 30, tzinfo=UTC)
TODAY = date(2026, 1, 13)


def _reminder(person: Person, **fields: object) -> Reminder:
    values: dict[str, object] = {
        "owner": person.user,
        "send_at": time(9, 0),
        "time_zone": "Europe/Berlin",
    }
    values.update(fields)
    reminder = Reminder(**values)
    reminder.save()
    return reminder


def test_the_chosen_time_counts_on_the_persons_own_clock(alice: Person) -> None:
    berlin = _reminder(alice, checkin=True, send_at=time(9, 0))
    assert due_kind(berlin, NOW) == "checkin"
    berlin.time_zone = "America/New_York"  # 03:30 there: not yet
    assert due_kind(berlin, NOW) is None
    berlin.time_zone = "Pacific/Auckland"  # 21:30 there: long reached
    assert due_kind(berlin, NOW) == "checkin"


def test_before_the_chosen_time_nothing_is_due(alice: Person) -> None:
    reminder = _reminder(alice, checkin=True, send_at=time(9, 45))
    assert due_kind(reminder, NOW) is None


def test_quiet_hours_hold_a_reminder_back_even_across_midnight(alice: Person) -> None:
    reminder = _reminder(
        alice,
        checkin=True,
        send_at=time(7, 0),
        time_zone="Pacific/Auckland",
        quiet_from=time(21, 0),
        quiet_until=time(7, 0),
    )
    assert due_kind(reminder, NOW) is None  # 21:30 in Auckland
    reminder.quiet_from, reminder.quiet_until = time(22, 0), time(6, 0)
    assert due_kind(reminder, NOW) == "checkin"


def test_only_one_reminder_on_a_local_day(alice: Person) -> None:
    reminder = _reminder(alice, checkin=True, last_sent_on=TODAY)
    later = NOW + timedelta(hours=12)  # 21:30 in Berlin, 09:30 the next day in Auckland
    assert due_kind(reminder, later) is None
    reminder.time_zone = "Pacific/Auckland"
    assert due_kind(reminder, later) == "checkin"


def test_a_check_in_that_day_means_no_check_in_reminder(alice: Person) -> None:
    reminder = _reminder(alice, checkin=True)
    CheckIn.objects.create(owner=alice.user, at=NOW, local_date=TODAY, content=b"sealed")
    assert due_kind(reminder, NOW) is None


def test_people_are_due_once_their_rhythm_came_round_and_said_again_after_a_week(
    alice: Person,
) -> None:
    reminder = _reminder(alice, people=True, nudge_due_on=TODAY + timedelta(days=1))
    assert due_kind(reminder, NOW) is None
    reminder.nudge_due_on = TODAY - timedelta(days=10)
    assert due_kind(reminder, NOW) == "people"
    reminder.people_sent_on = TODAY - timedelta(days=REPEAT_DAYS - 1)
    assert due_kind(reminder, NOW) is None
    reminder.people_sent_on = TODAY - timedelta(days=REPEAT_DAYS)
    assert due_kind(reminder, NOW) == "people"


def test_a_scale_is_due_on_its_day(alice: Person) -> None:
    reminder = _reminder(alice, scale=True, scale_due_on=TODAY)
    assert due_kind(reminder, NOW) == "scale"
    reminder.scale_due_on = None
    assert due_kind(reminder, NOW) is None


def test_a_birthday_is_said_once_a_few_days_before(alice: Person) -> None:
    coming = TODAY + timedelta(days=BIRTHDAY_AHEAD_DAYS)
    reminder = _reminder(alice, birthday=True, birthday_month=coming.month, birthday_day=coming.day)
    assert due_kind(reminder, NOW) == "birthday"
    reminder.birthday_sent_on = TODAY
    reminder.last_sent_on = TODAY - timedelta(days=1)
    assert due_kind(reminder, NOW + timedelta(days=1)) is None
    far = TODAY + timedelta(days=BIRTHDAY_AHEAD_DAYS + 1)
    reminder.birthday_sent_on = None
    reminder.birthday_month, reminder.birthday_day = far.month, far.day
    assert due_kind(reminder, NOW) is None


def test_a_kind_that_is_off_is_never_due(alice: Person) -> None:
    reminder = _reminder(alice, people=False, nudge_due_on=TODAY - timedelta(days=3))
    assert due_kind(reminder, NOW) is None


def test_of_several_kinds_due_the_one_said_longest_ago_goes(alice: Person) -> None:
    reminder = _reminder(
        alice,
        checkin=True,
        people=True,
        nudge_due_on=TODAY - timedelta(days=30),
        people_sent_on=TODAY - timedelta(days=REPEAT_DAYS),
        checkin_sent_on=TODAY - timedelta(days=1),
    )
    assert due_kind(reminder, NOW) == "people"
    reminder.people_sent_on = None
    reminder.checkin_sent_on = None
    assert due_kind(reminder, NOW) == "people"  # ties: the fixed order


def test_a_failed_send_waits_before_it_is_tried_again(alice: Person) -> None:
    reminder = _reminder(alice, checkin=True, last_failed_at=NOW - timedelta(minutes=5))
    assert due_kind(reminder, NOW) is None
    assert due_kind(reminder, NOW + timedelta(minutes=40)) == "checkin"


@pytest.mark.parametrize("zone", ["", "Not/AZone"])
def test_an_unknown_zone_counts_on_the_servers_clock(alice: Person, zone: str) -> None:
    reminder = _reminder(alice, checkin=True, time_zone=zone, send_at=time(8, 0))
    assert due_kind(reminder, NOW) == "checkin"  # the tests' server clock is UTC
