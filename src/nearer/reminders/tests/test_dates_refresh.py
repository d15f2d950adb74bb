"""The clear reminder dates follow the writes that move them, and only while on."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from nearer.accounts.services import preferences_update
from nearer.conftest import Person
from nearer.moments.models import Moment
from nearer.moments.services import moment_create, moment_delete, nudge_snooze
from nearer.people.models import ImportantDate
from nearer.people.rules import DateDraft
from nearer.people.services import date_add, date_delete, person_archive, person_delete
from nearer.reminders.dates import dates_refresh, next_scale_due
from nearer.reminders.models import Reminder
from nearer.reminders.tests.conftest import add_friend, turn_on
from nearer.scales.services import result_create, schedule_update


def _row(person: Person) -> Reminder:
    return Reminder.objects.get(owner=person.user)


def test_a_person_without_reminders_gets_no_row_from_their_writes(alice: Person) -> None:
    add_friend(alice, met_days_ago=30)
    assert not Reminder.objects.filter(owner=alice.user).exists()


def test_turning_on_works_out_the_first_due_nudge_from_the_latest_moment(alice: Person) -> None:
    add_friend(alice, rhythm_days=7, met_days_ago=30)
    add_friend(alice, name="Second Friend Without Rhythm", rhythm_days=None, met_days_ago=60)
    reminder = turn_on(alice)
    assert reminder.nudge_due_on == timezone.localdate() - timedelta(days=23)


def test_a_new_moment_moves_the_due_nudge_in_the_same_write(alice: Person) -> None:
    friend = add_friend(alice, rhythm_days=7, met_days_ago=30)
    turn_on(alice)
    moment_create(
        user=alice.user,
        vault=alice.vault,
        occurred_on=timezone.localdate(),
        person_ids=[friend.id],
        how="call",
    )
    assert _row(alice).nudge_due_on == timezone.localdate() + timedelta(days=7)


def test_deleting_the_latest_moment_moves_the_due_nudge_back(alice: Person) -> None:
    friend = add_friend(alice, rhythm_days=7, met_days_ago=30)
    turn_on(alice)
    latest = moment_create(
        user=alice.user,
        vault=alice.vault,
        occurred_on=timezone.localdate(),
        person_ids=[friend.id],
        how="call",
    )
    moment_delete(user=alice.user, vault=alice.vault, moment_id=latest.id)
    assert Moment.objects.filter(owner=alice.user).count() == 1
    assert _row(alice).nudge_due_on == timezone.localdate() - timedelta(days=23)


def test_a_snooze_holds_the_due_nudge_to_its_last_day(alice: Person) -> None:
    friend = add_friend(alice, rhythm_days=7, met_days_ago=30)
    turn_on(alice)
    until = timezone.localdate() + timedelta(days=5)
    nudge_snooze(user=alice.user, person_id=friend.id, until=until, vault=alice.vault)
    assert _row(alice).nudge_due_on == until


def test_a_snooze_without_the_vault_forgets_the_date_rather_than_keep_it_wrong(
    alice: Person,
) -> None:
    friend = add_friend(alice, rhythm_days=7, met_days_ago=30)
    turn_on(alice)
    until = timezone.localdate() + timedelta(days=5)
    nudge_snooze(user=alice.user, person_id=friend.id, until=until)
    assert _row(alice).nudge_due_on is None


def test_archiving_and_deleting_people_leave_them_out(alice: Person) -> None:
    late = add_friend(alice, rhythm_days=7, met_days_ago=30)
    add_friend(alice, name="Second Friend Met Lately", rhythm_days=7, met_days_ago=2)
    turn_on(alice)
    person_archive(user=alice.user, vault=alice.vault, person_id=late.id)
    assert _row(alice).nudge_due_on == timezone.localdate() + timedelta(days=5)
    person_delete(user=alice.user, vault=alice.vault, person_id=late.id)
    assert _row(alice).nudge_due_on == timezone.localdate() + timedelta(days=5)


def test_the_next_birthday_is_the_soonest_birthday_not_another_kind_of_day(alice: Person) -> None:
    today = timezone.localdate()
    soon, later = today + timedelta(days=3), today + timedelta(days=40)
    friend = add_friend(alice, birthday=later)
    date_add(
        user=alice.user,
        vault=alice.vault,
        person_id=friend.id,
        draft=DateDraft(kind="anniversary", month=soon.month, day=soon.day),
    )
    reminder = turn_on(alice, ["birthday"])
    assert (reminder.birthday_month, reminder.birthday_day) == (later.month, later.day)


def test_deleting_the_birthday_forgets_it(alice: Person) -> None:
    friend = add_friend(alice, birthday=timezone.localdate() + timedelta(days=3))
    turn_on(alice, ["birthday"])
    (date_id,) = ImportantDate.objects.filter(person=friend).values_list("id", flat=True)
    date_delete(user=alice.user, date_id=date_id, vault=alice.vault)
    reminder = _row(alice)
    assert (reminder.birthday_month, reminder.birthday_day) == (None, None)


def test_only_the_kinds_on_keep_their_dates(alice: Person) -> None:
    add_friend(alice, met_days_ago=30, birthday=timezone.localdate() + timedelta(days=3))
    reminder = turn_on(alice, ["checkin"])
    assert reminder.nudge_due_on is None
    assert reminder.birthday_month is None
    assert reminder.scale_due_on is None


def test_turning_everything_off_empties_the_clear_dates_and_zone(alice: Person) -> None:
    add_friend(alice, met_days_ago=30, birthday=timezone.localdate() + timedelta(days=3))
    turn_on(alice, zone="Pacific/Auckland")
    reminder = turn_on(alice, [])
    assert reminder.time_zone == ""
    assert (reminder.nudge_due_on, reminder.birthday_month, reminder.scale_due_on) == (
        None,
        None,
        None,
    )


def test_the_zone_copy_follows_the_account_setting(alice: Person) -> None:
    turn_on(alice, zone="Asia/Kolkata")
    assert _row(alice).time_zone == "Asia/Kolkata"
    preferences_update(user=alice.user, vault=alice.vault, time_zone="America/Lima")
    assert _row(alice).time_zone == "America/Lima"


def test_a_scale_taken_today_is_next_due_after_its_rhythm(alice: Person) -> None:
    turn_on(alice, ["scale"])
    assert _row(alice).scale_due_on == timezone.localdate()  # never taken: due now
    schedule_update(user=alice.user, vault=alice.vault, every={"who5": 14, "pss4": 0, "ucla3": 0})
    result_create(
        user=alice.user,
        vault=alice.vault,
        scale_key="who5",
        answers=[3, 3, 3, 3, 3],
        taken_on=timezone.localdate(),
    )
    assert _row(alice).scale_due_on == timezone.localdate() + timedelta(days=14)


def test_every_scale_offer_off_means_no_scale_date() -> None:
    prefs = {"scales": {"every": {"who5": 0, "pss4": 0, "ucla3": 0}}}
    assert next_scale_due(prefs, date(2026, 5, 1)) is None


def test_a_refresh_without_reminders_on_writes_nothing(alice: Person) -> None:
    assert dates_refresh(user=alice.user, vault=alice.vault) is None
    assert not Reminder.objects.filter(owner=alice.user).exists()
