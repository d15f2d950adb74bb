"""What moments adds to the Today page: who to connect with, and dates coming up.

Cheap by design (Today is benchmarked with 300 people and 20,000 moments): the one
sealed people index is opened, one plain query reads everyone's clear dates, and
only the important dates in the next 14 days are opened. Moments themselves are
never read here: ``Person.last_moment_on`` already holds each clock.

At most ``HANDFUL`` items are shown, in a calm order: overdue, due, soon, then
dates. Up to ``DATES_KEPT`` upcoming dates always keep a place, so a birthday
tomorrow is never pushed out by a long list of nudges.
"""

from __future__ import annotations

import uuid
import zoneinfo
from datetime import date
from typing import Any

from django.urls import reverse

from nearer.accounts.models import User
from nearer.moments.forms import SNOOZE_CHOICES
from nearer.moments.links import person_link
from nearer.moments.nudges import clocks_for, nudges_top
from nearer.people.selectors import dates_upcoming, people_index
from nearer.vault.box import Vault

HANDFUL = 5
DATES_KEPT = 2
DATE_DAYS = 14
_PLACEHOLDER = str(uuid.UUID(int=0))


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


def today_context(
    *, user: User, vault: Vault, today: date, prefs: dict[str, Any]
) -> dict[str, Any]:
    """Return the template context of "moments/_today.html" (names prefixed moments_)."""
    people = people_index(user=user, vault=vault)
    if not people:
        return {"moments_has_people": False}
    clocks = clocks_for(user=user, zone=_zone(prefs))
    dates = dates_upcoming(user=user, vault=vault, today=today, days=DATE_DAYS, people=people)
    room = HANDFUL - min(len(dates), DATES_KEPT)
    shown, total = nudges_top(people=people, clocks=clocks, today=today, limit=room)
    shown_dates = dates[: HANDFUL - len(shown)]
    quick = reverse("moments:quick")
    snooze = reverse("moments:snooze", kwargs={"person_id": _PLACEHOLDER})
    link = person_link()
    return {
        "moments_has_people": True,
        "moments_nudges": [
            {
                "nudge": nudge,
                "quick_url": f"{quick}?person={nudge.person_id}&next=/",
                "snooze_url": snooze.replace(_PLACEHOLDER, nudge.person_id),
                "person_url": link(nudge.person_id),
            }
            for nudge in shown
        ],
        "moments_more": total - len(shown),
        "moments_dates": [
            {"date": upcoming, "when": _when(upcoming.days_away),
             "person_url": link(str(upcoming.person_id))}
            for upcoming in shown_dates
        ],
        "moments_more_dates": len(dates) - len(shown_dates),
        "moments_snooze_days": SNOOZE_CHOICES[0][0],
        "moments_snooze_words": SNOOZE_CHOICES[0][1],
    }
