"""Year in pixels: each day of a year by how pleasant its check-ins felt (their mean).

Check-ins rate pleasantness from −2 to +2. A day's value is the mean of its
check-ins; its level is that mean rounded to the nearest step, halves away from
the middle (a day of +1 and +2 reads "very pleasant" only when its mean is 1.5
or more). Each level has a colour and a shape, so the year reads without colour
too, and the page gives the same days as a table.

Only the check-ins of the year asked for are opened (at most a few a day).
"""

from __future__ import annotations

import calendar
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from nearer.accounts.models import User
from nearer.checkins.content import PLEASANTNESS, content_open
from nearer.checkins.models import CheckIn
from nearer.insights.balance_rows import sealed_rows
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

# Per level: a class suffix, a shape (the pixel's mark) and the words of the scale.
SHAPES: dict[int, str] = {-2: "▼", -1: "▽", 0: "○", 1: "△", 2: "▲"}
LEVEL_CLASSES: dict[int, str] = {-2: "vu", -1: "u", 0: "m", 1: "p", 2: "vp"}
LEVEL_WORDS: dict[int, str] = dict(PLEASANTNESS)


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    mean: float | None
    count: int

    @property
    def level(self) -> int | None:
        return None if self.mean is None else level_of(self.mean)


@dataclass(frozen=True, slots=True)
class Year:
    year: int
    months: tuple[tuple[Day, ...], ...]
    unreadable: int

    @property
    def days_with_checkins(self) -> int:
        return sum(1 for month in self.months for day in month if day.count)

    def level_counts(self) -> dict[int, int]:
        counts = dict.fromkeys(SHAPES, 0)
        for month in self.months:
            for day in month:
                if day.level is not None:
                    counts[day.level] += 1
        return counts


def level_of(mean: float) -> int:
    """The step nearest ``mean``, halves away from the middle: 0.5 → 1, −1.5 → −2."""
    step = math.floor(abs(mean) + 0.5)
    return int(min(step, 2) * (1 if mean >= 0 else -1))


def year_of(year: int, ratings: Iterable[tuple[date, int]], *, unreadable: int = 0) -> Year:
    """Return ``year`` month by month, each day with the mean of its ``(day, rating)``s."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for day, rating in ratings:
        if day.year == year:
            by_day[day].append(rating)
    months = []
    for month in range(1, 13):
        days = []
        for number in range(1, calendar.monthrange(year, month)[1] + 1):
            day = date(year, month, number)
            found = by_day.get(day)
            days.append(Day(day, sum(found) / len(found) if found else None, len(found or ())))
        months.append(tuple(days))
    return Year(year=year, months=tuple(months), unreadable=unreadable)


def years_around(*, user: User, year: int) -> tuple[int | None, int | None]:
    """The nearest year before and after ``year`` with a check-in of ``user`` (or None).

    Two indexed look-ups (owner, day), nothing opened: listing every year with a
    distinct over all check-ins cost a quarter of the page on the ten-year demo.
    """
    mine = CheckIn.objects.filter(owner=user)
    before = (
        mine.filter(local_date__lt=date(year, 1, 1))
        .order_by("-local_date")
        .values_list("local_date", flat=True)
        .first()
    )
    after = (
        mine.filter(local_date__gt=date(year, 12, 31))
        .order_by("local_date")
        .values_list("local_date", flat=True)
        .first()
    )
    return (before.year if before else None, after.year if after else None)


def year_for(*, user: User, vault: Vault, year: int) -> Year:
    """Return ``user``'s year in pixels, opening only that year's check-ins."""
    rows = sealed_rows(
        CheckIn,
        owner_id=user.pk,
        day_field="local_date",
        first=date(year, 1, 1),
        last=date(year, 12, 31),
    )
    ratings = []
    unreadable = 0
    for checkin_id, day, sealed in rows:
        try:
            ratings.append((day, content_open(vault, checkin_id, sealed).pleasantness))
        except SealError:
            unreadable += 1
    return year_of(year, ratings, unreadable=unreadable)
