"""Reads of people, always scoped to one person and opened with their vault.

Lists and search read the sealed people index (one blob, however many people);
a person's own page opens their row, their dates and their ratings. Anything that
will not open is shown as "could not be opened" rather than breaking the page.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple, cast, overload
from uuid import UUID

from django.db import connection
from django.db.models import Model
from django.http import Http404

from nearer.accounts.models import User
from nearer.lib.private import QuietRepr
from nearer.lib.sqlvalues import as_uuid, column
from nearer.lib.text import fold as _fold
from nearer.people.content import (
    PERSON_LABEL,
    RELATIONSHIPS,
    DateKind,
    PersonDetails,
)
from nearer.people.days import KIND_NAMES, date_open, next_occurrence
from nearer.people.index import PeopleRows, PersonSummary, index_open, index_rows, summary_of
from nearer.people.models import ClosenessRating, ImportantDate, Person
from nearer.people.ratings import SUMMARY, summary_from_ratings, summary_history
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.models import DerivedValue

__all__ = [
    "DateView",
    "PeopleRows",
    "PersonSummary",
    "PersonView",
    "UpcomingDate",
    "UpcomingDates",
    "closeness_history",
    "closeness_last_rated_on",
    "dates_upcoming",
    "dates_upcoming_lazy",
    "people_index",
    "people_list",
    "people_named",
    "people_rows",
    "person_dates",
    "person_get",
    "person_page",
    "relationship_text",
]

UNREADABLE_NAME = "(could not be opened)"
_RELATIONSHIP_NAMES = dict(RELATIONSHIPS)


def people_index(
    *, user: User, vault: Vault, include_archived: bool = False
) -> dict[str, PersonSummary]:
    """Return ``user``'s people by id string (``str(person.id)``), in the order added.

    One sealed blob is opened, however many people there are; archived people are
    left out unless asked for.
    """
    people = index_open(user=user, vault=vault)
    if include_archived:
        return people
    return {key: summary for key, summary in people.items() if not summary.archived}


def people_rows(*, user: User, vault: Vault, include_archived: bool = False) -> PeopleRows:
    """Return ``people_index`` as ``PeopleRows``: the same people, by id string, but a
    ``PersonSummary`` is only made for those looked up (for pages that show a few names
    of many people, like Today). One sealed blob is opened.
    """
    return index_rows(user=user, vault=vault, include_archived=include_archived)


def people_named(
    *, user: User, vault: Vault, person_ids: Iterable[str]
) -> dict[str, PersonSummary]:
    """Return a few of ``user``'s people (archived too) by id string, each opened from
    its own row; ids that are not theirs are left out.

    For a page naming a handful of people (the others at a person's latest moments):
    opening a few rows costs less than opening the index of everyone.
    """
    wanted = [Person._meta.pk.get_db_prep_value(UUID(key), connection) for key in person_ids]
    if not wanted:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_named_sql(connection.vendor, len(wanted)), [user.pk, *wanted])
        rows = cursor.fetchall()
    people: dict[str, PersonSummary] = {}
    for person_id, content, archived_at in rows:
        key = as_uuid(person_id)
        try:
            details = PersonDetails.from_json(vault.open_json(PERSON_LABEL, key, bytes(content)))
        except SealError:
            details = PersonDetails(name=UNREADABLE_NAME)
        people[str(key)] = summary_of(str(key), details, archived=archived_at is not None)
    return people


@functools.lru_cache(maxsize=32)
def _named_sql(vendor: str, count: int) -> str:
    quote = connection.ops.quote_name

    def col(name: str) -> str:
        return column(Person, name)

    return (
        f"SELECT {col('id')}, {col('content')}, {col('archived_at')} "  # noqa: S608
        f"FROM {quote(Person._meta.db_table)} WHERE {col('owner')} = %s "
        f"AND {col('id')} IN ({', '.join(['%s'] * count)})"
    )


def relationship_text(relationship: str, label: str) -> str:
    """Return the person's own word for a relationship, else its name ("Friend")."""
    return label or _RELATIONSHIP_NAMES.get(relationship, "Other")


def _sort_key(summary: PersonSummary) -> str:
    return _fold(summary.display_name)


def people_list(
    *, user: User, vault: Vault, query: str = "", archived: bool = False
) -> list[PersonSummary]:
    """Return ``user``'s people (or only the archived ones), by name.

    ``query`` keeps those whose name, what they are called or relationship holds
    every word of it (capitals and accents ignored). Only the index is opened.
    """
    people = index_open(user=user, vault=vault).values()
    chosen = [s for s in people if s.archived == archived]
    words = _fold(query).split()
    if words:
        chosen = [s for s in chosen if _matches(s, words)]
    chosen.sort(key=_sort_key)
    return chosen


def _matches(summary: PersonSummary, words: list[str]) -> bool:
    haystack = _fold(
        " ".join(
            (
                summary.name,
                summary.called,
                summary.relationship_label,
                _RELATIONSHIP_NAMES.get(summary.relationship, ""),
            )
        )
    )
    return all(word in haystack for word in words)


@dataclass(frozen=True, slots=True, repr=False)
class PersonView(QuietRepr):
    """A person as their page shows them; ``readable`` False when the details won't open."""

    id: UUID
    details: PersonDetails
    readable: bool
    archived_at: datetime | None
    last_moment_on: date | None
    snoozed_until: date | None
    created_at: datetime

    @property
    def archived(self) -> bool:
        return self.archived_at is not None

    @property
    def display_name(self) -> str:
        return self.details.display_name

    @property
    def relationship(self) -> str:
        return relationship_text(self.details.relationship, self.details.relationship_label)


def person_get(*, user: User, vault: Vault, person_id: UUID) -> PersonView:
    """Return one of ``user``'s people (archived too); Http404 for anyone else's id."""
    return _person_view(vault, _person_row(_person_sql(connection.vendor).person, user, person_id))


def person_page(
    *, user: User, vault: Vault, person_id: UUID
) -> tuple[PersonView, list[tuple[date, int]]]:
    """Return one of ``user``'s people and their closeness history (as
    ``closeness_history``) from one query: the history comes from their sealed ratings
    summary (joined to their row), worked out from the ratings when it is missing,
    unreadable or old (nothing is written). Http404 if not theirs."""
    row = _person_row(_person_sql(connection.vendor).page, user, person_id, [SUMMARY.name])
    person = _person_view(vault, row)
    history = summary_history(vault, person.id, row[6], row[7])
    if history is None:
        history = summary_from_ratings(user=user, vault=vault, person_id=person.id)
    return person, history


def _person_row(
    sql: str, user: User, person_id: UUID, first: Sequence[Any] = ()
) -> tuple[Any, ...]:
    # Plain SQL (a person's page is benchmarked), with the backend's own converters
    # for the dates and timestamps, so the values are what the ORM would give.
    with connection.cursor() as cursor:
        pk = Person._meta.pk.get_db_prep_value(person_id, connection)
        cursor.execute(sql, [*first, user.pk, pk])
        row: tuple[Any, ...] | None = cursor.fetchone()
    if row is None:
        raise Http404("No such person.")
    return row


def _person_view(vault: Vault, row: tuple[Any, ...]) -> PersonView:
    person_key = as_uuid(row[0])
    content = row[1]
    archived_at, created_at = _timestamp(row[2]), _timestamp(row[5])
    assert created_at is not None  # noqa: S101 - the column is NOT NULL
    last_moment_on, snoozed_until = _day(row[3]), _day(row[4])
    try:
        details = PersonDetails.from_json(vault.open_json(PERSON_LABEL, person_key, bytes(content)))
        readable = True
    except SealError:
        details, readable = PersonDetails(name=UNREADABLE_NAME), False
    return PersonView(
        id=person_key,
        details=details,
        readable=readable,
        archived_at=archived_at,
        last_moment_on=last_moment_on,
        snoozed_until=snoozed_until,
        created_at=created_at,
    )


@dataclass(frozen=True, slots=True, repr=False)
class DateView(QuietRepr):
    """An important date of one person, with when it next comes round."""

    id: UUID
    kind: DateKind | None  # None when it could not be opened
    label: str
    month: int
    day: int
    year: int | None
    next_on: date
    days_away: int
    years: int | None  # age turned / years marked on ``next_on``, when the year is known

    @property
    def title(self) -> str:
        if self.kind is None:
            return "A date that could not be opened"
        if self.kind == "custom":
            return self.label or KIND_NAMES["custom"]
        return KIND_NAMES[self.kind]


def _date_view(
    vault: Vault,
    date_id: UUID,
    content: bytes,
    month: int,
    day: int,
    year: int | None,
    *,
    today: date,
) -> DateView:
    kind: DateKind | None
    try:
        kind, label = date_open(vault, date_id, content)
    except SealError:
        kind, label = None, ""
    upcoming = next_occurrence(month, day, today=today)
    years = upcoming.year - year if year is not None and upcoming.year > year else None
    return DateView(
        id=date_id,
        kind=kind,
        label=label,
        month=month,
        day=day,
        year=year,
        next_on=upcoming,
        days_away=(upcoming - today).days,
        years=years,
    )


def person_dates(
    *, user: User, vault: Vault, person_id: UUID, today: date, known_theirs: bool = False
) -> list[DateView]:
    """Return a person's important dates, soonest first; Http404 if not ``user``'s person.

    ``known_theirs`` skips asking again whether the person is ``user``'s when they have
    no dates, for callers that just read the person scoped to ``user`` (the rows are
    scoped to the owner either way).
    """
    rows = _of_person(
        _person_sql(connection.vendor).dates, user, person_id, known_theirs=known_theirs
    )
    views = [
        _date_view(vault, as_uuid(i), bytes(c), m, d, y, today=today) for i, c, m, d, y in rows
    ]
    views.sort(key=lambda view: view.days_away)
    return views


def date_get(*, user: User, vault: Vault, date_id: UUID, today: date) -> tuple[DateView, UUID]:
    """Return one of ``user``'s important dates and the id of its person; Http404 otherwise."""
    row = (
        ImportantDate.objects.filter(owner=user, id=date_id)
        .values_list("id", "content", "month", "day", "year", "person_id")
        .first()
    )
    if row is None:
        raise Http404("No such date.")
    date_id, content, month, day, year, person_id = row
    return _date_view(vault, date_id, bytes(content), month, day, year, today=today), person_id


@dataclass(frozen=True, slots=True, repr=False)
class UpcomingDate(QuietRepr):
    """A birthday, anniversary or custom day coming up for one of ``user``'s people.

    ``on`` is the day it falls on (29 February falls on 28 February in years
    without one); ``days_away`` is 0 for today; ``years`` is the age turned (a
    birthday) or the years marked (others) when the year is known, else None.
    """

    date_id: UUID
    person_id: UUID
    person_name: str
    kind: DateKind | None
    label: str
    title: str
    on: date
    days_away: int
    years: int | None


def dates_upcoming(
    *,
    user: User,
    vault: Vault,
    today: date,
    days: int = 14,
    people: Mapping[str, PersonSummary] | None = None,
) -> list[UpcomingDate]:
    """Return the important dates of ``user``'s (not archived) people from ``today`` to
    ``today + days`` inclusive, soonest first (then by name).

    Wraps from December into January. Only the dates in the window are opened;
    names come from the people index (pass ``people``, as from ``people_index``,
    when the caller has opened it already, to save opening it twice).
    """
    return list(dates_upcoming_lazy(user=user, vault=vault, today=today, days=days, people=people))


_Pending = tuple[UUID, UUID, bytes, int, int, "int | None", str]


class UpcomingDates(Sequence[UpcomingDate]):
    """``dates_upcoming`` as a sequence whose dates are opened only when looked at.

    Today shows a few of the dates coming up and counts the rest: their order
    and number come from clear values and the people index, so the others are
    never opened.
    """

    __slots__ = ("_opened", "_pending", "_today", "_vault")

    def __init__(self, vault: Vault, pending: list[_Pending], today: date) -> None:
        self._vault, self._pending, self._today = vault, pending, today
        self._opened: dict[int, UpcomingDate] = {}

    def __len__(self) -> int:
        return len(self._pending)

    @overload
    def __getitem__(self, index: int) -> UpcomingDate: ...

    @overload
    def __getitem__(self, index: slice) -> list[UpcomingDate]: ...

    def __getitem__(self, index: int | slice) -> UpcomingDate | list[UpcomingDate]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._pending)))]
        if index < 0:
            index += len(self._pending)
        opened = self._opened.get(index)
        if opened is None:
            opened = self._opened[index] = self._open(self._pending[index])
        return opened

    def _open(self, pending: _Pending) -> UpcomingDate:
        date_id, person_id, content, month, day, year, name = pending
        view = _date_view(self._vault, date_id, content, month, day, year, today=self._today)
        return UpcomingDate(
            date_id=date_id,
            person_id=person_id,
            person_name=name,
            kind=view.kind,
            label=view.label,
            title=view.title,
            on=view.next_on,
            days_away=view.days_away,
            years=view.years,
        )

    def __repr__(self) -> str:
        return f"UpcomingDates({len(self._pending)} dates)"


def dates_upcoming_lazy(
    *,
    user: User,
    vault: Vault,
    today: date,
    days: int = 14,
    people: Mapping[str, PersonSummary] | None = None,
) -> UpcomingDates:
    """Return ``dates_upcoming`` as ``UpcomingDates``: a date is opened when looked at."""
    last = today + timedelta(days=max(days, 0))
    months = _months_between(today, last)
    # Plain SQL: Today asks on every visit, and the ORM's query building (with its
    # join) cost more than the database's answer. Nothing is opened here.
    if len(months) == 2:
        # A window over two months (the usual two weeks): the database leaves out
        # the first month's days before today and the second's after the last day
        # (+1: 29 February falls on the 28th). ``next_occurrence`` still decides.
        shape, params = "two", [user.pk, months[0], today.day, months[1], last.day + 1]
    else:
        shape, params = str(len(months)), [user.pk, *months]
    with connection.cursor() as cursor:
        cursor.execute(_dates_sql(connection.vendor, shape), params)
        rows = cursor.fetchall()
    found = [row for row in rows if next_occurrence(row[3], row[4], today=today) <= last]
    if not found:
        return UpcomingDates(vault, [], today)
    if people is None:
        people = index_rows(user=user, vault=vault, include_archived=False)
    pending: list[tuple[int, str, _Pending]] = []
    for date_id, person_id, content, month, day, year in found:
        person = as_uuid(person_id)
        summary = people.get(str(person))
        name = summary.display_name if summary else UNREADABLE_NAME
        away = (next_occurrence(month, day, today=today) - today).days
        pending.append(
            (away, _fold(name), (as_uuid(date_id), person, bytes(content), month, day, year, name))
        )
    pending.sort(key=lambda item: (item[0], item[1]))
    return UpcomingDates(vault, [item[2] for item in pending], today)


@functools.lru_cache(maxsize=32)
def _dates_sql(vendor: str, shape: str) -> str:
    """The important dates of one owner's people not archived, in some months.

    ``shape`` "two": (month, from day), (month, to day); else the number of months.
    """
    quote = connection.ops.quote_name

    dates, people = quote(ImportantDate._meta.db_table), quote(Person._meta.db_table)
    fields = ", ".join(
        f"d.{column(ImportantDate, name)}"
        for name in ("id", "person", "content", "month", "day", "year")
    )
    month, day = f"d.{column(ImportantDate, 'month')}", f"d.{column(ImportantDate, 'day')}"
    if shape == "two":
        when = f"(({month} = %s AND {day} >= %s) OR ({month} = %s AND {day} <= %s))"
    else:
        when = f"{month} IN ({', '.join(['%s'] * int(shape))})"
    return (
        f"SELECT {fields} FROM {dates} d "  # noqa: S608 - names from the models
        f"JOIN {people} p ON p.{column(Person, 'id')} = d.{column(ImportantDate, 'person')} "
        f"WHERE d.{column(ImportantDate, 'owner')} = %s AND {when} "
        f"AND p.{column(Person, 'archived_at')} IS NULL"
    )


def _months_between(first: date, last: date) -> list[int]:
    months: list[int] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month) and len(months) < 12:
        months.append(month)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def closeness_history(*, user: User, vault: Vault, person_id: UUID) -> list[tuple[date, int]]:
    """Return (day, 1–7) for each closeness rating of a person, oldest first.

    Read from the person's sealed ratings summary (``people.ratings``), worked out
    from the ratings when missing, unreadable or old. Ratings that will not open
    are left out. Http404 if not ``user``'s person.
    """
    return person_page(user=user, vault=vault, person_id=person_id)[1]


def _timestamp(value: Any) -> datetime | None:
    convert = getattr(connection.ops, "convert_datetimefield_value", None)
    return cast("datetime | None", convert(value, None, connection) if convert else value)


def _day(value: Any) -> date | None:
    convert = getattr(connection.ops, "convert_datefield_value", None)
    return cast("date | None", convert(value, None, connection) if convert else value)


class _PersonSql(NamedTuple):
    person: str
    page: str
    theirs: str
    dates: str


@functools.lru_cache(maxsize=4)
def _person_sql(vendor: str) -> _PersonSql:
    quote = connection.ops.quote_name

    def of_person(model: type[Model], fields: str, order: str) -> str:
        return (
            f"SELECT {fields} FROM {quote(model._meta.db_table)} "  # noqa: S608
            f"WHERE {column(model, 'owner')} = %s AND {column(model, 'person')} = %s "
            f"ORDER BY {order}"
        )

    names = ("id", "content", "archived_at", "last_moment_on", "snoozed_until", "created_at")
    person_fields = ", ".join(column(Person, name) for name in names)
    person_where = f"WHERE {column(Person, 'owner')} = %s AND {column(Person, 'id')} = %s"

    def derived(name: str) -> str:
        return f"d.{column(DerivedValue, name)}"

    # The person with their ratings summary (vault.derived) in one query: the
    # summary's row is found by its unique (owner, kind, subject).
    page_fields = ", ".join(f"p.{column(Person, name)}" for name in names)
    page = (
        f"SELECT {page_fields}, {derived('version')}, {derived('content')} "  # noqa: S608
        f"FROM {quote(Person._meta.db_table)} p "
        f"LEFT JOIN {quote(DerivedValue._meta.db_table)} d "
        f"ON {derived('owner')} = p.{column(Person, 'owner')} AND {derived('kind')} = %s "
        f"AND {derived('subject')} = p.{column(Person, 'id')} "
        f"WHERE p.{column(Person, 'owner')} = %s AND p.{column(Person, 'id')} = %s"
    )
    return _PersonSql(
        person=(
            f"SELECT {person_fields} FROM {quote(Person._meta.db_table)} "  # noqa: S608
            f"{person_where}"
        ),
        page=page,
        theirs=(
            f"SELECT 1 FROM {quote(Person._meta.db_table)} "  # noqa: S608
            f"WHERE {column(Person, 'owner')} = %s AND {column(Person, 'id')} = %s"
        ),
        dates=of_person(
            ImportantDate,
            ", ".join(column(ImportantDate, n) for n in ("id", "content", "month", "day", "year")),
            f"{column(ImportantDate, 'month')}, {column(ImportantDate, 'day')}",
        ),
    )


def _of_person(
    sql: str, user: User, person_id: UUID, *, known_theirs: bool = False
) -> list[tuple[Any, ...]]:
    """Return the rows of ``sql`` for one of ``user``'s people; Http404 if not theirs.

    Plain SQL (a person's page is benchmarked). The rows are scoped to the owner
    already; whether the person is theirs is only asked when there are none, and not
    at all when the caller ``known_theirs``.
    """
    person = Person._meta.pk.get_db_prep_value(person_id, connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, person])
        rows: list[tuple[Any, ...]] = cursor.fetchall()
        if not rows and not known_theirs:
            cursor.execute(_person_sql(connection.vendor).theirs, [user.pk, person])
            if cursor.fetchone() is None:
                raise Http404("No such person.")
    return rows


def closeness_last_rated_on(*, user: User, person_id: UUID) -> date | None:
    """Return the day of the latest closeness rating of a person (nothing opened)."""
    return (
        ClosenessRating.objects.filter(owner=user, person_id=person_id)
        .order_by("-rated_on")
        .values_list("rated_on", flat=True)
        .first()
    )
