from __future__ import annotations

from datetime import date

from nearer.review.week import (
    DAY_KEY,
    ENABLED_KEY,
    earliest_week,
    offered_on,
    review_day,
    week_end,
    week_start,
    week_words,
)

WEDNESDAY = date(2026, 12, 2)


def test_a_week_runs_monday_to_sunday() -> None:
    assert week_start(WEDNESDAY) == date(2026, 11, 30)
    assert week_start(date(2026, 11, 30)) == date(2026, 11, 30)
    assert week_start(date(2026, 12, 6)) == date(2026, 11, 30)
    assert week_start(date(2026, 12, 7)) == date(2026, 12, 7)
    assert week_end(date(2026, 11, 30)) == date(2026, 12, 6)


def test_the_review_is_off_unless_the_person_opted_in() -> None:
    assert not offered_on({}, WEDNESDAY)
    assert not offered_on({DAY_KEY: 0}, WEDNESDAY)
    assert not offered_on({ENABLED_KEY: "yes", DAY_KEY: 0}, WEDNESDAY)


def test_it_is_offered_from_the_picked_day_to_the_end_of_the_week() -> None:
    prefs = {ENABLED_KEY: True, DAY_KEY: 2}  # Wednesday
    assert not offered_on(prefs, date(2026, 12, 1))  # Tuesday: not yet
    assert offered_on(prefs, WEDNESDAY)
    assert offered_on(prefs, date(2026, 12, 6))  # Sunday: still, until done
    assert not offered_on(prefs, date(2026, 12, 7))  # next Monday: a new week, not yet


def test_an_odd_day_falls_back_to_sunday() -> None:
    assert review_day({}) == 6
    assert review_day({DAY_KEY: 9}) == 6
    assert review_day({DAY_KEY: True}) == 6
    assert review_day({DAY_KEY: 3}) == 3


def test_week_words_say_the_year_once_unless_the_week_spans_two() -> None:
    assert week_words(date(2026, 11, 30)) == "30 November – 6 December 2026"
    assert week_words(date(2026, 12, 28)) == "28 December 2026 – 3 January 2027"


def test_a_year_of_weeks_can_be_opened() -> None:
    assert earliest_week(WEDNESDAY) == date(2025, 12, 1)
