"""What moments adds to the Today page: who to connect with, and dates coming up.

Cheap by design (Today is benchmarked with 300 people and 20,000 moments): the one
sealed people index is opened, one plain query reads everyone's clear dates, and
only the important dates in the next 14 days are opened. Moments themselves are
never read here: ``Person.last_moment_on`` already holds each clock.

At most ``HANDFUL`` items are shown, in a calm order: overdue, due, soon, then
dates. Up to ``DATES_KEPT`` upcoming dates always keep a place, so a birthday
tomorrow is never pushed out by a long list of nudges.

The card is a template, ``moments/_people_card.html`` (with ``_nudges_due.html``
and ``_upcoming_dates.html``), included by Today's page.
"""

from __future__ import annotations

import zoneinfo
from datetime import date
from typing import Any

from nearer.accounts.models import User
from nearer.lib.dates import DAY_NAMES, MONTH_ABBREVIATIONS
from nearer.lib.urls import UrlPattern, url_for
from nearer.moments.forms import SNOOZE_CHOICES
from nearer.moments.nudges import nudges_today
from nearer.people.selectors import dates_upcoming_lazy, people_rows
from nearer.vault.box import Vault

HANDFUL = 5
DATES_KEPT = 2
DATE_DAYS = 14


def _zone(prefs: dict[str, Any]) -> zoneinfo.ZoneInfo | None:
    zone = prefs.get("time_zone")
    if isinstance(zone, str) and zone:
        try:
            return zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None
    return None


def _when(days_away: int) -> str:
    if days_away == 0:
        return "today"
    if days_away == 1:
        return "tomorrow"
    return f"in {days_away} days"


def _day(day: date) -> str:
    # As the date filter's "D j M" would give: "Thu 26 Nov".
    return f"{DAY_NAMES[day.weekday()][:3]} {day.day} {MONTH_ABBREVIATIONS[day.month - 1]}"


def today_context(
    *, user: User, vault: Vault, today: date, prefs: dict[str, Any]
) -> dict[str, Any]:
    """Return the template context of "moments/_people_card.html" (names prefixed moments_)."""
    links = {
        "moments_people_url": url_for("people:index"),
        "moments_drifting_url": url_for("moments:drifting"),
        "moments_quick_url": url_for("moments:quick"),
    }
    # Summaries are made only for the handful of names shown.
    people = people_rows(user=user, vault=vault)
    if not people:
        return {"moments_has_people": False, **links}
    # Only the dates shown are opened; the rest are counted.
    dates = dates_upcoming_lazy(user=user, vault=vault, today=today, days=DATE_DAYS, people=people)
    room = HANDFUL - min(len(dates), DATES_KEPT)
    shown, total = nudges_today(
        user=user, people=people, today=today, limit=room, zone=_zone(prefs)
    )
    shown_dates = dates[: HANDFUL - len(shown)]
    quick = links["moments_quick_url"]
    snooze = UrlPattern("moments:snooze", "person_id")
    person = UrlPattern("people:person", "person_id")
    return {
        "moments_has_people": True,
        **links,
        "moments_nudges": [
            {
                "nudge": nudge,
                "since": nudge.since[:1].upper() + nudge.since[1:],
                "quick_url": f"{quick}?person={nudge.person_id}&next=/",
                "snooze_url": snooze(nudge.person_id),
                "person_url": person(nudge.person_id),
            }
            for nudge in shown
        ],
        "moments_more": total - len(shown),
        "moments_dates": [
            {
                "date": upcoming,
                "when": _when(upcoming.days_away),
                "day": _day(upcoming.on),
                "person_url": person(upcoming.person_id),
            }
            for upcoming in shown_dates
        ],
        "moments_more_dates": len(dates) - len(shown_dates),
        "moments_snooze_days": SNOOZE_CHOICES[0][0],
        "moments_snooze_words": SNOOZE_CHOICES[0][1],
    }
