"""Years of made-up scale results for the demo account and the benchmarks.

WHO-5 every two weeks, PSS-4 and the loneliness scale every month, following a
slowly wandering "how things are going" so the trends look like a life, with a
hard stretch now and then. Rows are sealed directly and written with
bulk_create: ten years (about 500 results) take well under a second.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from nearer.accounts.models import User
from nearer.accounts.services import preferences_get, preferences_update
from nearer.scales.content import ResultContent, content_seal
from nearer.scales.instruments import PSS4, UCLA3, WHO5, Scale
from nearer.scales.models import ScaleResult
from nearer.scales.schedule import PREFS_KEY, state_of
from nearer.scales.scoring import score
from nearer.scales.summary import summary_rebuild
from nearer.vault.box import Vault


def _mood(day_number: int, rng: random.Random) -> float:
    """Return how well things go on a day, from 0 (hard) to 1 (good)."""
    seasons = 0.12 * math.sin(day_number / 365 * 2 * math.pi)
    drift = 0.1 * math.sin(day_number / 900 * 2 * math.pi + 1.3)
    return min(max(0.62 + seasons + drift + rng.gauss(0, 0.12), 0.0), 1.0)


def _answers(scale: Scale, mood: float, rng: random.Random) -> list[int]:
    """Return answers a person in this mood might give (reversed items reversed)."""
    low, high = scale.bottom_value, scale.top_value
    good_means_high = scale.key == WHO5.key
    answers = []
    for item in scale.items:
        lean = mood if good_means_high != item.reverse else 1 - mood
        value = round(low + (high - low) * lean + rng.gauss(0, 0.6))
        answers.append(min(max(value, low), high))
    return answers


# The demo's planted effect: loneliness answers lean lonelier after a quiet month
# (fewer moments in the 30 days before than the demo's usual), by up to this much
# of the answers' range, and less lonely after a full one.
LONELY_AFTER_QUIET = 0.2


def _moments_before(moments_by_day: Mapping[date, int], day: date, days: int = 30) -> int:
    return sum(moments_by_day.get(day - timedelta(days=back), 0) for back in range(1, days + 1))


@transaction.atomic
def build_scales(
    user: User,
    vault: Vault,
    *,
    years: int = 10,
    today: date | None = None,
    moments_by_day: Mapping[date, int] | None = None,
    seed: int = 5,
) -> int:
    """Create ``years`` of results for ``user`` ending yesterday; return how many.

    WHO-5 every 14 days, PSS-4 and UCLA 3-item every 30 (a few days apart), and the
    "last taken" dates in the sealed preferences and the summary of scores set once
    at the end. With ``moments_by_day`` (moments per day), loneliness follows the
    month's moments a little (``LONELY_AFTER_QUIET``).
    """
    rng = random.Random(seed)  # noqa: S311 - made-up demo data, not secrets
    end = today or timezone.localdate()
    start = end - timedelta(days=365 * years)
    plan: list[tuple[date, Scale]] = []
    for offset in range(0, (end - start).days, 14):
        plan.append((start + timedelta(days=offset), WHO5))
    for offset in range(3, (end - start).days, 30):
        plan.append((start + timedelta(days=offset), PSS4))
        plan.append((start + timedelta(days=offset + 1), UCLA3))
    plan.sort(key=lambda step: step[0])
    zone = timezone.get_current_timezone()
    rows: list[ScaleResult] = []
    last: dict[str, date] = {}
    counts = moments_by_day or {}
    loneliness_days = [day for day, scale in plan if scale is UCLA3 and day < end]
    before = {day: _moments_before(counts, day) for day in loneliness_days} if counts else {}
    usual = sum(before.values()) / len(before) if before else 0.0
    for day, scale in plan:
        if day >= end:
            continue
        mood = _mood((day - start).days, rng)
        if scale is UCLA3 and usual > 0:
            # Fewer moments than usual: a lower "mood" here means lonelier answers.
            quiet = min(max(1 - before[day] / usual, -1.0), 1.0)
            mood = min(max(mood - LONELY_AFTER_QUIET * quiet, 0.0), 1.0)
        answers = _answers(scale, mood, rng)
        content = ResultContent(scale=scale, answers=tuple(answers), total=score(scale, answers))
        at = datetime.combine(day, time(20, rng.randrange(60)), tzinfo=zone)
        row = ScaleResult(owner=user, taken_at=at, taken_on=day)
        row.content = content_seal(vault, row.id, content)
        rows.append(row)
        last[scale.key] = day
    ScaleResult.objects.bulk_create(rows, batch_size=500)
    # bulk_create skips the services, so the summary of scores is made from the rows.
    summary_rebuild(user=user, vault=vault)
    state = state_of(preferences_get(user=user, vault=vault))
    for key, day in last.items():
        if key not in state.last or state.last[key] < day:
            state.last[key] = day
    preferences_update(user=user, vault=vault, **{PREFS_KEY: state.as_prefs()})
    return len(rows)
