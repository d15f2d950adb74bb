"""Helpers for tests of derived sealed values: look at the stored row, or damage it."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar
from unittest.mock import patch
from uuid import UUID

from django.db import connection

from nearer.conftest import Person
from nearer.vault.derived import WHOLE_ACCOUNT, Kind, derived_opened
from nearer.vault.models import DerivedValue

T = TypeVar("T")

Damage = Literal["missing", "tampered", "empty", "old version", "resealed"]
DAMAGES: tuple[Damage, ...] = ("missing", "tampered", "empty", "old version")


def stored_row(
    owner: Person, kind: Kind[Any], subject: UUID = WHOLE_ACCOUNT
) -> DerivedValue | None:
    return DerivedValue.objects.filter(owner=owner.user, kind=kind.name, subject=subject).first()


def stored(owner: Person, kind: Kind[T], subject: UUID = WHOLE_ACCOUNT) -> T | None:
    """Return the stored value opened, or None when there is none that opens."""
    row = stored_row(owner, kind, subject)
    if row is None:
        return None
    return derived_opened(
        kind, vault=owner.vault, subject=subject, version=row.version, content=row.content
    )


def damage(
    owner: Person, kind: Kind[Any], how: Damage, subject: UUID = WHOLE_ACCOUNT, value: Any = None
) -> None:
    """Delete the stored value, or make it unreadable, old, or ``value`` resealed."""
    rows = DerivedValue.objects.filter(owner=owner.user, kind=kind.name, subject=subject)
    assert rows.count() == 1, "there is a stored value to damage"
    if how == "missing":
        rows.delete()
    elif how == "tampered":
        row = rows.get()
        flipped = bytearray(row.content)
        flipped[-1] ^= 1
        rows.update(content=bytes(flipped))
    elif how == "empty":
        rows.update(content=b"")
    elif how == "old version":
        # A value that opened fine under the version before: sealed for it, marked so.
        old = Kind(kind.name, kind.version - 1, kind.compute, kind.encode, kind.decode)
        opened = stored(owner, kind, subject)
        assert opened is not None
        rows.update(version=old.version, content=old.seal(owner.vault, subject, opened))
    else:
        rows.update(content=owner.vault.seal_json(kind.label, subject, value))


def at_once(
    calls: Sequence[Callable[[], object]], *, before: tuple[object, str] | None = None
) -> list[BaseException]:
    """Run ``calls`` in threads, each with its own database connection, released
    together by a ``threading.Barrier``; return the exceptions they raised.

    ``before`` (module, function name) moves the barrier to just before every call of
    that function, so all threads have read what they read before any of them writes.
    """
    barrier = threading.Barrier(len(calls), timeout=20)
    errors: list[BaseException] = []
    if before is not None:
        module, name = before
        original = getattr(module, name)

        def waiting(*args: Any, **kwargs: Any) -> Any:
            barrier.wait()
            return original(*args, **kwargs)

        patcher: Any = patch.object(module, name, waiting)
    else:
        patcher = contextlib.nullcontext()

    def run(call: Callable[[], object]) -> None:
        try:
            if before is None:
                barrier.wait()
            call()
        except BaseException as exc:  # handed back to the test, which asserts there is none
            errors.append(exc)
        finally:
            connection.close()

    with patcher:
        threads = [threading.Thread(target=run, args=(call,)) for call in calls]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck"
    return errors
