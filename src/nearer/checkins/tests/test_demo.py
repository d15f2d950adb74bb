from __future__ import annotations

from datetime import date

from nearer.checkins import selectors
from nearer.checkins.demo import build_checkins
from nearer.checkins.models import CheckIn
from nearer.conftest import Person


def test_it_builds_a_year_of_readable_check_ins(alice: Person) -> None:
    made = build_checkins(
        alice.user,
        alice.vault,
        years=1,
        today=date(2026, 5, 31),
        people=["8a1c2b6e-0d4f-4a57-9a59-0b6a8f1c2d3e"],
    )
    assert 550 <= made <= 800
    assert CheckIn.objects.filter(owner=alice.user).count() == made
    month = selectors.checkins_in_month(user=alice.user, vault=alice.vault, year=2026, month=5)
    assert 30 <= len(month) <= 95
    assert all(c.readable for c in month)
