"""The upcoming dates' window, narrowed by the database, finds what a full scan finds."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nearer.conftest import Person
from nearer.people.days import next_occurrence
from nearer.people.rules import DateDraft
from nearer.people.selectors import dates_upcoming, dates_upcoming_lazy
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db

DAYS = [
    (1, 1),
    (1, 31),
    (2, 1),
    (2, 28),
    (2, 29),
    (3, 1),
    (3, 14),
    (4, 30),
    (5, 1),
    (6, 15),
    (11, 30),
    (12, 1),
    (12, 17),
    (12, 31),
]


def test_every_window_finds_what_a_full_scan_finds(alice: Person, add_person: AddPerson) -> None:
    for number, (month, day) in enumerate(DAYS):
        add_person(alice, name=f"Person {number:02d}", dates=[DateDraft("birthday", month, day)])
    starts = [
        date(2027, 2, 20),
        date(2028, 2, 20),
        date(2027, 2, 28),
        date(2028, 2, 29),
        date(2026, 12, 20),
        date(2026, 11, 17),
        date(2026, 3, 1),
        date(2026, 4, 30),
        date(2026, 1, 31),
        date(2026, 6, 15),
    ]
    for today in starts:
        for days in (0, 1, 13, 14, 30, 45, 400):
            last = today + timedelta(days=days)
            expected = sorted(
                ((next_occurrence(m, d, today=today) - today).days, f"Person {n:02d}")
                for n, (m, d) in enumerate(DAYS)
                if next_occurrence(m, d, today=today) <= last
            )
            found = dates_upcoming(user=alice.user, vault=alice.vault, today=today, days=days)
            assert [(u.days_away, u.person_name) for u in found] == expected, (today, days)


def test_the_lazy_dates_open_only_what_is_looked_at(alice: Person, add_person: AddPerson) -> None:
    for number in range(4):
        add_person(alice, name=f"Person {number}", dates=[DateDraft("birthday", 5, 15 + number)])
    lazy = dates_upcoming_lazy(user=alice.user, vault=alice.vault, today=date(2026, 5, 14))
    assert len(lazy) == 4
    assert [u.person_name for u in lazy[:2]] == ["Person 0", "Person 1"]
    assert lazy[-1].person_name == "Person 3"
    assert "Person" not in repr(lazy)
    assert list(lazy) == dates_upcoming(user=alice.user, vault=alice.vault, today=date(2026, 5, 14))
