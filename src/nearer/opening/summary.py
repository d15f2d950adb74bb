"""What opening up did: feared vs felt, who opens up over time, how deep we go.

Pure computations over what the selectors return (shares' opened content, the
derived counts of who opened up, the deepest deck depth per person) and the
person's People for names; ``summary_for`` gathers them for the page. Nothing
here writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast, overload
from uuid import UUID

from nearer.accounts.models import User
from nearer.decks.catalogue import DEPTH_LABELS
from nearer.decks.depth import DEPTH, Depths
from nearer.moments.content import OPENED_UP
from nearer.moments.openness import MONTH_STEP, OPENNESS, Openness, month_numbers
from nearer.opening.content import ShareContent
from nearer.opening.felt import FELT, Felt, FeltPoint, felt_entry, felt_points
from nearer.opening.models import Share
from nearer.people.index import CALLED, INDEX, NAME, PeopleRows, PersonSummary, Rows
from nearer.vault.box import Vault
from nearer.vault.derived import derived_read_many

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


def _label(period: int, by_quarter: bool) -> str:
    # A period is numbered year * 4 + quarter - 1 by quarter, else it is the year.
    return f"Q{period % 4 + 1} {period // 4}" if by_quarter else str(period)


def period_sums(flat: Sequence[int], by_quarter: bool) -> tuple[dict[int, list[int]], int]:
    """Who opened up by period from ``flat`` counts (per month its number, year * 12 +
    month - 1, and its five counts): period -> [me, them, both, neither], and every
    moment counted (also those where who opened up was not said)."""
    sums: dict[int, list[int]] = {}
    moments = 0
    for at in range(0, len(flat), MONTH_STEP):
        number = flat[at]
        period = number // 12 * 4 + number % 12 // 3 if by_quarter else number // 12
        row = sums.get(period)
        if row is None:
            row = sums[period] = [0, 0, 0, 0]
        me, them, both, neither, unsaid = flat[at + 1 : at + MONTH_STEP]
        row[0] += me
        row[1] += them
        row[2] += both
        row[3] += neither
        moments += me + them + both + neither + unsaid
    return sums, moments


def from_sums(
    name: str, sums: Mapping[int, Sequence[int]], moments: int, by_quarter: bool
) -> Reciprocity:
    """A ``Reciprocity`` of period sums: every period from the first to the last."""
    if not sums:
        return Reciprocity(name=name, periods=[], totals=(0, 0, 0, 0), moments=0)
    periods = []
    empty = (0, 0, 0, 0)
    for period in range(min(sums), max(sums) + 1):
        me, them, both, neither = sums.get(period, empty)
        periods.append(Period(label=_label(period, by_quarter), counts=(me, them, both, neither)))
    totals = cast(
        "tuple[int, int, int, int]",
        tuple(sum(period.counts[position] for period in periods) for position in range(4)),
    )
    return Reciprocity(name=name, periods=periods, totals=totals, moments=moments)


def _reciprocity(name: str, flat: Sequence[int], by_quarter: bool) -> Reciprocity:
    """Who opened up by period from ``flat`` counts (see ``period_sums``)."""
    sums, moments = period_sums(flat, by_quarter)
    return from_sums(name, sums, moments, by_quarter)


def _display_names(people: Mapping[str, PersonSummary]) -> dict[str, str]:
    """Everyone's display name by id, read straight from the index's stored rows when
    ``people`` is one: no summary object made per person."""
    if isinstance(people, PeopleRows):
        return {key: row[CALLED] or row[NAME] for key, row in people.rows.items()}
    return {key: person.display_name for key, person in people.items()}


class Others(Sequence[Reciprocity]):
    """Everyone after the five drawn, most moments first: their totals, each made a
    ``Reciprocity`` only when asked for. The page shows thirty of about three hundred
    at a time; making all of them on every visit cost more than the thirty's rows."""

    __slots__ = ("_totals",)

    def __init__(self, totals: list[tuple[int, str, int, str, str, list[int]]]) -> None:
        self._totals = totals

    def __len__(self) -> int:
        return len(self._totals)

    @staticmethod
    def _made(row: tuple[int, str, int, str, str, list[int]]) -> Reciprocity:
        minus_moments, _, _, _, name, columns = row
        return Reciprocity(
            name=name,
            periods=[],
            totals=(columns[0], columns[1], columns[2], columns[3]),
            moments=-minus_moments,
        )

    @overload
    def __getitem__(self, index: int) -> Reciprocity: ...
    @overload
    def __getitem__(self, index: slice) -> list[Reciprocity]: ...
    def __getitem__(self, index: int | slice) -> Reciprocity | list[Reciprocity]:
        if isinstance(index, slice):
            return [self._made(row) for row in self._totals[index]]
        return self._made(self._totals[index])

    def __eq__(self, other: object) -> bool:
        # The same people shown the same way (however their totals were kept).
        if isinstance(other, Others | list):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable: not a dict key

    def __repr__(self) -> str:  # never names: reprs end up in logs
        return f"Others({len(self)} people)"


@dataclass(frozen=True, slots=True)
class ReciprocityView:
    overall: Reciprocity
    top: list[Reciprocity]
    others: Others
    by_quarter: bool


def goes_by_quarter(openness: Openness) -> bool:
    """Whether counts go by quarter: when the moments span up to three years."""
    months = sorted(openness.overall)
    return not months or (
        (int(months[-1][:4]) - int(months[0][:4])) * 12 + int(months[-1][5:7]) - int(months[0][5:7])
        < QUARTERS_UP_TO_MONTHS
    )


def reciprocity(openness: Openness, people: Mapping[str, PersonSummary]) -> ReciprocityView:
    """Return who opened up overall and per person (people still in People, archived
    too), the people with most moments first; quarters when the moments span up to
    three years, else years."""
    by_quarter = goes_by_quarter(openness)
    overall = _reciprocity("Everyone", month_numbers(openness.overall), by_quarter)
    # Totals for everyone (kept with the counts); months only for those with a chart.
    totals: list[tuple[int, str, int, str, str, list[int]]] = []
    names = _display_names(people).get
    for person_id in openness.person_ids():
        name = names(person_id)
        if name is None:
            continue
        columns = openness.totals(person_id)
        # Someone with moments but none where who opened up was said has nothing to draw.
        if columns and any(columns[:4]):
            totals.append((-sum(columns), name.casefold(), len(totals), person_id, name, columns))
    # Most moments first, then by name, then in the order kept.
    totals.sort()
    top = [
        _reciprocity(name, openness.month_numbers(person_id), by_quarter)
        for _, _, _, person_id, name, _ in totals[:TOP_PEOPLE]
    ]
    return ReciprocityView(
        overall=overall, top=top, others=Others(totals[TOP_PEOPLE:]), by_quarter=by_quarter
    )


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
    return _depths_of(((str(key), depth) for key, depth in deepest.items()), people)


def _depths_of(
    deepest: Iterable[tuple[str, int]], people: Mapping[str, PersonSummary]
) -> list[Depth]:
    names = _display_names(people).get
    found: list[tuple[int, str, int, Depth]] = []
    for person_id, depth in deepest:
        name = names(person_id)
        if name is not None and depth in DEPTH_LABELS:
            found.append((-depth, name.casefold(), len(found), Depth(name=name, depth=depth)))
    found.sort()
    return [depth for *_, depth in found]


# --- The page -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Summary:
    felt: FearedFelt | None
    reciprocity: ReciprocityView
    depths: list[Depth]

    def __repr__(self) -> str:  # never names: reprs end up in logs
        return "Summary(...)"


def summary_from_sources(*, user: User, vault: Vault) -> Summary:
    """Return everything "What opening up did" shows, worked out from the derived
    values it is built from (people, feared and felt, who opened up, deck depths)."""
    # The four derived values in one query: one round trip on PostgreSQL, not four.
    rows, felt, openness, deepest = derived_read_many(
        (INDEX, FELT, OPENNESS, DEPTH), user=user, vault=vault
    )
    people = PeopleRows(cast("Rows", rows))  # archived people too: they were there
    return Summary(
        felt=felt_summary(felt_points(user=user, value=cast("Felt", felt))),
        reciprocity=reciprocity(cast("Openness", openness), people),
        # By id string as kept: making UUIDs only to turn them back cost more than the rest.
        depths=_depths_of(
            ((key, one.deepest) for key, one in cast("Depths", deepest).items()), people
        ),
    )
