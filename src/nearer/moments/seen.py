"""Who a person sees most and lately: the order of every people picker.

Read from the links of moments (person and day, both in the clear), nothing opened:
first those with the most moments in the last ``WINDOW_DAYS`` (the latest moment
breaking ties), then anyone else with a moment, the latest first. People never met
in a moment follow in the picker's own order (see ``people.widgets.PeoplePicker``).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Max, Q

from nearer.accounts.models import User
from nearer.moments.models import MomentPerson

WINDOW_DAYS = 90
# More than any picker shows, so the chosen and the archived left out still leave enough.
LIMIT = 40


def people_seen_order(*, user: User, today: date) -> list[str]:
    """Return ids (strings) of ``user``'s people, seen most and lately first (at most LIMIT)."""
    since = today - timedelta(days=WINDOW_DAYS)
    rows = (
        MomentPerson.objects.filter(person__owner=user)
        .values("person")
        .annotate(recent=Count("id", filter=Q(occurred_on__gte=since)), last=Max("occurred_on"))
        .order_by("-recent", "-last")
        .values_list("person", flat=True)[:LIMIT]
    )
    return [str(person_id) for person_id in rows]
