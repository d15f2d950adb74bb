from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.nudges import drifting_now, nudges_today, since_words, status_for
from nearer.moments.services import moment_delete, nudge_snooze
from nearer.moments.tests.conftest import AddMoment, AddPerson, days_ago
from nearer.people.selectors import people_index
from nearer.people.services import person_archive


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, None),
        (4, None),
        (5, "soon"),  # two days before a weekly ideal
        (6, "soon"),
        (7, "due"),  # at the ideal
        (13, "due"),
        (14, "overdue"),  # at the too-long point
        (300, "overdue"),
    ],
)
def test_weekly_rhythm_boundaries(days: int, expected: str | None) -> None:
    assert status_for(days, 7, 14) == expected


def test_without_a_too_long_point_overdue_is_twice_the_ideal() -> None:
    assert status_for(19, 10, None) == "due"
    assert status_for(20, 10, None) == "overdue"


def test_short_rhythms_have_a_shorter_soon_window() -> None:
    # Seen yesterday with a rhythm of three days: not yet "soon".
    assert status_for(1, 3, None) is None
    assert status_for(2, 3, None) == "soon"
    assert status_for(0, 1, None) is None
    assert status_for(1, 1, None) == "due"


def test_no_rhythm_means_no_nudge() -> None:
    assert status_for(1000, None, None) is None


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (None, "never yet"),
        (0, "today"),
        (1, "yesterday"),
        (5, "5 days"),
        (21, "3 weeks"),
        (90, "3 months"),
        (800, "2 years"),
    ],
)
def test_since_words(days: int | None, words: str) -> None:
    assert since_words(days) == words


def _nudges(owner: Person, today: date | None = None) -> dict[str, str]:
    # What Today shows: the same function, the same people index.
    people = people_index(user=owner.user, vault=owner.vault)
    found, total = nudges_today(
        user=owner.user, people=people, today=today or timezone.localdate(), limit=100
    )
    assert total == len(found)
    return {n.name: n.status for n in found}


@pytest.mark.django_db
def test_never_met_counts_from_when_they_were_added(alice: Person, add_person: AddPerson) -> None:
    add_person(alice, name="Ana", rhythm_days=7, too_long_days=14)
    today = timezone.localdate()
    assert _nudges(alice, today) == {}
    assert _nudges(alice, today + timedelta(days=5)) == {"Ana": "soon"}
    assert _nudges(alice, today + timedelta(days=7)) == {"Ana": "due"}
    assert _nudges(alice, today + timedelta(days=14)) == {"Ana": "overdue"}


@pytest.mark.django_db
def test_a_moment_resets_the_clock_and_deleting_it_moves_it_back(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana", rhythm_days=7, too_long_days=14)
    add_moment(alice, [ana], occurred_on=days_ago(8))
    assert _nudges(alice) == {"Ana": "due"}
    latest = add_moment(alice, [ana], occurred_on=timezone.localdate())
    assert _nudges(alice) == {}
    moment_delete(user=alice.user, vault=alice.vault, moment_id=latest.id)
    assert _nudges(alice) == {"Ana": "due"}


@pytest.mark.django_db
def test_a_snoozed_nudge_is_quiet_until_its_day(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana", rhythm_days=7)
    add_moment(alice, [ana], occurred_on=days_ago(10))
    today = timezone.localdate()
    nudge_snooze(user=alice.user, person_id=ana.id, until=today + timedelta(days=7))
    assert _nudges(alice, today) == {}
    assert _nudges(alice, today + timedelta(days=6)) == {}
    assert _nudges(alice, today + timedelta(days=7)) == {"Ana": "overdue"}


@pytest.mark.django_db
def test_archived_people_and_people_without_a_rhythm_are_never_nudged(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana", rhythm_days=7)
    add_person(alice, name="Ben")
    add_moment(alice, [ana], occurred_on=days_ago(30))
    person_archive(user=alice.user, vault=alice.vault, person_id=ana.id)
    assert _nudges(alice, timezone.localdate() + timedelta(days=60)) == {}


@pytest.mark.django_db
def test_they_come_in_a_calm_order(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    soon = add_person(alice, name="Soon", rhythm_days=10)
    due = add_person(alice, name="Due", rhythm_days=10, too_long_days=30)
    over = add_person(alice, name="Over", rhythm_days=10, too_long_days=20)
    very = add_person(alice, name="Very over", rhythm_days=10, too_long_days=20)
    for person, days in ((soon, 9), (due, 12), (over, 21), (very, 40)):
        add_moment(alice, [person], occurred_on=days_ago(days))
    assert list(_nudges(alice)) == ["Very over", "Over", "Due", "Soon"]


def test_the_closer_circle_comes_first_within_a_status(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    far = add_person(alice, name="Acquaintance", circle="wider", rhythm_days=10, too_long_days=20)
    near = add_person(alice, name="Sister", circle="inner", rhythm_days=10, too_long_days=20)
    add_moment(alice, [far], occurred_on=days_ago(90))
    add_moment(alice, [near], occurred_on=days_ago(21))
    assert list(_nudges(alice)) == ["Sister", "Acquaintance"]


@pytest.mark.django_db
def test_drifting_groups_by_circle_longest_apart_first(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana", circle="inner")
    ben = add_person(alice, name="Ben", circle="inner")
    add_person(alice, name="Cleo", circle="inner")
    dan = add_person(alice, name="Dan", circle="wider", rhythm_days=7)
    gone = add_person(alice, name="Gone", circle="close")
    add_moment(alice, [ana], occurred_on=days_ago(2))
    add_moment(alice, [ben], occurred_on=days_ago(30))
    add_moment(alice, [dan], occurred_on=days_ago(8))
    person_archive(user=alice.user, vault=alice.vault, person_id=gone.id)
    groups = drifting_now(
        user=alice.user,
        people=people_index(user=alice.user, vault=alice.vault),
        today=timezone.localdate(),
    )
    by_circle = {g.circle: [(r.name, r.since, r.status) for r in g.rows] for g in groups}
    assert by_circle["inner"] == [
        ("Cleo", "never yet", None),
        ("Ben", "4 weeks", None),
        ("Ana", "2 days", None),
    ]
    assert by_circle["close"] == []
    assert by_circle["wider"] == [("Dan", "8 days", "due")]
