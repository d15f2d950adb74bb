"""What moments adds to a person's page: their latest moments and a quick log form."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse

from nearer.accounts.models import User
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
                                 name=person.display_name)
    days = None if person.last_moment_on is None else (today - person.last_moment_on).days
    person_id = str(person.id)
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
        "moments_quick_url": reverse("moments:quick"),
        "moments_new_url": f"{reverse('moments:new')}?person={person_id}",
    }
