"""What the weekly review adds to the Today page: its offer, on the person's day.

Cheap by design: the already opened preferences say whether it is the day, and
only then one indexed query asks whether this week is done or set aside (nothing
is opened).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from nearer.accounts.models import User
from nearer.lib.urls import url_for
from nearer.review.selectors import review_pending
from nearer.review.week import offered_on, week_start
from nearer.vault.box import Vault


def today_context(
    *, user: User, vault: Vault, today: date, prefs: dict[str, Any]
) -> dict[str, Any]:
    """Return the template context of "review/_today.html" (names prefixed review_)."""
    start = week_start(today)
    if not offered_on(prefs, today) or not review_pending(user=user, start=start):
        return {"review_offered": False}
    return {
        "review_offered": True,
        "review_url": url_for("review:index"),
        "review_dismiss_url": url_for("review:dismiss"),
        "review_week": start.isoformat(),
    }
