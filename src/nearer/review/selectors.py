"""Reads for the weekly review, always scoped to one person and opened with their vault.

A review reads one week (Monday–Sunday, see ``week.py``): that week's moments,
check-ins and scale results, each opened once; names come from the one sealed
people index; the suggestion reads the nudges' clear dates. Anything that will
not open is counted as such and left out, never a crash.
"""

from __future__ import annotations

import zoneinfo
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from uuid import UUID

from nearer.accounts.models import User
from nearer.checkins.content import ENERGY_WORDS, PLEASANTNESS_WORDS
from nearer.checkins.content import content_open as checkin_open
from nearer.checkins.models import CheckIn
from nearer.lib.dates import DAY_NAMES, short_date
from nearer.lib.private import QuietRepr
from nearer.lib.text import fold
from nearer.moments.content import KIND_HELP, KIND_LABELS, KINDS, MomentContent
from nearer.moments.content import content_open as moment_open
from nearer.moments.models import Moment, MomentPerson
from nearer.moments.nudges import nudges_today
from nearer.people.index import PersonSummary
from nearer.people.selectors import people_rows
from nearer.review.content import ReviewState, state_open
from nearer.review.models import WeekReview
from nearer.review.questions import Question, question_for
from nearer.review.week import week_end
from nearer.scales.content import content_open as result_open
from nearer.scales.models import ScaleResult
from nearer.scales.scoring import reading, shown_range, shown_score
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

# A week with more moments than this shows the first ones and says how many more:
# the page stays short, and the counts above it still count them all.
MOMENTS_SHOWN = 40
UNKNOWN_PERSON = "(someone no longer listed)"
# Circles whose people a suggestion may name (the issue: inner or close).
SUGGESTED_CIRCLES = frozenset({"inner", "close"})
CIRCLE_WORDS = {"inner": "your inner circle", "close": "your close circle"}


@dataclass(frozen=True, slots=True, repr=False)
class ReviewMoment(QuietRepr):
    """One moment of the week as the review shows it; ``content`` None when unreadable."""

    id: UUID
    occurred_on: date
    names: str
    content: MomentContent | None

    @property
    def day(self) -> str:
        return short_date(self.occurred_on)


@dataclass(frozen=True, slots=True, repr=False)
class OpenedUp(QuietRepr):
    """Someone who opened up (or both of you did) in ``count`` of the week's moments."""

    person_id: str
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class CheckinDay:
    """One day of the week: how many check-ins, and their mean feelings (-2 … 2)."""

    day: date
    count: int
    pleasantness: float | None
    energy: float | None

    @property
    def day_name(self) -> str:
        return DAY_NAMES[self.day.weekday()]

    @property
    def pleasantness_words(self) -> str:
        return "" if self.pleasantness is None else PLEASANTNESS_WORDS[round(self.pleasantness)]

    @property
    def energy_words(self) -> str:
        return "" if self.energy is None else ENERGY_WORDS[round(self.energy)]


@dataclass(frozen=True, slots=True)
class ScaleLine:
    """A scale taken this week: its name, the score people see, and what it often means."""

    taken_on: date
    name: str
    score: int
    low: int
    high: int
    reading: str


@dataclass(frozen=True, slots=True, repr=False)
class Suggestion(QuietRepr):
    """One gentle idea: reach out to someone (``person_id``), or make room for a kind."""

    text: str
    person_id: str | None = None
    kind: str | None = None


@dataclass(slots=True, repr=False)
class WeekReviewView(QuietRepr):
    start: date
    end: date
    moments: list[ReviewMoment]
    moments_total: int
    moments_unreadable: int
    i_opened_up: int
    opened_up: list[OpenedUp]
    days: list[CheckinDay]
    checkins_total: int
    scales: list[ScaleLine]
    question: Question
    suggestion: Suggestion | None
    state: ReviewState | None
    kinds_seen: list[str] = field(default_factory=list)

    @property
    def moments_more(self) -> int:
        return self.moments_total - len(self.moments)


def _zone(prefs: Mapping[str, object]) -> zoneinfo.ZoneInfo | None:
    zone = prefs.get("time_zone")
    if isinstance(zone, str) and zone:
        try:
            return zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None
    return None


def review_state(*, user: User, vault: Vault, start: date) -> ReviewState | None:
    """Return what happened to this week's review (None: neither saved nor dismissed).

    A record that no longer opens counts as dismissed: the week is not offered
    again, and saving makes a fresh entry.
    """
    row = WeekReview.objects.filter(owner=user, week_start=start).values_list("id", "state").first()
    if row is None:
        return None
    try:
        return state_open(vault, row[0], row[1])
    except SealError:
        return ReviewState("dismissed")


def review_pending(*, user: User, start: date) -> bool:
    """Return True when this week's review is neither saved nor dismissed (nothing opened)."""
    return not WeekReview.objects.filter(owner=user, week_start=start).exists()


def _moments(
    user: User, vault: Vault, start: date, end: date, people: Mapping[str, PersonSummary]
) -> tuple[list[ReviewMoment], dict[UUID, list[str]]]:
    rows = list(
        Moment.objects.filter(owner=user, occurred_on__gte=start, occurred_on__lte=end)
        .order_by("occurred_on", "created_at", "id")
        .values_list("id", "occurred_on", "content")
    )
    links: dict[UUID, list[str]] = {row[0]: [] for row in rows}
    # By the week's moment ids (the link's unique (moment, person) index): filtering
    # links by owner and day instead joined every link of ten years (~300 ms).
    if links:
        for moment_id, person_id in MomentPerson.objects.filter(
            moment_id__in=list(links)
        ).values_list("moment_id", "person_id"):
            links[moment_id].append(str(person_id))
    found = []
    for moment_id, day, sealed in rows:
        try:
            content: MomentContent | None = moment_open(vault, moment_id, sealed)
        except SealError:
            content = None
        names = sorted(
            (people[pid].display_name if pid in people else UNKNOWN_PERSON)
            for pid in links[moment_id]
        )
        found.append(ReviewMoment(moment_id, day, _joined(names), content))
    return found, links


def _joined(names: list[str]) -> str:
    """ "Ana, Ben and Cleo"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _opened_up(
    moments: list[ReviewMoment], links: Mapping[UUID, list[str]], people: Mapping[str, str]
) -> tuple[int, list[OpenedUp]]:
    mine = 0
    theirs: Counter[str] = Counter()
    for moment in moments:
        if moment.content is None:
            continue
        said = moment.content.opened_up
        if said in ("me", "both"):
            mine += 1
        if said in ("them", "both"):
            theirs.update(links.get(moment.id, ()))
    listed = [
        OpenedUp(pid, people.get(pid, UNKNOWN_PERSON), count) for pid, count in theirs.items()
    ]
    listed.sort(key=lambda item: (-item.count, fold(item.name)))
    return mine, listed


def _checkin_days(user: User, vault: Vault, start: date, end: date) -> tuple[list[CheckinDay], int]:
    feelings: dict[date, list[tuple[int, int]]] = {}
    total = 0
    for checkin_id, day, sealed in CheckIn.objects.filter(
        owner=user, local_date__gte=start, local_date__lte=end
    ).values_list("id", "local_date", "content"):
        total += 1
        try:
            content = checkin_open(vault, checkin_id, sealed)
        except SealError:
            continue
        feelings.setdefault(day, []).append((content.pleasantness, content.energy))
    days = []
    for offset in range(7):
        day = start + timedelta(days=offset)
        values = feelings.get(day, [])
        if values:
            pleasant = sum(p for p, _ in values) / len(values)
            energy = sum(e for _, e in values) / len(values)
            days.append(CheckinDay(day, len(values), pleasant, energy))
        else:
            days.append(CheckinDay(day, 0, None, None))
    return days, total


def _scales(user: User, vault: Vault, start: date, end: date) -> list[ScaleLine]:
    lines = []
    for result_id, taken_on, sealed in (
        ScaleResult.objects.filter(owner=user, taken_on__gte=start, taken_on__lte=end)
        .order_by("taken_at")
        .values_list("id", "taken_on", "content")
    ):
        try:
            content = result_open(vault, result_id, sealed)
        except SealError:
            continue
        low, high = shown_range(content.scale)
        lines.append(
            ScaleLine(
                taken_on,
                content.scale.name,
                shown_score(content.scale, content.total),
                low,
                high,
                reading(content.scale, content.total),
            )
        )
    return lines


def _suggestion(
    *,
    user: User,
    people: Mapping[str, PersonSummary],
    today: date,
    zone: zoneinfo.ZoneInfo | None,
    moments: list[ReviewMoment],
    start: date,
) -> Suggestion | None:
    """Someone close past their rhythm first; else a kind of closeness the week lacked.

    Nothing when there is nothing to draw on: no one close is past their rhythm
    and the week held no readable moment (a missing kind means little without any).
    """
    if people:
        nudges, _ = nudges_today(
            user=user, people=people, today=today, limit=len(people), zone=zone
        )
        for nudge in nudges:
            if nudge.status in ("due", "overdue") and nudge.circle in SUGGESTED_CIRCLES:
                return Suggestion(
                    f"{nudge.name} is in {CIRCLE_WORDS[nudge.circle]} and it has been a "
                    f"while ({nudge.since}). A short message or a call might be welcome.",
                    person_id=nudge.person_id,
                )
    seen = {kind for m in moments if m.content is not None for kind in m.content.kinds}
    if not any(m.content is not None for m in moments):
        return None
    missing = [key for key, _ in KINDS if key not in seen]
    if not missing:
        return None
    # The week picks which missing kind to mention, so it is not always the same one.
    kind = missing[(start.toordinal() // 7) % len(missing)]
    return Suggestion(
        f"This week held no {KIND_LABELS[kind].lower()} closeness ({KIND_HELP[kind]}). "
        "If it feels right, you might make a little room for it in the week ahead.",
        kind=kind,
    )


def week_review(
    *, user: User, vault: Vault, start: date, today: date, prefs: Mapping[str, object]
) -> WeekReviewView:
    """Return the review of the week that starts on Monday ``start``, opened."""
    end = week_end(start)
    people = people_rows(user=user, vault=vault, include_archived=True)
    moments, links = _moments(user, vault, start, end, people)
    linked = {pid for ids in links.values() for pid in ids}
    names = {pid: people[pid].display_name for pid in linked if pid in people}
    mine, opened = _opened_up(moments, links, names)
    days, checkins_total = _checkin_days(user, vault, start, end)
    seen = sorted(
        {kind for m in moments if m.content is not None for kind in m.content.kinds},
        key=[key for key, _ in KINDS].index,
    )
    return WeekReviewView(
        start=start,
        end=end,
        moments=moments[:MOMENTS_SHOWN],
        moments_total=len(moments),
        moments_unreadable=sum(1 for m in moments if m.content is None),
        i_opened_up=mine,
        opened_up=opened,
        days=days,
        checkins_total=checkins_total,
        scales=_scales(user, vault, start, end),
        question=question_for(owner_id=user.pk, start=start),
        suggestion=_suggestion(
            user=user, people=people, today=today, zone=_zone(prefs), moments=moments, start=start
        ),
        state=review_state(user=user, vault=vault, start=start),
        kinds_seen=[KIND_LABELS[kind] for kind in seen],
    )
