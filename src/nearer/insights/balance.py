"""Balance of intimacy kinds: the last 90 days against the year before, as shares.

A moment may be marked with several kinds of intimacy (emotional, physical, …).
The balance counts the marks: a kind's share is its marks over all marks of the
period, so the shares of a period add up to 100% and a busy quarter does not
look "more balanced" than a quiet one. Moments without a kind are counted apart.

No moment is opened: the moments services keep the kinds counted by day
(``moments.kinds_by_day``), and the 455 days shown are summed from it. The
sentences compare shares, never judge them: a kind that is less present is said
plainly, with the counts behind it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from nearer.accounts.models import User
from nearer.moments.content import KINDS
from nearer.moments.kinds_by_day import (
    FIRST_KIND,
    KIND_KEYS,
    MOMENTS,
    UNMARKED,
    UNREADABLE,
    KindsByDay,
    kinds_read,
    moved,
)
from nearer.vault.box import Vault

RECENT_DAYS = 90
BEFORE_DAYS = 365
# A share that moved by fewer points than this is "about the same": with a few
# dozen marks a move of a few points is one moment more or less.
NOTABLE_POINTS = 10


@dataclass(frozen=True, slots=True)
class KindShare:
    """One kind's marks and share (0 to 1; None without any marks) in each period."""

    key: str
    label: str
    recent: int
    before: int
    recent_share: float | None
    before_share: float | None

    @property
    def moved_points(self) -> int | None:
        """The change of share in whole percentage points, or None without both shares."""
        if self.recent_share is None or self.before_share is None:
            return None
        return round(100 * self.recent_share) - round(100 * self.before_share)


@dataclass(frozen=True, slots=True)
class Periods:
    recent_start: date
    recent_end: date
    before_start: date
    before_end: date


@dataclass(frozen=True, slots=True)
class Balance:
    periods: Periods
    kinds: tuple[KindShare, ...]
    recent_moments: int
    before_moments: int
    recent_unmarked: int
    before_unmarked: int
    unreadable: int

    @property
    def recent_marks(self) -> int:
        return sum(kind.recent for kind in self.kinds)

    @property
    def before_marks(self) -> int:
        return sum(kind.before for kind in self.kinds)


def periods_for(today: date) -> Periods:
    """The last 90 days counting today, and the 365 days just before them."""
    recent_start = today - timedelta(days=RECENT_DAYS - 1)
    before_end = recent_start - timedelta(days=1)
    return Periods(
        recent_start=recent_start,
        recent_end=today,
        before_start=before_end - timedelta(days=BEFORE_DAYS - 1),
        before_end=before_end,
    )


def balance_of(
    moments: Iterable[tuple[date, Iterable[str]]], *, today: date, unreadable: int = 0
) -> Balance:
    """Return the balance of ``(day, kinds)`` moments; days outside both periods are ignored."""
    value = KindsByDay(days={})
    for day, kinds in moments:
        value = moved(value, day, (kinds, ""), 1)
    return balance_of_days(value, today=today, unreadable=unreadable)


def balance_of_days(value: KindsByDay, *, today: date, unreadable: int = 0) -> Balance:
    """Return the balance of the moments counted by day in ``value`` (moments.kinds)."""
    periods = periods_for(today)
    keys = [key for key, _ in KINDS]
    marks = {"recent": dict.fromkeys(keys, 0), "before": dict.fromkeys(keys, 0)}
    counts = {"recent": 0, "before": 0, "recent_unmarked": 0, "before_unmarked": 0}
    for side, first, last in (
        ("recent", periods.recent_start, periods.recent_end),
        ("before", periods.before_start, periods.before_end),
    ):
        for _day, day_counts in value.between(first, last):
            counts[side] += day_counts[MOMENTS] - day_counts[UNREADABLE]
            counts[f"{side}_unmarked"] += day_counts[UNMARKED]
            unreadable += day_counts[UNREADABLE]
            for position, key in enumerate(KIND_KEYS):
                if key in marks[side]:
                    marks[side][key] += day_counts[FIRST_KIND + position]
    recent, before = marks["recent"], marks["before"]
    recent_total, before_total = sum(recent.values()), sum(before.values())
    shares = tuple(
        KindShare(
            key=key,
            label=label,
            recent=recent[key],
            before=before[key],
            recent_share=recent[key] / recent_total if recent_total else None,
            before_share=before[key] / before_total if before_total else None,
        )
        for key, label in KINDS
    )
    return Balance(
        periods=periods,
        kinds=shares,
        recent_moments=counts["recent"],
        before_moments=counts["before"],
        recent_unmarked=counts["recent_unmarked"],
        before_unmarked=counts["before_unmarked"],
        unreadable=unreadable,
    )


def balance_for(*, user: User, vault: Vault, today: date) -> Balance:
    """Return ``user``'s balance as of ``today``, from the kinds counted by day (no moment
    is opened: moments.kinds is kept by the moments services)."""
    return balance_of_days(kinds_read(user=user, vault=vault), today=today)


def percent(share: float | None) -> str:
    """A share in whole percent ("35%"), or a dash without any marks."""
    return "–" if share is None else f"{round(100 * share)}%"


def balance_sentences(balance: Balance) -> list[str]:
    """Plain sentences about what changed, with the counts behind them; never a verdict."""
    if balance.recent_marks == 0 and balance.before_marks == 0:
        return []
    if balance.recent_marks == 0:
        return [
            "In the last 90 days no moment was marked with a kind of closeness, so there "
            "is nothing to compare with the year before yet."
        ]
    if balance.before_marks == 0:
        return [
            "The year before the last 90 days has no moments marked with a kind, so the "
            "shares below stand on their own for now."
        ]
    sentences = []
    for kind in balance.kinds:
        moved = kind.moved_points
        if moved is None or abs(moved) < NOTABLE_POINTS:
            continue
        more = "more" if moved > 0 else "less"
        sentences.append(
            f"{kind.label} closeness was {more} of the mix lately: "
            f"{percent(kind.recent_share)} of what you marked in the last 90 days "
            f"({kind.recent} of {balance.recent_marks}), against "
            f"{percent(kind.before_share)} in the year before "
            f"({kind.before} of {balance.before_marks})."
        )
    if not sentences:
        sentences.append(
            "The mix of kinds of closeness in the last 90 days is much like the year "
            f"before: no kind moved by {NOTABLE_POINTS} points or more."
        )
    return sentences
