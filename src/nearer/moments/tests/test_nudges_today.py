"""nudges_today and drifting_now, the one way Today and the drifting page read nudges."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.nudges import Nudge, drifting_now, nudges_today
from nearer.moments.services import nudge_snooze
from nearer.moments.tests.conftest import AddMoment, AddPerson, days_ago
from nearer.people.index import PersonSummary
from nearer.people.selectors import people_index, people_rows
from nearer.people.services import person_archive

pytestmark = pytest.mark.django_db


def _fields(found: list[Nudge]) -> list[tuple[str, str, int, bool]]:
    return [(n.name, n.status, n.days_since, n.met) for n in found]


@pytest.fixture
def everyone(alice: Person, bob: Person, add_person: AddPerson, add_moment: AddMoment) -> Person:
    ana = add_person(alice, name="Ana", rhythm_days=7, too_long_days=14, circle="inner")
    ben = add_person(alice, name="Ben", called="Benny", rhythm_days=7)
    cleo = add_person(alice, name="Cleo", rhythm_days=3, circle="wider")
    dan = add_person(alice, name="Dan", rhythm_days=30)
    add_person(alice, name="Eve")  # no rhythm: never nudged
    gone = add_person(alice, name="Gone", rhythm_days=1)
    quiet = add_person(alice, name="Quiet", rhythm_days=7)
    add_person(alice, name="Never met", rhythm_days=10)
    add_person(bob, name="Bob's friend", rhythm_days=1)
    add_moment(alice, [ana], occurred_on=days_ago(20))
    add_moment(alice, [ben, cleo], occurred_on=days_ago(7))
    add_moment(alice, [dan], occurred_on=days_ago(29))
    add_moment(alice, [quiet], occurred_on=days_ago(40))
    person_archive(user=alice.user, vault=alice.vault, person_id=gone.id)
    nudge_snooze(
        user=alice.user, person_id=quiet.id, until=timezone.localdate() + timedelta(days=3)
    )
    return alice


def _both(owner: Person) -> tuple[Mapping[str, PersonSummary], ...]:
    # Today passes the index's rows; other callers pass the opened index.
    return (
        people_index(user=owner.user, vault=owner.vault),
        people_rows(user=owner.user, vault=owner.vault),
    )


def test_today_it_gives_the_calm_order_and_the_count(everyone: Person) -> None:
    today = timezone.localdate()
    for people in _both(everyone):
        found, total = nudges_today(user=everyone.user, people=people, today=today, limit=10)
        # Overdue (inner circle before wider), then due, then soon; snoozed, archived,
        # rhythm-less, not yet near and other accounts' people left out.
        assert _fields(found) == [
            ("Ana", "overdue", 20, True),
            ("Cleo", "overdue", 7, True),
            ("Benny", "due", 7, True),
            ("Dan", "soon", 29, True),
        ]
        assert total == 4


def test_a_snooze_ends_and_the_limit_keeps_the_first(everyone: Person) -> None:
    later = timezone.localdate() + timedelta(days=4)
    for people in _both(everyone):
        found, total = nudges_today(user=everyone.user, people=people, today=later, limit=10)
        # Within a status: the closer circle, then the furthest past their rhythm.
        assert [n.name for n in found] == ["Ana", "Quiet", "Cleo", "Benny", "Dan"]
        top, total_top = nudges_today(user=everyone.user, people=people, today=later, limit=2)
        assert total == 5
        assert (_fields(top), total_top) == (_fields(found[:2]), 5)


def test_someone_never_met_counts_from_the_day_they_were_added(everyone: Person) -> None:
    later = timezone.localdate() + timedelta(days=12)
    found, _ = nudges_today(
        user=everyone.user,
        people=people_rows(user=everyone.user, vault=everyone.vault),
        today=later,
        limit=10,
    )
    assert ("Never met", "due", 12, False) in _fields(found)


def test_drifting_lists_everyone_by_circle_longest_apart_first(everyone: Person) -> None:
    today = timezone.localdate()
    for people in _both(everyone):
        groups = drifting_now(user=everyone.user, people=people, today=today)
        by_circle = {g.circle: [(r.name, r.days_since, r.status) for r in g.rows] for g in groups}
        assert by_circle["inner"] == [("Ana", 20, "overdue")]
        assert by_circle["close"] == [
            ("Eve", None, None),
            ("Never met", None, None),
            ("Quiet", 40, "overdue"),
            ("Dan", 29, "soon"),
            ("Benny", 7, "due"),
        ]
        assert by_circle["wider"] == [("Cleo", 7, "overdue")]
        quiet = next(r for r in groups[1].rows if r.name == "Quiet")
        assert quiet.snoozed_until == today + timedelta(days=3)


def test_people_rows_hold_the_same_people_as_the_index(
    alice: Person, add_person: AddPerson
) -> None:
    add_person(alice, name="Ana", rhythm_days=7)
    gone = add_person(alice, name="Gone")
    person_archive(user=alice.user, vault=alice.vault, person_id=gone.id)
    for archived in (False, True):
        expected = people_index(user=alice.user, vault=alice.vault, include_archived=archived)
        rows = people_rows(user=alice.user, vault=alice.vault, include_archived=archived)
        assert dict(rows) == expected
        assert "Ana" not in repr(rows)
