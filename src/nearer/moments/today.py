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

import functools
import uuid
import zoneinfo
from collections.abc import Mapping
from datetime import date
from typing import Any, NamedTuple

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString, mark_safe

from nearer.accounts.models import User
from nearer.journal.rows import DAY_NAMES, MONTH_NAMES, escape
from nearer.moments.forms import SNOOZE_CHOICES
from nearer.moments.links import person_link
from nearer.moments.nudges import Nudge, nudges_today
from nearer.people.selectors import UpcomingDate, dates_upcoming_lazy, people_rows
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


class _Urls(NamedTuple):
    quick: str
    snooze: str  # with the placeholder id
    person: str  # with the placeholder id
    people: str
    drifting: str


@functools.lru_cache(maxsize=8)
def _urls(urlconf: str | None, prefix: str) -> _Urls:
    # Worked out once per process (per URLconf and script prefix): a reverse() costs
    # more than building a whole nudge, and Today shows a few on every visit.
    placeholder = {"person_id": _PLACEHOLDER}
    return _Urls(
        quick=reverse("moments:quick", urlconf=urlconf),
        snooze=reverse("moments:snooze", kwargs=placeholder, urlconf=urlconf),
        person=person_link()(_PLACEHOLDER),
        people=reverse("people:index", urlconf=urlconf),
        drifting=reverse("moments:drifting", urlconf=urlconf),
    )


def today_context(
    *, user: User, vault: Vault, today: date, prefs: dict[str, Any]
) -> dict[str, Any]:
    """Return the template context of "moments/_today.html" (names prefixed moments_)."""
    # Summaries are made only for the handful of names shown.
    people = people_rows(user=user, vault=vault)
    if not people:
        return {"moments_has_people": False}
    # Only the dates shown are opened; the rest are counted.
    dates = dates_upcoming_lazy(user=user, vault=vault, today=today, days=DATE_DAYS,
                                people=people)
    room = HANDFUL - min(len(dates), DATES_KEPT)
    shown, total = nudges_today(user=user, people=people, today=today, limit=room,
                                zone=_zone(prefs))
    shown_dates = dates[: HANDFUL - len(shown)]
    urls = _urls(get_urlconf(), get_script_prefix())
    quick, snooze, person = urls.quick, urls.snooze, urls.person

    def link(person_id: str) -> str:
        return person.replace(_PLACEHOLDER, person_id)

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


def _day(day: date) -> str:
    # As the date filter's "D j M" would give: "Thu 26 Nov".
    return f"{DAY_NAMES[day.weekday()][:3]} {day.day} {MONTH_NAMES[day.month - 1][:3]}"


def today_html(context: Mapping[str, Any], *, csrf_token: str) -> SafeString:
    """Return Today's people part (a <section>) for ``today_context``'s ``context``.

    Built in Python like ``journal/rows.py``: through the template engine this one
    card cost as much as everything else on Today together. Every value placed in
    the HTML is escaped. ``csrf_token`` is the request's token for the snooze forms.
    """
    urls = _urls(get_urlconf(), get_script_prefix())
    html = ['<section class="card today-people" aria-labelledby="today-people-heading">'
            '<h2 id="today-people-heading">People</h2>']
    if not context.get("moments_has_people"):
        html.append(
            "<p>Add the people who matter to you, and Nearer will gently say when it's been "
            f'a while.</p><p><a class="button button-quiet" href="{escape(urls.people)}">'
            "Add someone</a></p></section>"
        )
        return mark_safe("".join(html))  # noqa: S308 - our own words and escaped URLs
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'
    days = escape(str(context["moments_snooze_days"]))
    quiet = escape(str(context["moments_snooze_words"]))
    items = context["moments_nudges"]
    if items:
        html.append('<ul class="plain-list nudge-list">')
        for item in items:
            nudge: Nudge = item["nudge"]
            name = escape(nudge.name)
            since = nudge.since
            html.append(
                f'<li class="nudge"><p class="nudge-head"><a class="nudge-name" '
                f'href="{escape(item["person_url"])}">{name}</a> '
                f'<span class="nudge-status status-{escape(nudge.status)}"><span '
                f'class="status-mark" aria-hidden="true"></span>{escape(nudge.status_words)}'
                f'</span></p><p class="nudge-why small muted">'
                f"{escape(since[:1].upper() + since[1:])} · {escape(nudge.explained)}</p>"
                f'<div class="nudge-actions"><a class="button" href="{escape(item["quick_url"])}">'
                f'Log a moment<span class="visually-hidden"> with {name}</span></a> '
                f'<form method="post" action="{escape(item["snooze_url"])}" class="inline-form">'
                f'{csrf}<input type="hidden" name="days" value="{days}">'
                '<input type="hidden" name="next" value="/"> '
                f'<button type="submit" class="button-quiet">Quiet for {quiet}<span '
                f'class="visually-hidden"> ({name})</span></button></form></div></li>'
            )
        html.append("</ul>")
        more = context["moments_more"]
        if more:
            html.append(f'<p class="small muted">And {more} more waiting, kept for another '
                        "day.</p>")
    else:
        html.append('<p class="muted">No one is due for a moment right now.</p>')
    dates = context["moments_dates"]
    if dates:
        html.append('<h3>Coming up</h3><ul class="plain-list date-list">')
        for item in dates:
            upcoming: UpcomingDate = item["date"]
            years = f" ({upcoming.years})" if upcoming.years else ""
            html.append(
                '<li class="upcoming-date"><span class="date-mark" aria-hidden="true"></span>'
                f'<a href="{escape(item["person_url"])}">{escape(upcoming.person_name)}</a>: '
                f"{escape(upcoming.title)}{years}, <strong>{escape(item['when'])}</strong> "
                f'<span class="muted small">{_day(upcoming.on)}</span></li>'
            )
        html.append("</ul>")
        more_dates = context["moments_more_dates"]
        if more_dates:
            html.append(f'<p class="small muted">And {more_dates} more in the next two '
                        "weeks.</p>")
    html.append(
        f'<p class="today-people-links"><a href="{escape(urls.drifting)}">See everyone</a> · '
        f'<a href="{escape(urls.quick)}?next=/">Log a moment</a></p></section>'
    )
    return mark_safe("".join(html))  # noqa: S308 - every value above is escaped
