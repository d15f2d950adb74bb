"""What opening up did, kept (kind ``opening.summary``): the page's own numbers.

The page is worked out from four derived values (people, feared and felt, who
opened up, deck depths); opening who opened up alone (every person's months over
ten years) and summing it by period cost more than twice a bare page. So the
page's numbers are derived data of their own, kept the one way all derived data
is (``vault.derived``), built from those values:

- ``follows`` the three it is built from: whenever one of them is changed (a
  moment logged, a share reflected on, a deck session ended), this value is
  rebuilt right after that write commits;
- ``current``: it keeps the heads of the three sealed values it was built from and
  how many shares were reflected on; when any differs (a write past the services,
  a share deleted without a vault, the moment between a write and its rebuild) it
  is old, and the reader works the page out from the sources (never writing), as
  the refresh at login rebuilds it;
- names are never kept here: they are read from the people index on each visit,
  so a renamed, archived or deleted person shows as People has them.

The value: ``f`` the fingerprint; ``q`` 1 when counts go by quarter; ``o`` the
periods of everyone together ([period, me, them, both, neither]) and ``om`` every
moment counted; ``p`` everyone with an answer, [id, moments, me, them, both,
neither], most moments first; ``pp`` the periods of the first ``CANDIDATES`` of
them (the five drawn are among them unless more than five are gone from People,
when the page is worked out from the sources); ``s`` each reflected share's day
(an ordinal) and anxiety before and after, oldest first; ``d`` [id, deepest depth].
"""

from __future__ import annotations

import functools
from datetime import date
from itertools import chain
from typing import Any, cast
from uuid import UUID

from django.db import connection

from nearer.accounts.models import User
from nearer.decks.depth import DEPTH, Depths
from nearer.lib.sqlvalues import column
from nearer.moments.openness import OPENNESS, Openness, month_numbers
from nearer.opening.felt import FELT, Felt, FeltPoint, felt_points
from nearer.opening.models import Share
from nearer.opening.shown import HEAD
from nearer.opening.summary import (
    TOP_PEOPLE,
    Others,
    ReciprocityView,
    Summary,
    _depths_of,
    _display_names,
    felt_summary,
    from_sums,
    goes_by_quarter,
    period_sums,
    summary_from_sources,
)
from nearer.people.index import INDEX, PeopleRows, Rows
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.derived import WHOLE_ACCOUNT, Kind, derived_read_many, register
from nearer.vault.models import DerivedValue

VERSION = 1
# People whose periods are kept: the five drawn, and as many again in case some
# of them have left People since.
CANDIDATES = 2 * TOP_PEOPLE
SOURCES = (OPENNESS, FELT, DEPTH)


@functools.lru_cache(maxsize=4)
def _fingerprint_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    table = quote(DerivedValue._meta.db_table)

    def head() -> str:
        return (
            f"(SELECT SUBSTR({column(DerivedValue, 'content')}, 1, {HEAD}) FROM {table} "  # noqa: S608 - names from the model
            f"WHERE {column(DerivedValue, 'owner')} = %s AND {column(DerivedValue, 'kind')} = %s "
            f"AND {column(DerivedValue, 'subject')} = %s)"
        )

    shares = (
        f"(SELECT COUNT(*) FROM {quote(Share._meta.db_table)} "  # noqa: S608 - names from the model
        f"WHERE {column(Share, 'owner')} = %s AND {column(Share, 'state')} = %s)"
    )
    return f"SELECT {', '.join(head() for _ in SOURCES)}, {shares}"


def fingerprint(owner_id: int) -> list[Any]:
    """The heads of the three sealed sources (hex, "" when missing) and how many
    shares are reflected on now: one query, one row."""
    subject = DerivedValue._meta.get_field("subject").get_db_prep_value(WHOLE_ACCOUNT, connection)
    params: list[Any] = []
    for kind in SOURCES:
        params.extend([owner_id, kind.name, subject])
    params.extend([owner_id, Share.State.REFLECTED.value])
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql(connection.vendor), params)
        row = cursor.fetchone()
    return [*("" if head is None else bytes(head).hex() for head in row[:-1]), int(row[-1])]


def _compute(owner_id: int, vault: Vault, subject: UUID) -> dict[str, Any]:
    # The fingerprint first: a source changed while this runs makes the value old.
    mark = fingerprint(owner_id)
    owner = User(pk=owner_id)
    rows, felt, openness, deepest = derived_read_many(
        (INDEX, FELT, OPENNESS, DEPTH), user=owner, vault=vault
    )
    counts = cast("Openness", openness)
    names = _display_names(PeopleRows(cast("Rows", rows)))
    by_quarter = goes_by_quarter(counts)
    overall, overall_moments = period_sums(month_numbers(counts.overall), by_quarter)
    ranked: list[tuple[int, str, int, str, list[int]]] = []
    for person_id in counts.person_ids():
        columns = counts.totals(person_id)
        if columns and any(columns[:4]):
            name = names.get(person_id)
            ranked.append(
                (
                    -sum(columns),
                    name.casefold() if name is not None else "",
                    len(ranked),
                    person_id,
                    columns,
                )
            )
    ranked.sort()
    drawn = [person_id for *_, person_id, _ in ranked if person_id in names][:CANDIDATES]
    return {
        "f": mark,
        "q": int(by_quarter),
        "o": [[period, *sums] for period, sums in sorted(overall.items())],
        "om": overall_moments,
        "p": [[person_id, -minus, *columns[:4]] for minus, _, _, person_id, columns in ranked],
        "pp": {
            person_id: [
                [period, *sums]
                for period, sums in sorted(
                    period_sums(counts.month_numbers(person_id), by_quarter)[0].items()
                )
            ]
            for person_id in drawn
        },
        "s": [
            [point.day.toordinal(), point.before, point.after]
            for point in felt_points(user=owner, value=cast("Felt", felt))
        ],
        "d": [[key, one.deepest] for key, one in cast("Depths", deepest).items()],
    }


def _ints(values: Any) -> bool:
    return set(map(type, values)) <= {int}


def _rows_of(raw: Any, width: int, *, keyed: bool = False) -> bool:
    """Whether ``raw`` is a list of lists of ``width`` items, ints (after a str id
    first when ``keyed``)."""
    if type(raw) is not list or not set(map(type, raw)) <= {list}:
        return False
    if not set(map(len, raw)) <= {width}:
        return False
    if keyed:
        return set(type(row[0]) for row in raw) <= {str} and _ints(
            chain.from_iterable(row[1:] for row in raw)
        )
    return _ints(chain.from_iterable(raw))


def _decode(raw: Any) -> dict[str, Any]:
    # Checked a column at a time (set, map, chain run at C speed): read on every visit.
    if type(raw) is not dict or type(raw.get("pp")) is not dict:
        raise SealError("the opening summary is not an object")
    mark = raw.get("f")
    if (
        type(mark) is not list
        or len(mark) != len(SOURCES) + 1
        or not set(map(type, mark[:-1])) <= {str}
        or type(mark[-1]) is not int
        or raw.get("q") not in (0, 1)
        or type(raw.get("om")) is not int
        or not _rows_of(raw.get("o"), 5)
        or not _rows_of(raw.get("p"), 6, keyed=True)
        or not _rows_of(raw.get("s"), 3)
        or not _rows_of(raw.get("d"), 2, keyed=True)
        or not set(map(type, raw["pp"])) <= {str}
        or not all(_rows_of(periods, 5) for periods in raw["pp"].values())
        or any(row[0] < 1 for row in raw["s"])
    ):
        raise SealError("the opening summary has an unexpected shape")
    return cast("dict[str, Any]", raw)


SUMMARY = register(
    Kind[dict[str, Any]](
        name="opening.summary",
        version=VERSION,
        compute=_compute,
        encode=dict,
        decode=_decode,
        current=lambda owner_id, value: value["f"] == fingerprint(owner_id),
        follows=tuple(kind.name for kind in SOURCES),
    )
)


def summary_for(*, user: User, vault: Vault) -> Summary:
    """Return everything "What opening up did" shows, from ``user``'s own data: the
    kept numbers with today's names (worked out from the sources when the kept ones
    are old or miss someone now drawn). Never writes."""
    rows, value = derived_read_many((INDEX, SUMMARY), user=user, vault=vault)
    people = PeopleRows(cast("Rows", rows))  # archived people too: they were there
    summary = _from_kept(cast("dict[str, Any]", value), people)
    return summary if summary is not None else summary_from_sources(user=user, vault=vault)


def _from_kept(value: dict[str, Any], people: PeopleRows) -> Summary | None:
    names = _display_names(people)
    by_quarter = bool(value["q"])
    ranked: list[tuple[int, str, int, str, str, list[int]]] = []
    for person_id, moments, *columns in value["p"]:
        name = names.get(person_id)
        if name is not None:
            ranked.append((-moments, name.casefold(), len(ranked), person_id, name, columns))
    ranked.sort()
    kept = value["pp"]
    top = []
    for minus, _, _, person_id, name, _ in ranked[:TOP_PEOPLE]:
        periods = kept.get(person_id)
        if periods is None:  # drawn now, not kept then: work the page out afresh
            return None
        top.append(from_sums(name, {row[0]: row[1:] for row in periods}, -minus, by_quarter))
    overall = from_sums(
        "Everyone", {row[0]: row[1:] for row in value["o"]}, value["om"], by_quarter
    )
    points = [
        FeltPoint(day=date.fromordinal(day), before=before, after=after)
        for day, before, after in value["s"]
    ]
    return Summary(
        felt=felt_summary(points),
        reciprocity=ReciprocityView(
            overall=overall, top=top, others=Others(ranked[TOP_PEOPLE:]), by_quarter=by_quarter
        ),
        depths=_depths_of(((key, depth) for key, depth in value["d"]), people),
    )
