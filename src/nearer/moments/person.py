"""What moments adds to a person's page: their latest moments and a quick log form."""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString, mark_safe

from nearer.accounts.models import User
from nearer.journal.rows import escape
from nearer.moments.content import HOWS
from nearer.moments.nudges import since_words
from nearer.moments.rows import moment_rows
from nearer.moments.selectors import moments_with
from nearer.people.selectors import PersonView
from nearer.vault.box import Vault

LATEST = 5  # a short list keeps the dates and closeness on the first screens of a phone


def person_context(*, user: User, vault: Vault, person: PersonView, today: date) -> dict[str, Any]:
    """Return the template context of "moments/_person_moments.html" (names prefixed moments_).

    ``person`` must already be known to be ``user``'s (the person page's selector
    checked it). Only their latest ``LATEST`` moments are opened.
    """
    latest, total = moments_with(user=user, vault=vault, person_id=person.id, limit=LATEST,
                                 name=person.display_name, known_theirs=True)
    days = None if person.last_moment_on is None else (today - person.last_moment_on).days
    person_id = str(person.id)
    urls = _urls(get_urlconf(), get_script_prefix())
    since = since_words(days)
    if since == "never yet":
        latest_words = "none yet"
    elif since in ("today", "yesterday"):
        latest_words = since
    else:
        latest_words = f"{since} ago"
    return {
        "moments_person_id": person_id,
        "moments_latest": latest,
        "moments_rows": moment_rows(latest, leave_out=str(person.id)),
        "moments_total": total,
        "moments_more": max(total - len(latest), 0),
        "moments_since": since_words(days),
        "moments_hows": HOWS,
        "moments_today": today,
        "moments_can_log": not person.archived,
        "moments_quick_url": urls[0],
        "moments_new_url": f"{urls[1]}?person={person_id}",
        "moments_all_url": f"{urls[2]}?person={person_id}",
        "moments_latest_words": latest_words,
        "moments_today_iso": today.isoformat(),
        "moments_how_choices": _how_choices(),
    }


@functools.lru_cache(maxsize=8)
def _urls(urlconf: str | None, prefix: str) -> tuple[str, str, str]:
    # Reversed once per process: a person's page is benchmarked.
    return (reverse("moments:quick", urlconf=urlconf), reverse("moments:new", urlconf=urlconf),
            reverse("moments:index", urlconf=urlconf))


@functools.lru_cache(maxsize=1)
def _how_choices() -> SafeString:
    """The quick log's "how" radio buttons: the same on every person's page, built once."""
    return mark_safe("".join(  # noqa: S308 - our own words, escaped
        f'<label class="choice" for="person-how-{escape(key)}"><input type="radio" name="how" '
        f'value="{escape(key)}" id="person-how-{escape(key)}" required><span>{escape(label)}'
        "</span></label>"
        for key, label in HOWS
    ))
