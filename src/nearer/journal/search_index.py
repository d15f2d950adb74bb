"""The journal's search text: one sealed record per person and month, opened in bulk.

Searching ten years opened every entry on its own (10,000 rows, ~100 ms, linear in
history). Here each month's entries are kept as one derived value (``vault.derived``,
kind ``journal.search``, the month as subject): their folded title, body and tags,
with ids, dates and the writing time that orders them. A search opens about 120 of
these, looks for each word with ``bytes.find`` over a whole month at once, and opens
only the entries it shows. Nothing of the text is in the clear, and no word,
token or hash of one is stored anywhere: the record is one sealed blob.

The value is derived data; the entries stay the truth. ``entry_create``,
``entry_update`` and ``entry_delete`` change it in their transaction
(``entry_indexed`` / ``entry_unindexed``), under the value's row lock. A reader
whose month is missing, will not open, is of another version or holds another
number of entries than the month has rows works that month out from the rows in
memory and writes nothing; ``derived_refresh`` at login rebuilds it.

Layout of one month (sealed raw, ``Kind.raw``), every integer little-endian::

    n, len(folded), len(plain) or SAME   (3 × uint32)
    ids (16 bytes each) | days (int32 ordinals) | written (int64 µs since 1970)
    | readable (1 byte each) | starts (n+1 uint32) | tag starts (n uint32)
    | plain starts (n+1 uint32, when plain is not folded) | folded | plain

Each entry is one segment of ``folded``: ``fold(title) FF fold(body) FF`` then
``fold(tag) FF`` for each tag, as UTF-8. The byte FF never occurs in UTF-8, so a
word (which holds none) cannot run from one field or entry into the next, and
``FF tag FF`` inside the tags is a whole tag. ``plain`` is the same with each field
as ``Query`` sees it for words in ASCII letters (non-ASCII characters dropped); it
is ``folded`` itself when the two are equal, as for most writing in English.
"""

from __future__ import annotations

import array
import bisect
import functools
import struct
import sys
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connection

from nearer.journal.content import EntryContent, content_open
from nearer.journal.models import Entry
from nearer.lib.sqlvalues import column
from nearer.lib.text import ascii_fold, fold
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.derived import Kind, derived_change, derived_opened, register
from nearer.vault.models import DerivedValue

# Bump when the layout changes: a month of another version is worked out afresh.
VERSION = 1

SEP = b"\xff"
_SAME = 0xFFFFFFFF
_HEAD = struct.Struct("<3I")
# Fixed, so a month's subject is the same in every process and every database.
_NAMESPACE = uuid.UUID("5f0c3c52-8d1e-4c53-9a57-0e7a51b1c0de")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_LITTLE = sys.byteorder == "little"

_MONTH_OF: dict[UUID, tuple[int, int]] = {}


@functools.cache
def month_subject(year: int, month: int) -> UUID:
    """Return the subject of a month's value (the same for everyone; owner is apart)."""
    subject = uuid.uuid5(_NAMESPACE, f"journal.search|{year:04d}-{month:02d}")
    _MONTH_OF[subject] = (year, month)
    return subject


def subject_of(day: date) -> UUID:
    return month_subject(day.year, day.month)


def _micros(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICROSECOND


def _plain(text: str) -> bytes:
    # Exactly how Query matches a word of ASCII letters (search._Field.has).
    return text.lower().encode("ascii") if text.isascii() else ascii_fold(text)


@dataclass(frozen=True, slots=True)
class Item:
    """One entry's searchable text, as it sits in its month."""

    id: bytes
    day: int
    written: int
    readable: bool
    folded: bytes
    tags_at: int  # where the tags begin, within ``folded``
    plain: bytes

    @property
    def order(self) -> tuple[int, int, bytes]:
        return (self.day, self.written, self.id)


def item_for(
    entry_id: UUID, entry_date: date, created_at: datetime, content: EntryContent | None
) -> Item:
    """Return the searchable text of one entry (``content`` None: it would not open)."""
    day, written = entry_date.toordinal(), _micros(created_at)
    if content is None:
        return Item(entry_id.bytes, day, written, False, b"", 0, b"")
    head = fold(content.title).encode() + SEP + fold(content.body).encode() + SEP
    folded = head + b"".join(fold(tag).encode() + SEP for tag in content.tags)
    plain = (
        _plain(content.title)
        + SEP
        + _plain(content.body)
        + SEP
        + b"".join(_plain(tag) + SEP for tag in content.tags)
    )
    return Item(entry_id.bytes, day, written, True, folded, len(head), plain)


def _array(code: str, values: Iterable[int]) -> bytes:
    values_array = array.array(code, values)
    if not _LITTLE:
        values_array.byteswap()
    return values_array.tobytes()


def _unarray(code: str, data: bytes) -> array.array[int]:
    values = array.array(code)
    values.frombytes(data)
    if not _LITTLE:
        values.byteswap()
    return values


class MonthText:
    """A month's entries as one searchable text, newest first (as search lists them)."""

    __slots__ = (
        "days",
        "folded_at",
        "folded_end",
        "ids",
        "n",
        "plain_at",
        "plain_end",
        "plain_starts",
        "readable",
        "same",
        "starts",
        "tag_starts",
        "text",
        "written",
    )

    def __init__(
        self,
        *,
        ids: bytes,
        days: array.array[int],
        written: array.array[int],
        readable: bytes,
        starts: array.array[int],
        tag_starts: array.array[int],
        plain_starts: array.array[int],
        text: bytes,
        folded_at: int,
        plain_at: int | None,
    ) -> None:
        """``text`` holds the folded text at ``folded_at`` (as long as ``starts`` says)
        and the plain one at ``plain_at`` (None: the plain text is the folded one).
        Searches run within the opened value itself: no copy of a large text."""
        self.n = len(days)
        self.ids, self.days, self.written, self.readable = ids, days, written, readable
        self.starts, self.tag_starts, self.plain_starts = starts, tag_starts, plain_starts
        self.text, self.same = text, plain_at is None
        self.folded_at, self.folded_end = folded_at, folded_at + starts[-1]
        self.plain_at = folded_at if plain_at is None else plain_at
        self.plain_end = self.plain_at + plain_starts[-1]

    @property
    def folded(self) -> bytes:
        return self.text[self.folded_at : self.folded_end]

    @property
    def plain(self) -> bytes:
        return self.text[self.plain_at : self.plain_end]

    def __repr__(self) -> str:
        # Never the text: this may end up in a log or a test's failure message.
        return f"MonthText({self.n} entries)"

    @classmethod
    def of(cls, items: Iterable[Item]) -> MonthText:
        """Return the month holding ``items`` (in any order)."""
        ordered = sorted(items, key=lambda item: item.order, reverse=True)
        starts, tag_starts, plain_starts = [0], [], [0]
        for item in ordered:
            tag_starts.append(starts[-1] + item.tags_at)
            starts.append(starts[-1] + len(item.folded))
            plain_starts.append(plain_starts[-1] + len(item.plain))
        folded = b"".join(item.folded for item in ordered)
        plain = b"".join(item.plain for item in ordered)
        same = plain == folded
        return cls(
            ids=b"".join(item.id for item in ordered),
            days=array.array("i", (item.day for item in ordered)),
            written=array.array("q", (item.written for item in ordered)),
            readable=bytes(item.readable for item in ordered),
            starts=array.array("I", starts),
            tag_starts=array.array("I", tag_starts),
            plain_starts=array.array("I", starts if same else plain_starts),
            text=folded if same else folded + plain,
            folded_at=0,
            plain_at=None if same else len(folded),
        )

    def items(self) -> list[Item]:
        """Return the month's entries one by one (for a change by a service)."""
        folded, plain, starts, plain_starts = (
            self.folded,
            self.plain,
            self.starts,
            self.plain_starts,
        )
        return [
            Item(
                self.ids[16 * i : 16 * i + 16],
                self.days[i],
                self.written[i],
                bool(self.readable[i]),
                folded[starts[i] : starts[i + 1]],
                self.tag_starts[i] - starts[i],
                plain[plain_starts[i] : plain_starts[i + 1]],
            )
            for i in range(self.n)
        ]

    def with_item(self, item: Item) -> MonthText:
        """Return this month with ``item`` added, or in place of the entry of its id."""
        return MonthText.of([*(old for old in self.items() if old.id != item.id), item])

    def without(self, entry_id: UUID) -> MonthText:
        """Return this month without the entry ``entry_id``."""
        return MonthText.of(old for old in self.items() if old.id != entry_id.bytes)

    def entry_id(self, index: int) -> UUID:
        return UUID(bytes=self.ids[16 * index : 16 * index + 16])

    @property
    def unreadable(self) -> int:
        return self.n - sum(self.readable)

    def encode(self) -> bytes:
        same = self.same
        return b"".join(
            (
                _HEAD.pack(self.n, len(self.folded), _SAME if same else len(self.plain)),
                self.ids,
                _array("i", self.days),
                _array("q", self.written),
                self.readable,
                _array("I", self.starts),
                _array("I", self.tag_starts),
                b"" if same else _array("I", self.plain_starts),
                self.folded,
                b"" if same else self.plain,
            )
        )

    @classmethod
    def decode(cls, raw: bytes) -> MonthText:
        """Return the month stored in ``raw``; SealError when its layout is off."""
        if len(raw) < _HEAD.size:
            raise SealError("search month is too short")
        n, folded_size, plain_size = _HEAD.unpack_from(raw)
        same = plain_size == _SAME
        sizes = [16 * n, 4 * n, 8 * n, n, 4 * (n + 1), 4 * n]
        sizes += [0 if same else 4 * (n + 1), folded_size, 0 if same else plain_size]
        if _HEAD.size + sum(sizes) != len(raw):
            raise SealError("search month has an unexpected size")
        parts, at = [], _HEAD.size
        for size in sizes[:7]:
            parts.append(raw[at : at + size])
            at += size
        ids, days, written, readable, starts, tag_starts, plain_starts = parts[:7]
        starts_array = _unarray("I", starts)
        if starts_array[0] != 0 or starts_array[-1] != folded_size:
            raise SealError("search month has unexpected offsets")
        return cls(
            ids=ids,
            days=_unarray("i", days),
            written=_unarray("q", written),
            readable=readable,
            starts=starts_array,
            tag_starts=_unarray("I", tag_starts),
            plain_starts=starts_array if same else _unarray("I", plain_starts),
            text=raw,
            folded_at=at,
            plain_at=None if same else at + folded_size,
        )

    def matches(self, terms: list[tuple[bytes, bool]], tag: bytes) -> list[int]:
        """Return the indexes (newest first) of the entries holding every word and the tag.

        ``terms``: each folded word as UTF-8 and whether it is looked for in ``plain``
        (a word of ASCII letters). ``tag``: a folded tag the entry must carry, or b"".
        """
        found: list[int] | None = None
        if tag:
            found = self._with_tag(SEP + tag + SEP)
        find = self.text.find
        for term, in_plain in terms:
            if in_plain:
                base, end, starts = self.plain_at, self.plain_end, self.plain_starts
            else:
                base, end, starts = self.folded_at, self.folded_end, self.starts
            if found is None:
                found = self._holding(term, base, end, starts)
            else:
                found = [
                    i for i in found if find(term, base + starts[i], base + starts[i + 1]) >= 0
                ]
            if not found:
                return []
        return found if found is not None else []

    def _holding(self, term: bytes, base: int, end: int, starts: array.array[int]) -> list[int]:
        # One find per matching entry, not per occurrence: after a hit, go on from
        # the next entry's start.
        found: list[int] = []
        find, where = self.text.find, bisect.bisect_right
        at = find(term, base, end)
        while at >= 0:
            index = where(starts, at - base) - 1
            found.append(index)
            at = find(term, base + starts[index + 1], end)
        return found

    def tags(self) -> Iterator[tuple[int, list[bytes]]]:
        """Yield each readable entry's index (newest first) and its folded tags."""
        text, base, starts, tag_starts = self.text, self.folded_at, self.starts, self.tag_starts
        for index in range(self.n):
            if not self.readable[index]:
                continue
            segment = text[base + tag_starts[index] : base + starts[index + 1]]
            if segment:
                # "tag FF tag FF": the last piece after the final separator is empty.
                yield index, segment.split(SEP)[:-1]

    def _with_tag(self, pattern: bytes) -> list[int]:
        found: list[int] = []
        find, base, end = self.text.find, self.folded_at, self.folded_end
        starts, tag_starts = self.starts, self.tag_starts
        at = find(pattern, base, end)
        while at >= 0:
            index = bisect.bisect_right(starts, at - base) - 1
            # Only between the tags' own separators: not "FF body FF", not the last
            # separator of one entry running into the next one's title.
            if at - base >= tag_starts[index] - 1 and at - base + len(pattern) <= starts[index + 1]:
                found.append(index)
                at = find(pattern, base + starts[index + 1], end)
            else:
                at = find(pattern, at + 1, end)
        return found


# --- Working a month out from the rows -------------------------------------------------


def _open(vault: Vault, entry_id: UUID, sealed: bytes | memoryview) -> EntryContent | None:
    try:
        return content_open(vault, entry_id, sealed)
    except SealError:
        return None


def _month_rows(owner_id: int, start: date | None = None, end: date | None = None) -> Any:
    rows = Entry.objects.filter(owner_id=owner_id)
    if start is not None and end is not None:
        rows = rows.filter(entry_date__gte=start, entry_date__lt=end)
    return rows.values_list("id", "entry_date", "created_at", "content").iterator(chunk_size=2000)


def _bounds(year: int, month: int) -> tuple[date, date]:
    start = date(year, month, 1)
    return start, date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def _month_of(owner_id: int, subject: UUID) -> tuple[int, int] | None:
    if subject not in _MONTH_OF:
        for day in Entry.objects.filter(owner_id=owner_id).dates("entry_date", "month"):
            subject_of(day)
    return _MONTH_OF.get(subject)


def month_from_rows(owner_id: int, vault: Vault, subject: UUID) -> MonthText:
    """Return a month's text worked out from its rows now (reads only)."""
    month = _month_of(owner_id, subject)
    if month is None:
        return MonthText.of([])
    rows = _month_rows(owner_id, *_bounds(*month))
    return MonthText.of(
        item_for(entry_id, day, created_at, _open(vault, entry_id, sealed))
        for entry_id, day, created_at, sealed in rows
    )


def _months_from_rows(owner_id: int, vault: Vault, subjects: list[UUID]) -> dict[UUID, MonthText]:
    """``month_from_rows`` of many months, reading the rows once (the refresh at login)."""
    wanted = set(subjects)
    items: dict[UUID, list[Item]] = {subject: [] for subject in subjects}
    for entry_id, day, created_at, sealed in _month_rows(owner_id):
        subject = subject_of(day)
        if subject in wanted:
            items[subject].append(
                item_for(entry_id, day, created_at, _open(vault, entry_id, sealed))
            )
    return {subject: MonthText.of(month_items) for subject, month_items in items.items()}


def _months_with_entries(owner_id: int) -> Iterator[UUID]:
    for day in Entry.objects.filter(owner_id=owner_id).dates("entry_date", "month"):
        yield subject_of(day)


def _decode(raw: Any) -> MonthText:
    if type(raw) is not bytes:
        raise SealError("search month is not bytes")
    return MonthText.decode(raw)


SEARCH_TEXT = register(
    Kind[MonthText](
        name="journal.search",
        version=VERSION,
        compute=month_from_rows,
        encode=MonthText.encode,
        decode=_decode,
        subjects=_months_with_entries,
        compute_many=_months_from_rows,
        raw=True,
    )
)


# --- Kept by the services ----------------------------------------------------------------


def entry_indexed(
    *,
    user: AbstractBaseUser,
    vault: Vault,
    entry: Entry,
    content: EntryContent,
    moved_from: date | None = None,
) -> None:
    """Put an entry just saved into its month's text (inside the service's transaction).

    ``moved_from``: its date before an edit, when that was in another month.
    """
    item = item_for(entry.id, entry.entry_date, entry.created_at, content)
    new = subject_of(entry.entry_date)
    old = subject_of(moved_from) if moved_from is not None else new
    changes = {new: lambda month: month.with_item(item)}
    if old != new:
        changes[old] = lambda month: month.without(entry.id)
    # Sorted: two edits moving entries between the same months lock them in one order.
    for subject in sorted(changes):
        derived_change(
            SEARCH_TEXT, user=user, vault=vault, subject=subject, change=changes[subject]
        )


def entry_unindexed(
    *, user: AbstractBaseUser, vault: Vault, entry_id: UUID, entry_date: date
) -> None:
    """Take an entry just deleted out of its month's text (inside the service's transaction)."""
    derived_change(
        SEARCH_TEXT,
        user=user,
        vault=vault,
        subject=subject_of(entry_date),
        change=lambda month: month.without(entry_id),
    )


# --- Read by search ------------------------------------------------------------------------


def _counts_sql() -> str:
    quote = connection.ops.quote_name
    day, owner = column(Entry, "entry_date"), column(Entry, "owner")
    # 'YYYY-MM' on SQLite (dates are ISO text) and PostgreSQL (ISO is the default
    # output of a date as text): about 120 rows, no date parsed in Python.
    month = f"SUBSTR(CAST({day} AS TEXT), 1, 7)"
    return (
        f"SELECT {month}, COUNT(*) FROM {quote(Entry._meta.db_table)} "  # noqa: S608 - model names
        f"WHERE {owner} = %s GROUP BY {month}"
    )


def _stored_sql() -> str:
    quote = connection.ops.quote_name
    cols = [column(DerivedValue, name) for name in ("subject", "version", "content")]
    return (
        f"SELECT {', '.join(cols)} FROM {quote(DerivedValue._meta.db_table)} "  # noqa: S608
        f"WHERE {column(DerivedValue, 'owner')} = %s AND {column(DerivedValue, 'kind')} = %s"
    )


@functools.lru_cache(maxsize=4096)
def _as_uuid(value: object) -> UUID:
    # Cached: the same hundred or so month subjects come back on every search.
    return value if isinstance(value, UUID) else UUID(str(value))


def months_read(*, user: AbstractBaseUser, vault: Vault) -> list[MonthText]:
    """Return the text of every month with entries, newest month first. Never writes.

    A month whose stored text is missing, will not open, is of another version or
    holds another number of entries than its rows (a write that skipped the
    services) is worked out from its rows instead: slower, the same answer.
    """
    counts: dict[tuple[int, int], int] = {}
    with connection.cursor() as cursor:
        cursor.execute(_counts_sql(), [user.pk])
        for year_month, count in cursor.fetchall():
            counts[int(year_month[:4]), int(year_month[5:7])] = count
        cursor.execute(_stored_sql(), [user.pk, SEARCH_TEXT.name])
        stored = {_as_uuid(subject): (version, content) for subject, version, content in cursor}
    months: list[MonthText] = []
    for month in sorted(counts, reverse=True):
        subject = month_subject(*month)
        version, content = stored.get(subject, (None, None))
        text = derived_opened(
            SEARCH_TEXT, vault=vault, subject=subject, version=version, content=content
        )
        if text is None or text.n != counts[month]:
            text = month_from_rows(user.pk, vault, subject)
        months.append(text)
    return months


def _range_counts_sql() -> str:
    quote = connection.ops.quote_name
    day, owner = column(Entry, "entry_date"), column(Entry, "owner")
    month = f"SUBSTR(CAST({day} AS TEXT), 1, 7)"
    return (
        f"SELECT {month}, COUNT(*) FROM {quote(Entry._meta.db_table)} "  # noqa: S608 - model names
        f"WHERE {owner} = %s AND {day} >= %s AND {day} < %s GROUP BY {month}"
    )


def _span_sql() -> str:
    quote = connection.ops.quote_name
    day, owner = column(Entry, "entry_date"), column(Entry, "owner")
    return (
        f"SELECT MAX({day}), MIN({day}) FROM {quote(Entry._meta.db_table)} "  # noqa: S608
        f"WHERE {owner} = %s"
    )


@functools.lru_cache(maxsize=64)
def _stored_in_sql(count: int) -> str:
    subject = column(DerivedValue, "subject")
    return f"{_stored_sql()} AND {subject} IN ({', '.join(['%s'] * count)})"


def _subject_param(subject: UUID) -> Any:
    # As the column stores it: 32 hex digits on SQLite, a uuid on PostgreSQL.
    return DerivedValue._meta.get_field("subject").get_db_prep_value(subject, connection)


def _month_before(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


# Months opened by the first read of months_newest; each later read opens four times
# as many. A common word fills a page from the newest few months; a word found
# nowhere reads ten years in four batches (3 + 12 + 48 + 192 months): each batch
# costs two queries, about 1 ms on SQLite, measured against doubling (six batches).
FIRST_BATCH = 3
GROWTH = 4


def months_newest(
    *, user: AbstractBaseUser, vault: Vault, start: tuple[int, int] | None = None
) -> Iterator[tuple[tuple[int, int], MonthText]]:
    """Yield (year, month) and the text of each month with entries, newest first, from
    ``start`` (inclusive) back. Never writes.

    Lazily, in growing batches: a search that stops once its page is full reads and
    opens only the newest months it needed, not ten years (``months_read`` reads all).
    Each batch counts its months' entries by date range (the owner's date index) and
    reads their stored texts by subject; a month whose text is missing, stale or will
    not open is worked out from its rows, as in ``months_read``.
    """
    with connection.cursor() as cursor:
        cursor.execute(_span_sql(), [user.pk])
        newest, oldest = cursor.fetchone()
    if newest is None or oldest is None:
        return
    # ISO dates, as text on SQLite and as dates on PostgreSQL: year and month only.
    newest, oldest = str(newest), str(oldest)
    at = (int(newest[:4]), int(newest[5:7]))
    if start is not None and start < at:
        at = start
    last = (int(oldest[:4]), int(oldest[5:7]))
    size = FIRST_BATCH
    while at >= last:
        batch = [at]
        while len(batch) < size and _month_before(*batch[-1]) >= last:
            batch.append(_month_before(*batch[-1]))
        counts: dict[tuple[int, int], int] = {}
        with connection.cursor() as cursor:
            cursor.execute(
                _range_counts_sql(),
                [user.pk, _bounds(*batch[-1])[0], _bounds(*batch[0])[1]],
            )
            for year_month, count in cursor.fetchall():
                counts[int(year_month[:4]), int(year_month[5:7])] = count
        subjects = {month: month_subject(*month) for month in batch if month in counts}
        stored: dict[UUID, tuple[int, Any]] = {}
        if subjects:
            # Plain SQL: building this query with the ORM cost about 2 ms a batch.
            with connection.cursor() as cursor:
                cursor.execute(
                    _stored_in_sql(len(subjects)),
                    [user.pk, SEARCH_TEXT.name, *map(_subject_param, subjects.values())],
                )
                for subject, version, content in cursor:
                    stored[_as_uuid(subject)] = (version, content)
        for month in batch:
            if month not in counts:
                continue
            subject = subjects[month]
            version, content = stored.get(subject, (None, None))
            text = derived_opened(
                SEARCH_TEXT, vault=vault, subject=subject, version=version, content=content
            )
            if text is None or text.n != counts[month]:
                text = month_from_rows(user.pk, vault, subject)
            yield month, text
        at = _month_before(*batch[-1])
        size *= GROWTH
