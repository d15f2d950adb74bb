"""Ten years of made-up check-ins for the demo account and the benchmarks.

Fast on purpose (about 7,000 rows): values are sealed directly and rows are
written with bulk_create, skipping the services' per-row checks; every value
comes from our own lists, so it is valid by construction.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from nearer.accounts.models import User
from nearer.checkins.content import (
    EMOTIONS,
    SCALE_MAX,
    SCALE_MIN,
    CheckInContent,
    content_seal,
    quadrants_for,
)
from nearer.checkins.models import CheckIn
from nearer.lib.owner import check_vault
from nearer.vault.box import Vault

# How many check-ins a day, and how likely each is (about two a day on average).
_PER_DAY = (0, 1, 2, 3)
_PER_DAY_WEIGHTS = (0.08, 0.17, 0.4, 0.35)
# Rough times of day: morning, afternoon, evening.
_HOURS = ((7, 10), (12, 16), (18, 22))
_TAGS = (
    "sleep",
    "work",
    "a walk",
    "family",
    "exercise",
    "rain",
    "music",
    "cooking",
    "friends",
    "deadline",
    "reading",
    "the garden",
    "a long call",
    "weekend",
)
_NOTES = (
    "Better after talking it through.",
    "Slow start, kinder afternoon.",
    "Too much on the list today.",
    "We laughed about the old flat.",
    "Quiet evening, early night.",
    "Missed everyone a little today.",
)
BATCH = 1000


def _clamp(value: float) -> int:
    return max(SCALE_MIN, min(SCALE_MAX, round(value)))


def _days(rng: random.Random, start: date, end: date) -> Iterator[date]:
    """Yield the days with check-ins: most days, with now and then a gap of one to three weeks."""
    day = start
    while day <= end:
        if rng.random() < 0.004:
            day += timedelta(days=rng.randint(7, 21))
            continue
        yield day
        day += timedelta(days=1)


# The demo's planted effect: the day after a day with a moment together is a
# little more pleasant (0.4 of a step on the five-step scale, about a third of
# the spread of single check-ins): modest, and enough over years of days for the
# Insights page to find it.
LIFT_AFTER_MOMENT = 0.4


def generate_checkins(
    rng: random.Random,
    *,
    start: date,
    end: date,
    zone: tzinfo,
    people: Sequence[str] = (),
    moment_days: Collection[date] = frozenset(),
) -> Iterator[tuple[datetime, CheckInContent]]:
    """Yield (local moment, content) for each made-up check-in between start and end;
    pleasantness is lifted by ``LIFT_AFTER_MOMENT`` the day after one of ``moment_days``."""
    mood = 0.5
    for day in _days(rng, start, end):
        # A slowly wandering mood, so months differ, with weekends a touch brighter.
        mood = 0.9 * mood + 0.1 * rng.gauss(0.6, 1.2)
        count = rng.choices(_PER_DAY, _PER_DAY_WEIGHTS)[0]
        slots = sorted(rng.sample(range(len(_HOURS)), count))
        for slot in slots:
            low, high = _HOURS[slot]
            moment = datetime.combine(
                day, time(rng.randint(low, high - 1), rng.randint(0, 59)), tzinfo=zone
            )
            weekend = 0.3 if day.weekday() >= 5 else 0.0
            lift = LIFT_AFTER_MOMENT if day - timedelta(days=1) in moment_days else 0.0
            pleasantness = _clamp(mood + weekend + lift + rng.gauss(0, 1))
            energy = _clamp((0.6 if slot == 0 else -0.6 if slot == 2 else 0.2) + rng.gauss(0, 1))
            fitting = {q.key for q in quadrants_for(pleasantness, energy)}
            emotion = rng.choice([e for e in EMOTIONS if e.quadrant in fitting])
            with_people = (
                tuple(rng.sample(list(people), k=min(len(people), rng.randint(1, 2))))
                if people and rng.random() < 0.3
                else ()
            )
            tags = tuple(rng.sample(_TAGS, k=rng.choice((0, 0, 1, 1, 2))))
            note = rng.choice(_NOTES) if rng.random() < 0.15 else ""
            yield (
                moment,
                CheckInContent(
                    pleasantness,
                    energy,
                    emotion.key,
                    with_people,
                    tags,
                    note,
                    moment.strftime("%H:%M"),
                ),
            )


def build_checkins(
    user: User,
    vault: Vault,
    *,
    years: int = 10,
    today: date | None = None,
    zone: tzinfo = UTC,
    people: Sequence[str] = (),
    moment_days: Collection[date] = frozenset(),
    seed: int = 4,
) -> int:
    """Create about 700 check-ins a year for ``years`` years up to ``today``; return how many.

    ``people`` are ids (strings) of the user's own people, named now and then as
    having contributed; the day after one of ``moment_days`` is a little more pleasant
    (``LIFT_AFTER_MOMENT``). Call inside a transaction for speed on SQLite.
    """
    check_vault(user, vault)
    rng = random.Random(seed)  # noqa: S311 - made-up demo data, repeatable on purpose
    end = today or datetime.now(zone).date()
    start = end - timedelta(days=round(365.25 * years))
    rows: list[CheckIn] = []
    total = 0
    now = datetime.now(zone)
    for moment, content in generate_checkins(
        rng, start=start, end=end, zone=zone, people=people, moment_days=moment_days
    ):
        if moment > now:
            continue  # nobody has checked in later today yet
        row = CheckIn(owner=user, at=moment.astimezone(UTC), local_date=moment.date())
        row.content = content_seal(vault, row.id, content)
        rows.append(row)
        if len(rows) >= BATCH:
            CheckIn.objects.bulk_create(rows)
            total += len(rows)
            rows = []
    CheckIn.objects.bulk_create(rows)
    return total + len(rows)
