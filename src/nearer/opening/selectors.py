"""Reads of shares, always scoped to one person and opened with their vault.

A share that fails to open is left out of the summaries (share_contents) and shown
as "This share could not be opened" on the list, rather than breaking a page.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple, cast
from uuid import UUID

from django.db import connection
from django.http import Http404
from django.utils import timezone

from nearer.accounts.models import User
from nearer.lib.sqlvalues import as_date, column
from nearer.opening.content import ShareContent, content_open
from nearer.opening.models import Share
from nearer.opening.shown import HEAD, SHOWN, Shown, open_shown, shown_entry
from nearer.people.index import CALLED, INDEX, NAME, PeopleRows, PersonSummary, Rows
from nearer.people.selectors import people_rows
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.derived import derived_read_many


def share_contents(*, user: User, vault: Vault) -> list[tuple[Share, ShareContent]]:
    """Return every share of ``user`` with its opened content, newest first.

    Shares whose content won't open with ``vault`` are left out (a summary counts
    what it can read; the list page says which could not be opened).
    """
    result: list[tuple[Share, ShareContent]] = []
    for share in Share.objects.filter(owner=user).order_by("-created_at", "-id"):
        try:
            content = content_open(vault, share.id, share.content)
        except SealError:
            continue
        result.append((share, content))
    return result


UNREADABLE = "This share could not be opened"
UNKNOWN_PERSON = "(someone no longer listed)"
# A share still being prepared this many days after it was begun gets one gentle word.
WAITED_DAYS = 30


class ShareRow(NamedTuple):
    """The clear columns of a share that pages show (read without making a model)."""

    id: UUID
    state: str
    created_at: datetime
    shared_on: date | None
    moment_id: UUID | None
    entry_id: UUID | None


_ROW_COLUMNS = ("id", "state", "created_at", "shared_on", "moment_id", "entry_id", "content")


@dataclass(slots=True, repr=False)
class ShareView:
    """A share as pages show it; ``content`` is None when it won't open."""

    share: ShareRow
    content: ShareContent | None
    people: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    waited: bool = False

    def __repr__(self) -> str:
        # Never names or words: reprs end up in debug logs (e.g. a template's context).
        return f"ShareView(id={self.share.id}, state={self.share.state})"

    @property
    def id(self) -> UUID:
        return self.share.id

    @property
    def readable(self) -> bool:
        return self.content is not None

    @property
    def names(self) -> str:
        """The people's names joined for reading: "Ana, Ben and Cleo"."""
        names = [name for _, name in self.people]
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(slots=True, repr=False)
class ListedShare:
    """A share as the list shows it: its clear columns and what ``opening.shown``
    keeps of it, the start of its words (``text``, None when it won't open) and with
    whom (``people``: (id, name) pairs). ``day`` is the day its row shows: the day it
    was shared, or, not shared yet, the person's day it was begun."""

    id: str
    state: str
    shared_on: date | None
    day: date
    text: str | None
    people: list[tuple[str, str]]
    waited: bool

    def __repr__(self) -> str:
        # Never names or words: reprs end up in debug logs (e.g. a template's context).
        return f"ListedShare(id={self.id}, state={self.state})"

    @property
    def content(self) -> ShareContent | None:
        """What was opened, as a ``ShareContent`` holding only the words' start and with
        whom (None when it won't open)."""
        if self.text is None:
            return None
        return ShareContent(text=self.text, people=tuple(pid for pid, _ in self.people))

    @property
    def names(self) -> str:
        """The people's names joined for reading: "Ana, Ben and Cleo"."""
        names = [name for _, name in self.people]
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True, slots=True)
class ShareGroups:
    """A person's shares by where they stand, each group newest first."""

    preparing: list[ListedShare]
    shared: list[ListedShare]
    reflected: list[ListedShare]
    let_go: list[ListedShare]

    @property
    def empty(self) -> bool:
        return not (self.preparing or self.shared or self.reflected or self.let_go)


def _waited_before(today: date) -> datetime:
    """A share still preparing that was begun before this moment has waited
    WAITED_DAYS days or more: begun on ``today - WAITED_DAYS`` or earlier, by the
    person's own clock (worked out once, not a time zone conversion per share)."""
    first_day_not_waited = today - timedelta(days=WAITED_DAYS - 1)
    return timezone.make_aware(datetime.combine(first_day_not_waited, time.min))


def _view(
    vault: Vault,
    row: tuple[Any, ...],
    people: Mapping[str, PersonSummary],
    waited_before: datetime,
) -> ShareView:
    share = ShareRow(*row[:6])
    try:
        content: ShareContent | None = content_open(vault, share.id, row[6])
    except SealError:
        content = None
    names = []
    for pid in content.people if content is not None else ():
        person = people.get(pid)
        names.append((pid, person.display_name if person is not None else UNKNOWN_PERSON))
    waited = share.state == Share.State.PREPARING and share.created_at < waited_before
    return ShareView(share=share, content=content, people=names, waited=waited)


@functools.lru_cache(maxsize=4)
def _listed_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    names = ", ".join(column(Share, name) for name in ("id", "state", "created_at", "shared_on"))
    # SUBSTR of a blob (SQLite) or bytea (PostgreSQL) gives bytes on both.
    head = f"SUBSTR({column(Share, 'content')}, 1, {HEAD})"
    return (
        f"SELECT {names}, {head} FROM {quote(Share._meta.db_table)} "  # noqa: S608 - names from the model
        f"WHERE {column(Share, 'owner')} = %s "
        f"ORDER BY {column(Share, 'created_at')} DESC, {column(Share, 'id')} DESC"
    )


def _as_datetime(value: object) -> datetime:
    """A timestamp from a plain cursor: aware already (PostgreSQL) or UTC as ISO text."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def _names(people: PeopleRows, person_ids: list[str]) -> list[tuple[str, str]]:
    rows = people.rows
    names = []
    for pid in person_ids:
        row = rows.get(pid)
        names.append((pid, (row[CALLED] or row[NAME]) if row is not None else UNKNOWN_PERSON))
    return names


def share_groups(*, user: User, vault: Vault, today: date) -> ShareGroups:
    """Return every share of ``user`` as the list shows it: the clear columns of the
    table and, of the sealed content, only the start of the words and with whom
    (kept in ``opening.shown``), with names from the people index."""
    # Both derived values in one query: one round trip on PostgreSQL, not two.
    rows_kept, shown_kept = derived_read_many((INDEX, SHOWN), user=user, vault=vault)
    people = PeopleRows(cast("Rows", rows_kept))  # archived people too: they were there
    shown = cast("Shown", shown_kept)
    groups: dict[str, list[ListedShare]] = {state: [] for state in Share.State.values}
    waited_before = _waited_before(today)
    preparing = Share.State.PREPARING.value
    # Plain SQL: the ORM's conversions of 150 rows cost more than the rest of the list.
    with connection.cursor() as cursor:
        cursor.execute(_listed_sql(connection.vendor), [user.pk])
        rows = cursor.fetchall()
    # SQLite gives the id as 32 hex digits, PostgreSQL as a UUID.
    keys = [raw_id.hex if isinstance(raw_id, UUID) else raw_id for raw_id, *_ in rows]
    # Shares sealed past the services since the value was kept: opened the old way,
    # all in one query.
    stale = [
        key
        for key, row in zip(keys, rows, strict=True)
        if (kept := shown.get(key)) is None or kept[0] != bytes(row[4]).hex()
    ]
    if stale:
        shown = {**shown, **_opened_entries(user, vault, stale)}
    local = timezone.get_current_timezone()
    for key, (_, state, raw_created, raw_shared, _) in zip(keys, rows, strict=True):
        entry = shown.get(key)
        if entry is None:  # deleted between the two reads
            continue
        shared_on = None if raw_shared is None else as_date(raw_shared)
        if shared_on is None:
            # Only a share not shared yet shows (and may wait since) the day it was begun.
            created_at = _as_datetime(raw_created)
            day = created_at.astimezone(local).date()
            waited = state == preparing and created_at < waited_before
        else:
            day, waited = shared_on, False
        groups[state].append(
            ListedShare(
                id=f"{key[:8]}-{key[8:12]}-{key[12:16]}-{key[16:20]}-{key[20:]}",
                state=state,
                shared_on=shared_on,
                day=day,
                text=entry[1] if len(entry) == 3 else None,
                people=_names(people, entry[2]) if len(entry) == 3 else [],
                waited=waited,
            )
        )
    # Shared and reflected shares read best by the day they were shared.
    for state in (Share.State.SHARED, Share.State.REFLECTED):
        groups[state].sort(key=lambda one: one.shared_on or date.min, reverse=True)
    return ShareGroups(
        preparing=groups[Share.State.PREPARING],
        shared=groups[Share.State.SHARED],
        reflected=groups[Share.State.REFLECTED],
        let_go=groups[Share.State.LET_GO],
    )


def _opened_entries(user: User, vault: Vault, keys: list[str]) -> dict[str, list[Any]]:
    """The ``opening.shown`` entries of some shares (by hex id), from their rows."""
    entries = {}
    rows = Share.objects.filter(owner=user, id__in=[UUID(hex=key) for key in keys])
    for share_id, sealed in rows.values_list("id", "content"):
        try:
            content: ShareContent | None = open_shown(vault, share_id, sealed)
        except SealError:
            content = None
        entries[share_id.hex] = shown_entry(sealed, content)
    return entries


def share_for(*, user: User, vault: Vault, share_id: UUID, today: date) -> ShareView:
    """Return this person's share, opened, with names; Http404 when it is not theirs."""
    row = Share.objects.filter(owner=user, id=share_id).values_list(*_ROW_COLUMNS).first()
    if row is None:
        raise Http404("No such share.")
    people = people_rows(user=user, vault=vault, include_archived=True)
    return _view(vault, row, people, _waited_before(today))
