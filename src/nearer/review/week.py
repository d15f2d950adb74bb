"""Weeks and the review's preferences.

A week is Monday to Sunday on the person's own clock (the time zone in their
preferences, as ``lib.clock`` reads it). The review looks at the week that holds
the day it is opened, so far; earlier weeks can be opened by their Monday.

The preferences (sealed with the rest) hold two keys: ``review_weekly`` (True when
the person opted in; off by default) and ``review_day`` (0 = Monday … 6 = Sunday).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from nearer.lib.dates import DAY_NAMES, MONTH_NAMES

ENABLED_KEY = "review_weekly"
DAY_KEY = "review_day"
DEFAULT_DAY = 6  # Sunday: the whole week is behind you
# How far back a past week can be opened: a year of Mondays is plenty to look back on,
# and it bounds the date a person can type into the address.
WEEKS_BACK = 52


def week_start(day: date) -> date:
    """Return the Monday of the week (Monday–Sunday) that holds ``day``."""
    return day - timedelta(days=day.weekday())


def week_end(start: date) -> date:
    """Return the Sunday of the week that starts on ``start``."""
    return start + timedelta(days=6)


def review_enabled(prefs: Mapping[str, object]) -> bool:
    """Return True when the person opted in to the weekly review."""
    return prefs.get(ENABLED_KEY) is True


def review_day(prefs: Mapping[str, object]) -> int:
    """Return the weekday (0 = Monday) the person picked, Sunday when unset or odd."""
    value = prefs.get(DAY_KEY)
    if type(value) is int and 0 <= value <= 6:
        return value
    return DEFAULT_DAY


def offered_on(prefs: Mapping[str, object], today: date) -> bool:
    """Return True when Today may offer this week's review: opted in, and the picked
    day has come this week (it stays offered until Sunday, unless done or dismissed)."""
    return review_enabled(prefs) and today.weekday() >= review_day(prefs)


def day_name(weekday: int) -> str:
    return DAY_NAMES[weekday]


def week_words(start: date) -> str:
    """Return e.g. "30 November – 6 December 2026" (the year once when both share it)."""
    end = week_end(start)
    first = f"{start.day} {MONTH_NAMES[start.month - 1]}"
    if start.year != end.year:
        first += f" {start.year}"
    return f"{first} – {end.day} {MONTH_NAMES[end.month - 1]} {end.year}"


def earliest_week(today: date) -> date:
    """Return the Monday of the oldest week that may be opened."""
    return week_start(today) - timedelta(weeks=WEEKS_BACK)
