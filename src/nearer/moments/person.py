"""What moments adds to a person's page: their latest moments and a quick log form."""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

from nearer.accounts.models import User
from nearer.lib.urls import url_for
from nearer.moments.forms import HowForm
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
    latest, total = moments_with(
        user=user,
        vault=vault,
        person_id=person.id,
        limit=LATEST,
        name=person.display_name,
        known_theirs=True,
    )
    days = None if person.last_moment_on is None else (today - person.last_moment_on).days
    person_id = str(person.id)
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
        "moments_can_log": not person.archived,
        "moments_quick_url": url_for("moments:quick"),
        "moments_new_url": f"{url_for('moments:new')}?person={person_id}",
        "moments_all_url": f"{url_for('moments:index')}?person={person_id}",
        "moments_latest_words": latest_words,
        "moments_today_iso": today.isoformat(),
        "moments_how_choices": _how_choices(),
    }


@functools.lru_cache(maxsize=1)
def _how_choices() -> str:
    """The quick log's "how" radio buttons (Django's RadioSelect as pills): the same on
    every person's page, so drawn once per process."""
    return HowForm(auto_id="person-%s")["how"].as_widget()
