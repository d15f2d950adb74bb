"""Reads of moments, always scoped to one person and opened with their vault.

Only the moments a page shows are opened; names come from the one sealed people
index. A moment that fails to open is shown as "This moment could not be opened"
rather than breaking the page.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple
from uuid import UUID

from django.db import connection
from django.http import Http404

from nearer.accounts.models import User
from nearer.lib.sqlvalues import as_date, as_uuid, column
from nearer.lib.text import fold
from nearer.moments.content import MomentContent, content_open
from nearer.moments.models import Moment, MomentPerson
from nearer.moments.nudges import CIRCLE_RANK
from nearer.people.index import PersonSummary
from nearer.people.labels import short_labels
from nearer.people.models import Person
from nearer.people.selectors import people_index, people_named, people_rows
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

UNREADABLE = "This moment could not be opened"
UNKNOWN_PERSON = "(someone no longer listed)"
# Up to this many others at a person's latest moments are opened from their own rows
# rather than from the people index (about as costly as opening a dozen rows).
FEW_OTHERS = 8
PAGE_SIZE = 25


def _order(prefix: str) -> str:
    """ORDER BY terms for moments newest first. Moments on the same day come newest
    created first, then by id, so a day's order never changes between two reads (and
    never between a person's page and the list)."""
    return ", ".join(
        f"{prefix}{column(Moment, name)} DESC" for name in ("occurred_on", "created_at", "id")
    )


@dataclass(slots=True, repr=False)
class MomentView:
    """A moment as pages show it; ``content`` is None when it won't open."""

    id: UUID
    occurred_on: date
    content: MomentContent | None
    people: list[tuple[str, str]] = field(default_factory=list)  # (id, name)

    def __repr__(self) -> str:
        # Never names or notes: reprs end up in debug logs (e.g. a template's context).
        return f"MomentView(id={self.id}, occurred_on={self.occurred_on})"

    @property
    def readable(self) -> bool:
        return self.content is not None

    @property
    def person_ids(self) -> list[str]:
        return [pid for pid, _ in self.people]

    @property
    def names(self) -> str:
        """The people's names joined for reading: "Ana, Ben and Cleo"."""
        names = [name for _, name in self.people]
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]


def _open(vault: Vault, moment_id: UUID, sealed: bytes | memoryview) -> MomentContent | None:
    try:
        return content_open(vault, moment_id, sealed)
    except SealError:
        return None


def _names(people: Mapping[str, PersonSummary], ids: Iterable[str]) -> list[tuple[str, str]]:
    listed = []
    for pid in ids:
        summary = people.get(pid)
        listed.append((pid, summary.display_name if summary else UNKNOWN_PERSON))
    return sorted(listed, key=lambda item: fold(item[1]))


@functools.lru_cache(maxsize=64)
def _links_sql(vendor: str, count: int) -> str:
    table = connection.ops.quote_name(MomentPerson._meta.db_table)
    moment, person = column(MomentPerson, "moment"), column(MomentPerson, "person")
    marks = ", ".join(["%s"] * count)
    return f"SELECT {moment}, {person} FROM {table} WHERE {moment} IN ({marks})"  # noqa: S608


def _links(moment_ids: Sequence[UUID]) -> dict[UUID, list[str]]:
    links: dict[UUID, list[str]] = {mid: [] for mid in moment_ids}
    if not moment_ids:
        return links
    # Plain SQL: lists ask for a page of moments' people on every visit, and the
    # ORM's query building and UUID conversion cost more than the answer.
    params = [Moment._meta.pk.get_db_prep_value(mid, connection) for mid in moment_ids]
    with connection.cursor() as cursor:
        cursor.execute(_links_sql(connection.vendor, len(params)), params)
        rows = cursor.fetchall()
    for moment_id, person_id in rows:
        links[as_uuid(moment_id)].append(str(as_uuid(person_id)))
    return links


def _views(
    *,
    vault: Vault,
    people: Mapping[str, PersonSummary],
    rows: Sequence[tuple[UUID, date, bytes | memoryview]],
    links: Mapping[UUID, list[str]] | None = None,
) -> list[MomentView]:
    if links is None:
        links = _links([row[0] for row in rows])
    return [
        MomentView(mid, day, _open(vault, mid, sealed), _names(people, links[mid]))
        for mid, day, sealed in rows
    ]


def moment_for(*, user: User, vault: Vault, moment_id: UUID) -> MomentView:
    """Return this person's moment, opened, with names; Http404 when it is not theirs."""
    row = (
        Moment.objects.filter(owner=user, id=moment_id)
        .values_list("id", "occurred_on", "content")
        .first()
    )
    if row is None:
        raise Http404("No such moment.")
    people = people_index(user=user, vault=vault, include_archived=True)
    return _views(vault=vault, people=people, rows=[row])[0]


@dataclass(frozen=True)
class MomentsPage:
    moments: list[MomentView]
    number: int
    pages: int
    total: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def moments_page(
    *,
    user: User,
    vault: Vault,
    number: int,
    size: int = PAGE_SIZE,
    person_id: UUID | None = None,
    people: Mapping[str, PersonSummary] | None = None,
) -> MomentsPage:
    """Return one page of this person's moments, newest first (page 1 is the newest).

    With ``person_id`` (already known to be theirs), only the moments with that
    person. A page number beyond the last gives the last page; only its moments
    are opened.
    """
    # Plain SQL (the count, then one page): the list is read on every visit and the
    # ORM's query building cost more than the database's answers.
    owner = [user.pk]
    if person_id is not None:
        owner.append(Person._meta.pk.get_db_prep_value(person_id, connection))
    count_sql, page_sql = _page_sql(connection.vendor, person_id is not None)
    with connection.cursor() as cursor:
        cursor.execute(count_sql, owner)
        total = cursor.fetchone()[0]
        pages = max(1, -(-total // size))
        number = min(max(1, number), pages)
        start = (number - 1) * size
        cursor.execute(page_sql, [*owner, size, start])
        chosen = [(as_uuid(mid), as_date(day), sealed) for mid, day, sealed in cursor.fetchall()]
    if people is None:
        people = people_rows(user=user, vault=vault, include_archived=True) if chosen else {}
    return MomentsPage(_views(vault=vault, people=people, rows=chosen), number, pages, total)


@functools.lru_cache(maxsize=8)
def _page_sql(vendor: str, with_person: bool) -> tuple[str, str]:
    """The count and one page (LIMIT, OFFSET) of an owner's moments, maybe with one person."""
    quote = connection.ops.quote_name
    moments = quote(Moment._meta.db_table)
    links = quote(MomentPerson._meta.db_table)
    where = f"m.{column(Moment, 'owner')} = %s"
    join = ""
    if with_person:
        join = f" JOIN {links} l ON l.{column(MomentPerson, 'moment')} = m.{column(Moment, 'id')}"
        where += f" AND l.{column(MomentPerson, 'person')} = %s"
    source = f"FROM {moments} m{join} WHERE {where}"
    day = f"m.{column(Moment, 'occurred_on')}"
    return (
        f"SELECT COUNT(*) {source}",
        f"SELECT m.{column(Moment, 'id')}, CAST({day} AS TEXT), "
        f"m.{column(Moment, 'content')} {source} "
        f"ORDER BY {_order('m.')} LIMIT %s OFFSET %s",
    )


def moments_with(
    *,
    user: User,
    vault: Vault,
    person_id: UUID,
    limit: int = 20,
    people: Mapping[str, PersonSummary] | None = None,
    name: str | None = None,
    known_theirs: bool = False,
) -> tuple[list[MomentView], int]:
    """Return the latest ``limit`` moments with one of this person's people, and how many
    there are in all (nothing when the person is not theirs).

    With ``name`` (the person's own name, known to the caller) the people index is
    opened only when more than ``FEW_OTHERS`` others were at these moments; a few are
    opened from their own rows. ``known_theirs`` skips the check that the person is
    ``user``'s, for callers that just read the person scoped to ``user``.
    """
    # Plain SQL throughout: a person's page is benchmarked, and the ORM's query
    # building and conversions cost more than the database's answers.
    sql = _with_sql(connection.vendor)
    person = Person._meta.pk.get_db_prep_value(person_id, connection)
    with connection.cursor() as cursor:
        if not known_theirs:
            cursor.execute(sql.theirs, [user.pk, person])
            if cursor.fetchone() is None:
                return [], 0
        # The person's own links only, no join: the read stays on the (person, day)
        # index, which matters for a partner with thousands of moments.
        cursor.execute(sql.latest, [person, person, limit])
        found = cursor.fetchall()
        if not found:
            return [], 0
        ids, total = [row[0] for row in found], found[0][1]
        # By id alone, then the owner checked here: with the owner in the query SQLite
        # walks every moment of the owner instead of looking up twenty ids.
        cursor.execute(sql.moments(len(ids)), ids)
        rows = [
            (as_uuid(moment_id), as_date(day), sealed)
            for moment_id, day, sealed, owner_id in cursor.fetchall()
            if owner_id == user.pk
        ]
    links = _links([row[0] for row in rows])
    if people is None:
        key = str(person_id)
        alone = all(len(found) == 1 for found in links.values())
        others = {pid for found in links.values() for pid in found if pid != key}
        if name is not None and (alone or len(others) <= FEW_OTHERS):
            # A few others: their own rows cost less to open than the whole index.
            people = {
                **people_named(user=user, vault=vault, person_ids=others),
                key: _named(key, name),
            }
        else:
            # Names are made only for the people at these moments.
            people = people_rows(user=user, vault=vault, include_archived=True)
    return _views(vault=vault, people=people, rows=rows, links=links), total


class _WithSql(NamedTuple):
    theirs: str
    latest: str
    moments_prefix: str
    moments_suffix: str

    def moments(self, count: int) -> str:
        return f"{self.moments_prefix}{', '.join(['%s'] * count)}{self.moments_suffix}"


@functools.lru_cache(maxsize=4)
def _with_sql(vendor: str) -> _WithSql:
    quote = connection.ops.quote_name
    people, moments = quote(Person._meta.db_table), quote(Moment._meta.db_table)
    links = quote(MomentPerson._meta.db_table)
    link_person, link_day = column(MomentPerson, "person"), column(MomentPerson, "occurred_on")
    return _WithSql(
        theirs=(
            f"SELECT 1 FROM {people} WHERE {column(Person, 'owner')} = %s "  # noqa: S608
            f"AND {column(Person, 'id')} = %s"
        ),
        # The latest links and, once (the subquery does not depend on the row), how
        # many there are: one round trip instead of two.
        # The moment's row is joined only for the tie-break within a day: the walk
        # stays on the (person, day) index and sorts just the rows of one day.
        latest=(
            f"SELECT l.{column(MomentPerson, 'moment')}, "  # noqa: S608
            f"(SELECT COUNT(*) FROM {links} WHERE {link_person} = %s) FROM {links} l "
            f"JOIN {moments} m ON m.{column(Moment, 'id')} = "
            f"l.{column(MomentPerson, 'moment')} WHERE l.{link_person} = %s "
            f"ORDER BY l.{link_day} DESC, m.{column(Moment, 'created_at')} DESC, "
            f"m.{column(Moment, 'id')} DESC LIMIT %s"
        ),
        moments_prefix=(
            f"SELECT {column(Moment, 'id')}, CAST({column(Moment, 'occurred_on')} AS TEXT), "  # noqa: S608
            f"{column(Moment, 'content')}, {column(Moment, 'owner')} FROM {moments} "
            f"WHERE {column(Moment, 'id')} IN ("
        ),
        moments_suffix=f") ORDER BY {_order('')}",
    )


def _named(key: str, name: str) -> PersonSummary:
    return PersonSummary(key, name, "", "close", "other", "", None, None, False)


def people_choices(
    people: Mapping[str, PersonSummary], *, keep: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """Return (id, name) of the people one may pick, closest circles first, by name.

    Archived people are left out unless listed in ``keep`` (those already at a
    moment being edited).
    """
    kept = set(keep)
    chosen = [p for key, p in people.items() if not p.archived or key in kept]
    chosen.sort(key=lambda p: (CIRCLE_RANK.get(p.circle, 9), fold(p.display_name)))
    # Labels told apart among those offered ("Emma R.", "Emma T."): people.labels.
    labels = short_labels(chosen)
    return [(p.id, labels[p.id]) for p in chosen]
