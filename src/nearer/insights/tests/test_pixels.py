"""Year in pixels: a day's mean, its level (halves away from the middle), the year's shape."""

from __future__ import annotations

from datetime import date

from nearer.checkins.models import CheckIn
from nearer.conftest import Person
from nearer.insights.pixels import level_of, year_for, year_of, years_around
from nearer.insights.tests.balance_helpers import add_checkin


def test_levels_round_halves_away_from_the_middle() -> None:
    cases = {0.0: 0, 0.49: 0, 0.5: 1, 1.49: 1, 1.5: 2, 2.0: 2, -0.5: -1, -1.5: -2, -0.4: 0}
    assert {mean: level_of(mean) for mean in cases} == cases


def test_a_year_has_every_day_with_the_mean_of_its_ratings() -> None:
    found = year_of(
        2024,
        [
            (date(2024, 2, 29), 2),
            (date(2024, 2, 29), 1),
            (date(2024, 3, 1), -2),
            (date(2023, 1, 1), 2),
        ],
    )
    assert [len(month) for month in found.months][:3] == [31, 29, 31]
    leap = found.months[1][28]
    assert (leap.day, leap.mean, leap.count, leap.level) == (date(2024, 2, 29), 1.5, 2, 2)
    assert found.months[2][0].level == -2
    assert found.months[0][0].mean is None and found.months[0][0].level is None
    assert found.days_with_checkins == 2
    assert found.level_counts() == {-2: 1, -1: 0, 0: 0, 1: 0, 2: 1}


def test_it_opens_only_the_years_checkins_and_skips_those_that_will_not_open(
    alice: Person, charlie: Person
) -> None:
    add_checkin(alice, on=date(2025, 5, 4), pleasantness=1)
    add_checkin(alice, on=date(2025, 5, 4), pleasantness=-1, hour=18)
    add_checkin(alice, on=date(2024, 12, 31), pleasantness=2)
    broken = add_checkin(alice, on=date(2025, 7, 1), pleasantness=2)
    CheckIn.objects.filter(id=broken.id).update(content=b"garbage")
    add_checkin(charlie, on=date(2025, 5, 5), pleasantness=2)
    found = year_for(user=alice.user, vault=alice.vault, year=2025)
    day = found.months[4][3]
    assert (day.mean, day.count, day.level) == (0.0, 2, 0)
    assert found.months[4][4].count == 0
    assert found.unreadable == 1 and found.days_with_checkins == 1
    assert years_around(user=alice.user, year=2025) == (2024, None)
    assert years_around(user=alice.user, year=2024) == (None, 2025)
    assert years_around(user=alice.user, year=2030) == (2025, None)
    assert years_around(user=charlie.user, year=2024) == (None, 2025)
