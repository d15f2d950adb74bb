"""The findings of the Insights page, worked out from a person's own sealed rows.

Each finding compares days (or scale results) with something against those
without it (``stats.compare``): check-in pleasantness and energy on days with a
moment together, the day after one, by kind of intimacy, by circle and with the
people seen most; and each scale's results after fortnights with more moments
(or more moments where someone opened up) than usual against the others.

All findings of an account are one derived value (kind ``insights.findings``,
``vault.derived``), sealed. No single service owns what they depend on
(check-ins, moments, people and scale results), so instead of every writer
changing it, the value carries a fingerprint of its inputs: per table, how many
rows and when the latest changed. The kind's ``current`` compares it with the
rows' fingerprint now (a few indexed aggregate queries); a value that no longer
matches is worked out afresh in memory by the reader (which never writes) and
rebuilt by the refresh at login. See docs/insights.md.

The fingerprint reads no source row's content: counts and the latest change of
check-ins, the counts of moments and results, and when the derived values the
moments, people and scales services keep (in the same transaction as their
writes) were last stored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import numpy as np
from django.db import connection
from django.db.models import Count, Max, Model

from nearer.accounts.models import User
from nearer.checkins.content import content_open as checkin_open
from nearer.checkins.models import CheckIn
from nearer.insights import stats
from nearer.lib.sqlvalues import as_date, column
from nearer.moments.content import KINDS
from nearer.moments.kinds_by_day import FIRST_KIND, KIND_KEYS, kinds_read
from nearer.moments.kinds_by_day import OPENED as OPENED_AT
from nearer.moments.models import Moment, MomentPerson
from nearer.people.index import PersonSummary, index_open
from nearer.scales.instruments import SCALES
from nearer.scales.models import ScaleResult
from nearer.scales.summary import summary_open
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.derived import (
    WHOLE_ACCOUNT,
    Kind,
    derived_opened,
    derived_read,
    derived_rebuild,
    register,
)
from nearer.vault.models import DerivedValue

VERSION = 1
# People compared one by one: the few seen on the most days (each needs 14 days
# with them and 14 without, alongside check-ins).
PEOPLE_SHOWN = 3
# Scale results are set against the moments of the fortnight before each.
WINDOW_DAYS = 14
CIRCLE_WORDS = {"inner": "inner circle", "close": "close circle", "wider": "wider circle"}


@dataclass(frozen=True, slots=True)
class Finding:
    """One comparison, ready to be said.

    ``section`` groups findings on the page; ``measure`` is "pleasantness",
    "energy" or a scale's key; ``with_words`` / ``without_words`` name the two
    sides ("days with a moment together", "days without"); ``unit`` names what
    the numbers are. ``n_with`` / ``n_without`` are always filled; the means and
    interval only when both reach ``stats.MIN_EACH_SIDE`` (``ready``).
    """

    key: str
    section: str
    measure: str
    with_words: str
    without_words: str
    unit: str
    scale_low: float
    scale_high: float
    counted: str  # "days" or "results"
    n_with: int
    n_without: int
    mean_with: float | None = None
    mean_without: float | None = None
    low: float | None = None
    high: float | None = None

    @property
    def ready(self) -> bool:
        return self.mean_with is not None

    @property
    def difference(self) -> float:
        if self.mean_with is None or self.mean_without is None:
            return 0.0
        return self.mean_with - self.mean_without

    @property
    def clear(self) -> bool:
        return self.ready and ((self.low or 0.0) > 0 or (self.high or 0.0) < 0)


@dataclass(frozen=True, slots=True)
class Findings:
    """Every finding of an account, how many check-in days stand behind them, and the
    fingerprint of the rows they were worked out from."""

    findings: tuple[Finding, ...]
    checkin_days: int
    moment_days: int
    fingerprint: str


# Derived values that the services of moments, people and scales change in the
# same transaction as every write of their rows (vault.derived): when one of them
# was last stored says when those rows last changed, without reading the rows.
WATCHED_KINDS = ("moments.kinds", "moments.openness", "people.index", "scales.summary")


def fingerprint(owner_id: int) -> str:
    """Return what the findings depend on, in short; any write through the services
    changes it.

    Check-ins have no derived value of their own: their count and latest change.
    Moments and scale results: their counts (read from their indexes) and the
    derived values their services keep (``WATCHED_KINDS``), whose ``updated_at``
    moves with every moment, person or result written, changed or deleted.
    """
    # COUNT(*), not of the id: both answered from the (owner, updated_at) index alone.
    checkins = CheckIn.objects.filter(owner_id=owner_id).aggregate(
        n=Count("*"), last=Max("updated_at")
    )
    moments = Moment.objects.filter(owner_id=owner_id).count()
    results = ScaleResult.objects.filter(owner_id=owner_id).aggregate(
        n=Count("pk"), last=Max("taken_at")
    )
    kept = DerivedValue.objects.filter(owner_id=owner_id, kind__in=WATCHED_KINDS).values_list(
        "kind", "version", "updated_at"
    )
    parts = [
        f"c{checkins['n']}@{_stamp(checkins['last'])}",
        f"m{moments}",
        f"s{results['n']}@{_stamp(results['last'])}",
        *sorted(f"{kind}.{version}@{_stamp(updated)}" for kind, version, updated in kept),
    ]
    return "|".join(parts)


def _stamp(moment: datetime | None) -> str:
    return "-" if moment is None else moment.isoformat()


def _id_text(value: object) -> str:
    """A row id as the vault seals it (a UUID's text with dashes): from a UUID, or
    from SQLite's 32 hex digits without building a UUID (thousands of rows)."""
    if isinstance(value, UUID):
        return str(value)
    text = str(value)
    if len(text) == 32:
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return text


class _Days(dict[object, int]):
    """A day's ordinal by its database value (a date, or ISO text from SQLite),
    each distinct day worked out once."""

    def __missing__(self, key: object) -> int:
        self[key] = value = as_date(key).toordinal()
        return value


def _rows(sql: str, owner_id: int) -> list[tuple[Any, ...]]:
    # Plain SQL: tens of thousands of rows, and the ORM's UUID and date conversion
    # of each cost more than opening it.
    with connection.cursor() as cursor:
        cursor.execute(sql, [owner_id])
        rows: list[tuple[Any, ...]] = cursor.fetchall()
    return rows


def _table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _checkin_days(owner_id: int, vault: Vault) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the days with check-ins (ordinals, sorted) and each day's mean
    pleasantness and energy. Check-ins that will not open are left out."""
    days: list[int] = []
    pleasant: list[int] = []
    energy: list[int] = []
    ordinal = _Days()
    sql = (
        f"SELECT {column(CheckIn, 'id')}, {column(CheckIn, 'local_date')}, "  # noqa: S608
        f"{column(CheckIn, 'content')} FROM {_table(CheckIn)} "
        f"WHERE {column(CheckIn, 'owner')} = %s"
    )
    for checkin_id, local_date, sealed in _rows(sql, owner_id):
        try:
            content = checkin_open(vault, _id_text(checkin_id), sealed)  # type: ignore[arg-type]
        except SealError:
            continue
        days.append(ordinal[local_date])
        pleasant.append(content.pleasantness)
        energy.append(content.energy)
    if not days:
        empty = np.array([], dtype=np.float64)
        return np.array([], dtype=np.int64), empty, empty
    unique, where = np.unique(np.array(days), return_inverse=True)
    counts = np.bincount(where)
    return (
        unique,
        np.bincount(where, weights=np.array(pleasant, dtype=np.float64)) / counts,
        np.bincount(where, weights=np.array(energy, dtype=np.float64)) / counts,
    )


@dataclass
class _MomentDays:
    all: set[int]
    opened: list[int]  # one entry per moment where someone opened up (its day)
    each: list[int]  # one entry per moment (its day)
    kinds: dict[str, set[int]]
    circles: dict[str, set[int]]
    people: dict[str, set[int]]


def _moment_days(user: User, vault: Vault, people: Mapping[str, PersonSummary]) -> _MomentDays:
    """The days of the moments, and of each kind, circle and person; no moment opened.

    Days and who was there are in the clear (moments, and their links to people);
    the kinds and who opened up come from the kinds counted by day
    (``moments.kinds_by_day``), kept by the moments services."""
    found = _MomentDays(set(), [], [], defaultdict(set), defaultdict(set), defaultdict(set))
    ordinal = _Days()
    sql = (
        f"SELECT {column(Moment, 'occurred_on')} FROM {_table(Moment)} "  # noqa: S608
        f"WHERE {column(Moment, 'owner')} = %s"
    )
    for (occurred_on,) in _rows(sql, user.pk):
        day = ordinal[occurred_on]
        found.all.add(day)
        found.each.append(day)
    for day, counts in kinds_read(user=user, vault=vault).days.items():
        found.opened.extend([day] * counts[OPENED_AT])
        for position, kind in enumerate(KIND_KEYS):
            if counts[FIRST_KIND + position]:
                found.kinds[kind].add(day)
    found.opened.sort()
    links = (
        f"SELECT l.{column(MomentPerson, 'person')}, "  # noqa: S608
        f"l.{column(MomentPerson, 'occurred_on')} FROM {_table(MomentPerson)} l "
        f"JOIN {_table(Moment)} m ON m.{column(Moment, 'id')} = l.{column(MomentPerson, 'moment')} "
        f"WHERE m.{column(Moment, 'owner')} = %s"
    )
    for person_id, occurred_on in _rows(links, user.pk):
        summary = people.get(_id_text(person_id))
        if summary is None:
            continue
        day = ordinal[occurred_on]
        found.circles[summary.circle].add(day)
        found.people[summary.id].add(day)
    return found


def _compared(
    *,
    key: str,
    section: str,
    measure: str,
    with_words: str,
    without_words: str,
    unit: str,
    scale: tuple[float, float],
    counted: str,
    values: np.ndarray,
    flags: np.ndarray,
    block: int,
) -> Finding:
    n_with = int(np.count_nonzero(flags))
    result = stats.compare(values, flags, block=block)
    common: dict[str, Any] = {
        "key": key,
        "section": section,
        "measure": measure,
        "with_words": with_words,
        "without_words": without_words,
        "unit": unit,
        "scale_low": scale[0],
        "scale_high": scale[1],
        "counted": counted,
        "n_with": n_with,
        "n_without": int(flags.size - n_with),
    }
    if result is None:
        return Finding(**common)
    return Finding(
        **common,
        mean_with=result.mean_with,
        mean_without=result.mean_without,
        low=result.low,
        high=result.high,
    )


CHECKIN_UNIT = "points on the five-step scale (−2 to +2)"


def _checkin_findings(
    days: np.ndarray,
    pleasant: np.ndarray,
    energy: np.ndarray,
    moments: _MomentDays,
    people: Mapping[str, PersonSummary],
) -> list[Finding]:
    found: list[Finding] = []

    def flags_of(marked: set[int], lag: int = 0) -> np.ndarray:
        return np.isin(days - lag, np.fromiter(marked, dtype=np.int64, count=len(marked)))

    def add(
        key: str,
        section: str,
        marked: set[int],
        words: str,
        *,
        lag: int = 0,
        measures: tuple[str, ...] = ("pleasantness",),
    ) -> None:
        flags = flags_of(marked, lag)
        for measure in measures:
            found.append(
                _compared(
                    key=f"{key}-{measure}",
                    section=section,
                    measure=measure,
                    with_words=words,
                    without_words="other days",
                    unit=CHECKIN_UNIT,
                    scale=(-2.0, 2.0),
                    counted="days",
                    values=pleasant if measure == "pleasantness" else energy,
                    flags=flags,
                    block=stats.DAY_BLOCK,
                )
            )

    both = ("pleasantness", "energy")
    add("together", "together", moments.all, "days with a moment together", measures=both)
    add(
        "day-after",
        "together",
        moments.all,
        "days after a day with a moment together",
        lag=1,
        measures=both,
    )
    for kind, label in KINDS:
        add(
            f"kind-{kind}",
            "kinds",
            moments.kinds.get(kind, set()),
            f"days with a moment of {label.lower()} intimacy",
        )
    for circle, words in CIRCLE_WORDS.items():
        add(
            f"circle-{circle}",
            "circles",
            moments.circles.get(circle, set()),
            f"days with a moment with someone in your {words}",
        )
    ranked = sorted(
        (person_id for person_id in moments.people if person_id in people),
        key=lambda person_id: (-len(moments.people[person_id]), person_id),
    )
    shown = 0
    for person_id in ranked:
        flags = flags_of(moments.people[person_id])
        if not stats.enough(flags):
            continue
        add(
            f"person-{person_id}",
            "people",
            moments.people[person_id],
            f"days with a moment with {people[person_id].display_name}",
        )
        shown += 1
        if shown >= PEOPLE_SHOWN:
            break
    return found


def _scale_findings(user: User, vault: Vault, moments: _MomentDays) -> list[Finding]:
    summary = summary_open(user=user, vault=vault)
    found: list[Finding] = []
    if not summary.days:
        result_days = np.array([], dtype=np.int64)
    else:
        result_days = np.array(summary.days, dtype=np.int64)
    keys = np.array(summary.keys)
    totals = np.array(summary.totals, dtype=np.float64)
    for what, moment_list, words in (
        ("moments", moments.each, "moments"),
        ("opened", moments.opened, "moments where someone opened up"),
    ):
        sorted_days = np.sort(np.array(moment_list, dtype=np.int64))
        for scale in SCALES:
            mine = keys == scale.key if keys.size else np.array([], dtype=bool)
            taken = result_days[mine] if keys.size else result_days
            # Moments in the 14 days before each result (the result's day not counted).
            before = np.searchsorted(sorted_days, taken, side="left") - np.searchsorted(
                sorted_days, taken - WINDOW_DAYS, side="left"
            )
            usual = float(np.median(before)) if before.size else 0.0
            flags = before > usual
            found.append(
                _compared(
                    key=f"scale-{scale.key}-{what}",
                    section="scales",
                    measure=scale.key,
                    with_words=(
                        f"results after a fortnight with more than {usual:g} {words} (your usual)"
                    ),
                    without_words=f"results after {usual:g} or fewer",
                    unit=f"points on the {scale.short_name} ({scale.min_score}–{scale.max_score})",
                    scale=(float(scale.min_score), float(scale.max_score)),
                    counted="results",
                    values=totals[mine] if keys.size else totals,
                    flags=flags,
                    block=stats.RESULT_BLOCK,
                )
            )
    return found


def _compute(owner_id: int, vault: Vault, subject: UUID) -> Findings:
    # The fingerprint first: a write landing while we compute makes the value
    # look old next time rather than current with a change it missed.
    marks = fingerprint(owner_id)
    user = User.objects.get(pk=owner_id)
    days, pleasant, energy = _checkin_days(owner_id, vault)
    people = index_open(user=user, vault=vault)
    moments = _moment_days(user, vault, people)
    findings = _checkin_findings(days, pleasant, energy, moments, people)
    findings += _scale_findings(user, vault, moments)
    return Findings(tuple(findings), int(days.size), len(moments.all), marks)


_FIELDS = tuple(Finding.__dataclass_fields__)
_NUMBERS = ("scale_low", "scale_high", "mean_with", "mean_without", "low", "high")


def _encode(value: Findings) -> dict[str, Any]:
    return {
        "f": [list(asdict(finding).values()) for finding in value.findings],
        "c": value.checkin_days,
        "m": value.moment_days,
        "p": value.fingerprint,
    }


def _decode(raw: Any) -> Findings:
    if type(raw) is not dict or type(raw.get("f")) is not list:
        raise SealError("insights have an unexpected shape")
    findings = []
    for row in raw["f"]:
        if type(row) is not list or len(row) != len(_FIELDS):
            raise SealError("an insight has an unexpected shape")
        item = dict(zip(_FIELDS, row, strict=True))
        for name in _NUMBERS:
            if item[name] is not None and type(item[name]) not in (int, float):
                raise SealError("an insight has an unexpected number")
        if type(item["n_with"]) is not int or type(item["n_without"]) is not int:
            raise SealError("an insight has an unexpected count")
        findings.append(Finding(**item))
    checkins, moment_days, marks = raw.get("c"), raw.get("m"), raw.get("p")
    if type(checkins) is not int or type(moment_days) is not int or type(marks) is not str:
        raise SealError("insights have an unexpected shape")
    return Findings(tuple(findings), checkins, moment_days, marks)


FINDINGS = register(
    Kind[Findings](
        name="insights.findings",
        version=VERSION,
        compute=_compute,
        encode=_encode,
        decode=_decode,
        current=lambda owner_id, value: value.fingerprint == fingerprint(owner_id),
    )
)


def findings_read(*, user: User, vault: Vault) -> Findings:
    """Return ``user``'s findings: the stored ones while their rows are unchanged,
    else worked out afresh (in memory; never writes)."""
    return derived_read(FINDINGS, user=user, vault=vault)


def findings_rebuild(*, user: User, vault: Vault) -> Findings:
    """Work the findings out from the rows and store them; return them."""
    return derived_rebuild(FINDINGS, user=user, vault=vault)


def findings_refresh(*, user: User, vault: Vault) -> bool:
    """Rebuild the stored findings when they are missing or no longer current; return
    whether it did. A login hook (``accounts.login_hooks``, registered from this app's
    ready()): hooks run after the login's ``derived_refresh``, and one of them may
    write rows the findings depend on (the space's shared moments come in then), so
    the findings are checked once more after them."""
    row = (
        DerivedValue.objects.filter(owner=user, kind=FINDINGS.name, subject=WHOLE_ACCOUNT)
        .values_list("version", "content")
        .first()
    )
    stored = (
        None
        if row is None
        else derived_opened(
            FINDINGS, vault=vault, subject=WHOLE_ACCOUNT, version=row[0], content=row[1]
        )
    )
    if stored is not None and FINDINGS.current is not None and FINDINGS.current(user.pk, stored):
        return False
    findings_rebuild(user=user, vault=vault)
    return True
