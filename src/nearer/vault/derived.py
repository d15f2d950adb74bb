"""Derived sealed data: values worked out from a person's rows, kept sealed, one way.

Some pages need a summary of many rows at once (everyone's name and rhythm, ten
years of scores, every closeness rating of a person); opening one sealed blob
costs about as much as opening a few rows, so the summary is kept in a
``DerivedValue`` row. Every such value follows the same rules:

- It is sealed with the owner's vault, bound to its kind, subject and version.
- A reader (``derived_read``) opens it; when it is missing, will not open
  (tampered, another account's) or was written in another version, the reader
  works the value out from the source rows in memory and returns that. A reader
  never writes: a GET stays a read, and two first reads cannot collide.
- The services that write the source rows change the value in the same
  transaction (``derived_change``), under a row lock, so it follows every write.
- What is missing, unreadable or old is rebuilt in one place only,
  ``derived_refresh``, called right after the vault is unlocked at login.

A kind is declared once (``Kind``: its name, version, how to compute it from
the rows, how to encode and check it) and registered; the apps that own the
rows declare theirs (``people.index``, ``people.ratings``, ``scales.summary``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from uuid import UUID

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connection, transaction
from django.utils import timezone

from nearer.lib.owner import check_vault
from nearer.lib.sqlvalues import column
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.models import WHOLE_ACCOUNT, DerivedValue

__all__ = [
    "WHOLE_ACCOUNT",
    "Kind",
    "derived_change",
    "derived_forget",
    "derived_opened",
    "derived_read",
    "derived_read_many",
    "derived_rebuild",
    "derived_refresh",
    "derived_store",
    "register",
]

T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Kind(Generic[T]):
    """One kind of derived value.

    ``compute(owner_id, vault, subject)`` works the value out from the owner's
    source rows (reads only). ``encode`` turns it into JSON; ``decode`` turns the
    opened JSON back and raises SealError when its shape is off. ``subjects``
    returns the subjects that should have a value (the owner's people, say);
    None means one value for the whole account. ``compute_many`` (optional, for
    per-subject kinds) computes the values of many subjects at once, for the
    refresh. Bump ``version`` whenever the encoded shape changes: values of
    another version are computed afresh. ``raw``: ``encode`` returns bytes and
    ``decode`` takes them, sealed as they are (for large values whose JSON would
    cost more to parse than to open: the journal's search text). ``current``
    (optional, for values no single service keeps: insights depend on check-ins,
    moments and scales) says whether an opened value still matches the owner's
    rows (say, by a fingerprint of counts and latest changes stored with it); a
    value that does not is treated as old: the reader computes afresh, the
    refresh rebuilds it. ``follows`` (optional, for whole-account values worked
    out from other derived values, with ``current`` watching them): the names of
    the kinds it is built from; whenever one of them is changed, rebuilt or stored,
    this one is rebuilt too, right after that transaction commits (so the locks of
    the two are never held together and two writers cannot deadlock; a value seen
    in between is told old by ``current``).
    """

    name: str
    version: int
    compute: Callable[[int, Vault, UUID], T]
    encode: Callable[[T], Any]
    decode: Callable[[Any], T]
    subjects: Callable[[int], Iterable[UUID]] | None = None
    compute_many: Callable[[int, Vault, list[UUID]], dict[UUID, T]] | None = None
    raw: bool = False
    current: Callable[[int, T], bool] | None = None
    follows: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        # The version is part of the sealing label: content written for one
        # version does not open as another, whatever the clear column says.
        return f"vault.derived.{self.name}.v{self.version}"

    def seal(self, vault: Vault, subject: UUID, value: T) -> bytes:
        if self.raw:
            return vault.seal_bytes(self.label, subject, self.encode(value))
        return vault.seal_json(self.label, subject, self.encode(value))


_KINDS: dict[str, Kind[Any]] = {}


def register(kind: Kind[T]) -> Kind[T]:
    """Add ``kind`` to those ``derived_refresh`` keeps up to date; return it."""
    if _KINDS.get(kind.name, kind) is not kind:
        raise ValueError(f"derived kind {kind.name!r} is registered twice")
    _KINDS[kind.name] = kind
    return kind


def derived_opened(
    kind: Kind[T],
    *,
    vault: Vault,
    subject: UUID,
    version: int | None,
    content: bytes | memoryview | None,
) -> T | None:
    """Return a stored value opened and checked, or None when it is missing (``content``
    None), of another version or will not open. For callers that read the row
    themselves (a person's page joins it to the person)."""
    if content is None or version != kind.version:
        return None
    try:
        if kind.raw:
            return kind.decode(vault.open_bytes(kind.label, subject, bytes(content)))
        return kind.decode(vault.open_json(kind.label, subject, bytes(content)))
    except SealError:
        return None


@functools.lru_cache(maxsize=4)
def _read_sql(vendor: str) -> str:
    quote = connection.ops.quote_name

    def col(name: str) -> str:
        return column(DerivedValue, name)

    return (
        f"SELECT {col('version')}, {col('content')} "  # noqa: S608 - names from the model
        f"FROM {quote(DerivedValue._meta.db_table)} "
        f"WHERE {col('owner')} = %s AND {col('kind')} = %s AND {col('subject')} = %s"
    )


def _subject_param(subject: UUID) -> Any:
    return DerivedValue._meta.get_field("subject").get_db_prep_value(subject, connection)


def derived_read(
    kind: Kind[T], *, user: AbstractBaseUser, vault: Vault, subject: UUID = WHOLE_ACCOUNT
) -> T:
    """Return ``user``'s value of ``kind`` for ``subject``: the stored one, or, when it
    is missing, unreadable or old, one computed from the rows now. Never writes."""
    # Plain SQL: lists and Today read a value on every visit, and the ORM's query
    # building cost more than the database's answer. One row at most (unique).
    with connection.cursor() as cursor:
        cursor.execute(_read_sql(connection.vendor), [user.pk, kind.name, _subject_param(subject)])
        row = cursor.fetchone()
    value = (
        None
        if row is None
        else derived_opened(kind, vault=vault, subject=subject, version=row[0], content=row[1])
    )
    if value is None or not _current(kind, user.pk, value):
        value = kind.compute(user.pk, vault, subject)
    return value


@functools.lru_cache(maxsize=16)
def _read_many_sql(vendor: str, count: int) -> str:
    quote = connection.ops.quote_name

    def col(name: str) -> str:
        return column(DerivedValue, name)

    kinds = ", ".join(["%s"] * count)
    return (
        f"SELECT {col('kind')}, {col('version')}, {col('content')} "  # noqa: S608 - names from the model
        f"FROM {quote(DerivedValue._meta.db_table)} "
        f"WHERE {col('owner')} = %s AND {col('subject')} = %s AND {col('kind')} IN ({kinds})"
    )


def derived_read_many(
    kinds: tuple[Kind[Any], ...], *, user: AbstractBaseUser, vault: Vault
) -> tuple[Any, ...]:
    """Return ``user``'s whole-account values of ``kinds``, in their order, each as
    ``derived_read`` returns it (the stored one, or worked out now when missing,
    unreadable or old), read in one query. Never writes.

    For a page that shows several derived values at once: on PostgreSQL each query is
    a round trip, so five reads cost five times the wait of one. The caller types each
    value by its position (``cast``), as it knows the kinds it passed.
    """
    names = [kind.name for kind in kinds]
    with connection.cursor() as cursor:
        cursor.execute(
            _read_many_sql(connection.vendor, len(names)),
            [user.pk, _subject_param(WHOLE_ACCOUNT), *names],
        )
        stored = {name: (version, content) for name, version, content in cursor.fetchall()}
    values = []
    for kind in kinds:
        version, content = stored.get(kind.name, (None, None))
        value = derived_opened(
            kind, vault=vault, subject=WHOLE_ACCOUNT, version=version, content=content
        )
        if value is None or not _current(kind, user.pk, value):
            value = kind.compute(user.pk, vault, WHOLE_ACCOUNT)
        values.append(value)
    return tuple(values)


def _current(kind: Kind[T], owner_id: int, value: T | None) -> bool:
    """Return whether an opened value is still current (always, unless the kind says)."""
    return value is not None and (kind.current is None or kind.current(owner_id, value))


def _claim(kind: Kind[Any], owner_id: int, subject: UUID) -> DerivedValue:
    """Return the row of one value, locked until the transaction ends; make it if missing.

    Two requests may both find the value missing and build it at once. The insert
    skips a row that exists (ON CONFLICT DO NOTHING; on PostgreSQL it waits for a
    concurrent insert of the same row to commit first), so neither gets an
    IntegrityError; the lock then makes the second wait until the first commits,
    and it reads (READ COMMITTED) what the first wrote, so no update is lost.
    """
    DerivedValue.objects.bulk_create(
        [DerivedValue(owner_id=owner_id, kind=kind.name, subject=subject)], ignore_conflicts=True
    )
    return DerivedValue.objects.select_for_update().get(
        owner_id=owner_id, kind=kind.name, subject=subject
    )


def _store(kind: Kind[T], vault: Vault, row: DerivedValue, value: T) -> None:
    row.version = kind.version
    row.content = kind.seal(vault, row.subject, value)
    row.save(update_fields=["version", "content", "updated_at"])
    _followers_after_commit(kind, row.owner_id, vault)


def _followers_after_commit(kind: Kind[Any], owner_id: int, vault: Vault) -> None:
    """Rebuild the kinds that follow ``kind`` once the transaction commits (see Kind).

    Asked once per transaction: an import of thousands of moments in one transaction
    would otherwise queue thousands of rebuilds. A rebuild already asked for and not
    yet run, under the list of callbacks Django holds for this transaction, is not
    asked again (Django starts a new list when a transaction, or a savepoint that
    held callbacks, ends; so one asked for in a rolled-back part is asked again).
    """
    pending: dict[tuple[str, int], _FollowerRebuild] = connection.__dict__.setdefault(
        "_nearer_followers_pending", {}
    )
    for follower in _KINDS.values():
        if kind.name not in follower.follows:
            continue
        asked = pending.get((follower.name, owner_id))
        if (
            asked is not None
            and not asked.ran
            and asked.callbacks is connection.run_on_commit
            and connection.in_atomic_block
        ):
            continue
        rebuild = _FollowerRebuild(follower, owner_id, vault, connection.run_on_commit)
        transaction.on_commit(rebuild, robust=True)
        pending[(follower.name, owner_id)] = rebuild


class _FollowerRebuild:
    """One rebuild of a follower, run after commit; says whether it has run."""

    __slots__ = ("callbacks", "kind", "owner_id", "ran", "vault")

    def __init__(self, kind: Kind[Any], owner_id: int, vault: Vault, callbacks: object) -> None:
        self.kind, self.owner_id, self.vault = kind, owner_id, vault
        self.callbacks, self.ran = callbacks, False

    def __call__(self) -> None:
        self.ran = True
        _rebuild_follower(self.kind, self.owner_id, self.vault)

    def __repr__(self) -> str:
        return f"_FollowerRebuild({self.kind.name})"


def _rebuild_follower(kind: Kind[Any], owner_id: int, vault: Vault) -> None:
    # Its own short transaction, after the writer's: the follower's lock alone. A
    # writer that changed several of its sources asked for several rebuilds; after
    # the first, the value is current and the others only check that.
    with transaction.atomic():
        row = _claim(kind, owner_id, WHOLE_ACCOUNT)
        opened = derived_opened(
            kind, vault=vault, subject=WHOLE_ACCOUNT, version=row.version, content=row.content
        )
        if not _current(kind, owner_id, opened):
            _store(kind, vault, row, kind.compute(owner_id, vault, WHOLE_ACCOUNT))


@transaction.atomic
def derived_change(
    kind: Kind[T],
    *,
    user: AbstractBaseUser,
    vault: Vault,
    change: Callable[[T], T],
    subject: UUID = WHOLE_ACCOUNT,
) -> T:
    """Apply ``change`` to the stored value and save it; return the new value.

    Call inside the transaction of the service that changed the source rows,
    after changing them: when there is no readable value yet, it is computed from
    the rows (which already hold the change) and ``change`` is not applied.
    """
    check_vault(user, vault)
    row = _claim(kind, user.pk, subject)
    value = derived_opened(
        kind, vault=vault, subject=subject, version=row.version, content=row.content
    )
    value = (
        change(value)
        if value is not None and _current(kind, user.pk, value)
        else kind.compute(user.pk, vault, subject)
    )
    _store(kind, vault, row, value)
    return value


@transaction.atomic
def derived_rebuild(
    kind: Kind[T], *, user: AbstractBaseUser, vault: Vault, subject: UUID = WHOLE_ACCOUNT
) -> T:
    """Compute one value from the rows and store it, whatever was there; return it.

    For writes that skip the services (bulk inserts of the demo), in their transaction.
    """
    check_vault(user, vault)
    row = _claim(kind, user.pk, subject)
    value = kind.compute(user.pk, vault, subject)
    _store(kind, vault, row, value)
    return value


@transaction.atomic
def derived_store(
    kind: Kind[T], *, user: AbstractBaseUser, vault: Vault, subject: UUID, value: T
) -> None:
    """Store ``value`` as it is, whatever was there.

    For a writer that has just made every source row of a subject itself (a bulk
    insert into a month that had no entries) and so holds the value without reading
    the rows back; in its transaction. Anything else uses derived_change.
    """
    check_vault(user, vault)
    _store(kind, vault, _claim(kind, user.pk, subject), value)


@transaction.atomic
def derived_forget(kind: Kind[Any], *, user: AbstractBaseUser, subjects: Iterable[UUID]) -> None:
    """Delete the values of some subjects (their source rows were deleted)."""
    DerivedValue.objects.filter(
        owner_id=user.pk, kind=kind.name, subject__in=list(subjects)
    ).delete()


# Values rebuilt per transaction by the refresh: a few hundred people's summaries
# in a handful of queries, well under SQLite's and PostgreSQL's parameter limits.
REFRESH_BATCH = 500


def _claim_many(kind: Kind[Any], owner_id: int, subjects: list[UUID]) -> list[DerivedValue]:
    """``_claim`` for many subjects at once (sorted, so two refreshes take the row
    locks in the same order and cannot deadlock)."""
    DerivedValue.objects.bulk_create(
        [DerivedValue(owner_id=owner_id, kind=kind.name, subject=subject) for subject in subjects],
        ignore_conflicts=True,
    )
    return list(
        DerivedValue.objects.select_for_update()
        .filter(owner_id=owner_id, kind=kind.name, subject__in=subjects)
        .order_by("subject")
    )


def _refresh_some(kind: Kind[Any], owner_id: int, vault: Vault, subjects: list[UUID]) -> int:
    """Rebuild the values of ``subjects`` that still need it, in one transaction."""
    with transaction.atomic():
        rows = _claim_many(kind, owner_id, sorted(subjects))
        # Another request may have rebuilt some while this one waited for the locks.
        stale = [
            row
            for row in rows
            if not _current(
                kind,
                owner_id,
                derived_opened(
                    kind, vault=vault, subject=row.subject, version=row.version, content=row.content
                ),
            )
        ]
        if kind.compute_many is not None:
            values = kind.compute_many(owner_id, vault, [row.subject for row in stale])
        else:
            values = {row.subject: kind.compute(owner_id, vault, row.subject) for row in stale}
        now = timezone.now()
        for row in stale:
            row.version = kind.version
            row.content = kind.seal(vault, row.subject, values[row.subject])
            row.updated_at = now
        DerivedValue.objects.bulk_update(stale, ["version", "content", "updated_at"])
        return len(stale)


def derived_refresh(*, user: AbstractBaseUser, vault: Vault) -> int:
    """Rebuild every value of ``user`` that is missing, unreadable or of an older
    version, and delete those whose subject is gone; return how many were rebuilt.

    The one place derived values are rebuilt: called right after the vault is
    unlocked at login (a POST). Safe when two logins do it at once (see ``_claim``).
    Values are rebuilt in short transactions of up to ``REFRESH_BATCH``, so other
    writes wait for one batch at most.
    """
    check_vault(user, vault)
    rebuilt = 0
    # Kinds that judge their own currency (``current``: a fingerprint, which may watch
    # other derived values) go last, so they see the values rebuilt before them.
    ordered = sorted(_KINDS.values(), key=lambda kind: kind.current is not None)
    for kind in ordered:
        stored = {
            subject: (version, content)
            for subject, version, content in DerivedValue.objects.filter(
                owner_id=user.pk, kind=kind.name
            ).values_list("subject", "version", "content")
        }
        wanted = set(kind.subjects(user.pk)) if kind.subjects is not None else {WHOLE_ACCOUNT}
        missing = [
            subject
            for subject in wanted
            if not _current(
                kind,
                user.pk,
                derived_opened(
                    kind,
                    vault=vault,
                    subject=subject,
                    version=stored.get(subject, (None, None))[0],
                    content=stored.get(subject, (None, None))[1],
                ),
            )
        ]
        for first in range(0, len(missing), REFRESH_BATCH):
            rebuilt += _refresh_some(kind, user.pk, vault, missing[first : first + REFRESH_BATCH])
        gone = set(stored) - wanted
        if gone:
            derived_forget(kind, user=user, subjects=gone)
    return rebuilt
