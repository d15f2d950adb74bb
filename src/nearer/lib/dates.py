"""Day and month names and the few date formats Nearer shows, in English.

One home for them: pages, charts and rows all say a date the same way, whatever the
server's locale.
"""

from __future__ import annotations

from datetime import date

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)


def short_date(day: date) -> str:
    """Return e.g. "Wed 25 Nov 2026"."""
    weekday = DAY_NAMES[day.weekday()][:3]
    return f"{weekday} {day.day} {MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"


def long_day(day: date) -> str:
    """Return e.g. "Wednesday 25 November"."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"


def long_date(day: date) -> str:
    """Return e.g. "25 November 2026"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def month_year(year: int, month: int) -> str:
    """Return e.g. "November 2026"."""
    return f"{MONTH_NAMES[month - 1]} {year}"
