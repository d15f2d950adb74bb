"""What opening up did: feared vs felt, who opens up over time, how deep we go.

Pure computations over what the selectors return (shares' opened content, the
derived counts of who opened up, the deepest deck depth per person) and the
person's People for names; ``summary_for`` gathers them for the page. Nothing
here writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import cast
from uuid import UUID

from nearer.accounts.models import User
from nearer.decks.catalogue import DEPTH_LABELS
from nearer.decks.depth import deepest_by_person
from nearer.moments.content import OPENED_UP
from nearer.moments.openness import Months, Openness, openness_read
from nearer.opening.content import ShareContent
from nearer.opening.felt import FeltPoint, felt_entry, felt_read
from nearer.opening.models import Share
from nearer.people.index import CALLED, NAME, PeopleRows, PersonSummary
from nearer.people.selectors import people_rows
from nearer.vault.box import Vault

# Who opened up, in the order of the counts shown (the derived value's first four).
ANSWERS: tuple[tuple[str, str], ...] = OPENED_UP
# People shown with their own chart; the rest are one table behind a details.
TOP_PEOPLE = 5
# Up to this many months from first to last, counts go by quarter; beyond, by year.
QUARTERS_UP_TO_MONTHS = 36


# --- Feared vs felt -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FearedFelt:
    """Reflected shares with both anxiety numbers, oldest first, and their counts."""

    points: list[FeltPoint]
    calmer: int
    same: int
    more: int
    mean_before: float
    mean_after: float

    @property
    def count(self) -> int:
        return len(self.points)

    @property
    def sentence(self) -> str:
        """The page's one line, honest about how few shares are behind it."""
        if self.count == 1:
            felt = {
                "calmer": "you felt calmer afterwards than you feared",
                "same": "you felt as anxious afterwards as before",
                "more": "you felt more anxious afterwards than before",
            }[self.points[0].change]
            return f"One share so far: {felt}."
        if self.calmer == 0:
            return f"In none of {self.count} shares did you feel calmer afterwards than you feared."
        return (
            f"In {self.calmer} of {self.count} shares you felt calmer afterwards than you feared."
        )

    @property
    def rest(self) -> str:
        """The same and more anxious counts in words ("" for one share)."""
        if self.count == 1:
            return ""
        same = f"{self.same} felt the same" if self.same else ""
        more = f"{self.more} more anxious" if self.more else ""
        both = " and ".join(part for part in (same, more) if part)
        return f"Of the others, {both}." if both else ""


def points_of(contents: Iterable[tuple[Share, ShareContent]]) -> list[FeltPoint]:
    """The points of the shares reflected on with both anxiety numbers, oldest first."""
    points = []
    for share, content in contents:
        entry = felt_entry(share, content)
        if entry is not None:
            points.append(
                FeltPoint(day=date.fromordinal(entry[0]), before=entry[1], after=entry[2])
            )
    points.sort(key=lambda point: point.day)
    return points


def felt_summary(points: list[FeltPoint]) -> FearedFelt | None:
    """Return the feared-vs-felt numbers of ``points`` (oldest first), or None if none."""
    if not points:
        return None
    changes = [point.change for point in points]
    return FearedFelt(
        points=points,
        calmer=changes.count("calmer"),
        same=changes.count("same"),
        more=changes.count("more"),
        mean_before=sum(point.before for point in points) / len(points),
        mean_after=sum(point.after for point in points) / len(points),
    )


def feared_vs_felt(contents: Iterable[tuple[Share, ShareContent]]) -> FearedFelt | None:
    """Return the feared-vs-felt numbers of the reflected shares that have both
    anxiety numbers, or None when there are none."""
    return felt_summary(points_of(contents))


# --- Reciprocity over time ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Period:
    """One year or quarter: its label and the counts me, them, both, neither."""

    label: str
    counts: tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Reciprocity:
    """Who opened up, for everyone together or one person, period by period."""

    name: str
    periods: list[Period]
    totals: tuple[int, int, int, int]
    moments: int  # every moment counted, also those where who opened up was not said

    @property
    def answered(self) -> int:
        return sum(self.totals)


def _period_of(month: str, by_quarter: bool) -> tuple[int, int]:
    year, number = int(month[:4]), int(month[5:7])
    return (year, (number - 1) // 3 + 1) if by_quarter else (year, 0)


def _label(period: tuple[int, int]) -> str:
    year, quarter = period
    return f"Q{quarter} {year}" if quarter else str(year)


def _span(first: tuple[int, int], last: tuple[int, int], by_quarter: bool) -> list[tuple[int, int]]:
    if not by_quarter:
        return [(year, 0) for year in range(first[0], last[0] + 1)]
    # Quarters counted as year * 4 + quarter - 1, so a range walks across years.
    numbers = range(first[0] * 4 + first[1] - 1, last[0] * 4 + last[1])
    return [(number // 4, number % 4 + 1) for number in numbers]


def _reciprocity(name: str, months: Months, by_quarter: bool) -> Reciprocity:
    sums: dict[tuple[int, int], list[int]] = {}
    moments = 0
    for month, counts in months.items():
        row = sums.setdefault(_period_of(month, by_quarter), [0, 0, 0, 0])
        for position in range(4):
            row[position] += counts[position]
        moments += sum(counts)
    if not sums:
        return Reciprocity(name=name, periods=[], totals=(0, 0, 0, 0), moments=0)
    periods = []
    for period in _span(min(sums), max(sums), by_quarter):
        me, them, both, neither = sums.get(period, (0, 0, 0, 0))
        periods.append(Period(label=_label(period), counts=(me, them, both, neither)))
    totals = cast(
        "tuple[int, int, int, int]",
        tuple(sum(period.counts[position] for period in periods) for position in range(4)),
    )
    return Reciprocity(name=name, periods=periods, totals=totals, moments=moments)


def _display_names(people: Mapping[str, PersonSummary]) -> Callable[[str], str | None]:
    """A person's display name by id (None when not in People), read straight from the
    index's stored rows when ``people`` is one: no summary object made per person."""
    if isinstance(people, PeopleRows):
        rows = people.rows

        def from_rows(person_id: str) -> str | None:
            row = rows.get(person_id)
            return None if row is None else str(row[CALLED] or row[NAME])

        return from_rows

    def from_summaries(person_id: str) -> str | None:
        person = people.get(person_id)
        return None if person is None else person.display_name

    return from_summaries


@dataclass(frozen=True, slots=True)
class ReciprocityView:
    overall: Reciprocity
    top: list[Reciprocity]
    others: list[Reciprocity]
    by_quarter: bool


def reciprocity(openness: Openness, people: Mapping[str, PersonSummary]) -> ReciprocityView:
    """Return who opened up overall and per person (people still in People, archived
    too), the people with most moments first; quarters when the moments span up to
    three years, else years."""
    months = sorted(openness.overall)
    by_quarter = not months or (
        (int(months[-1][:4]) - int(months[0][:4])) * 12 + int(months[-1][5:7]) - int(months[0][5:7])
        < QUARTERS_UP_TO_MONTHS
    )
    overall = _reciprocity("Everyone", openness.overall, by_quarter)
    # Totals for everyone (kept with the counts); months only for those with a chart.
    totals = []
    names = _display_names(people)
    for person_id in openness.person_ids():
        name = names(person_id)
        if name is None:
            continue
        columns = openness.totals(person_id)
        # Someone with moments but none where who opened up was said has nothing to draw.
        if columns and any(columns[:4]):
            totals.append((person_id, name, columns))
    totals.sort(key=lambda one: (-sum(one[2]), one[1].casefold()))
    top = [
        _reciprocity(name, openness.months(person_id), by_quarter)
        for person_id, name, _ in totals[:TOP_PEOPLE]
    ]
    others = [
        Reciprocity(
            name=name,
            periods=[],
            totals=(columns[0], columns[1], columns[2], columns[3]),
            moments=sum(columns),
        )
        for _, name, columns in totals[TOP_PEOPLE:]
    ]
    return ReciprocityView(overall=overall, top=top, others=others, by_quarter=by_quarter)


# --- How deep we go -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Depth:
    name: str
    depth: int

    @property
    def words(self) -> str:
        return DEPTH_LABELS.get(self.depth, "")


def depths(deepest: Mapping[UUID, int], people: Mapping[str, PersonSummary]) -> list[Depth]:
    """Return each person's deepest deck depth, deepest first then by name (people
    no longer in People are left out)."""
    found = [
        Depth(name=people[str(person_id)].display_name, depth=depth)
        for person_id, depth in deepest.items()
        if str(person_id) in people and depth in DEPTH_LABELS
    ]
    found.sort(key=lambda one: (-one.depth, one.name.casefold()))
    return found


# --- The page -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Summary:
    felt: FearedFelt | None
    reciprocity: ReciprocityView
    depths: list[Depth]

    def __repr__(self) -> str:  # never names: reprs end up in logs
        return "Summary(...)"


def summary_for(*, user: User, vault: Vault) -> Summary:
    """Return everything "What opening up did" shows, from ``user``'s own data."""
    people = people_rows(user=user, vault=vault, include_archived=True)
    return Summary(
        felt=felt_summary(felt_read(user=user, vault=vault)),
        reciprocity=reciprocity(openness_read(user=user, vault=vault), people),
        depths=depths(deepest_by_person(user=user, vault=vault), people),
    )
