"""What check-ins add to the Today page: the quick check-in card.

Cheap by design: the grid and its words are HTML built once per process, and one query
reads today's check-ins, of which only the latest is opened.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse

from nearer.accounts.models import User
from nearer.checkins.rows import day_url, feeling_fields, step_one_words
from nearer.checkins.selectors import today_summary
from nearer.vault.box import Vault


def today_context(
    *, user: User, vault: Vault, today: date, prefs: dict[str, Any]
) -> dict[str, Any]:
    """Return the template context of this app's part of Today (names prefixed checkins_)."""
    count, last = today_summary(user=user, vault=vault, today=today)
    return {
        "checkins_count": count,
        "checkins_last": last,
        "checkins_day_url": day_url(today),
        "checkins_fields": feeling_fields(),
        "checkins_words": step_one_words(),
        "checkins_new_url": reverse("checkins:new"),
    }
