"""Two confirms of one preview at once (a double click, two tabs) save it once.

``pending_take`` locks the pending import's row: the second confirm waits for the
first to commit, then finds it gone (404). On PostgreSQL two threads really race;
SQLite lets one writer in at a time, so the test runs where the lock is what holds.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

import pytest
from django.db import connection, connections
from django.http import Http404

from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.portability import jrnl_import
from nearer.portability.jrnl_import import jrnl_apply, jrnl_prepare
from nearer.portability.tests.conftest import fixture_bytes

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite lets one writer in at a time"
    ),
]


def test_two_confirms_at_once_save_the_entries_once(
    alice: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("journal.txt"))
    # Each confirm, once it holds the pending import, waits for the other: without
    # the row lock both would hold it and both save. With it the second is still
    # waiting for the row, the barrier gives up, and it then finds nothing.
    together = threading.Barrier(2, timeout=3)
    real_decode = jrnl_import._decode

    def decode_then_wait(*args: Any) -> Any:
        with contextlib.suppress(threading.BrokenBarrierError):
            together.wait()
        return real_decode(*args)

    monkeypatch.setattr(jrnl_import, "_decode", decode_then_wait)
    failures: list[BaseException] = []

    def confirm() -> None:
        try:
            jrnl_apply(user=alice.user, vault=alice.vault, import_id=import_id)
        except BaseException as exc:  # kept and asserted on below
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [type(exc) for exc in failures] == [Http404]
    assert Entry.objects.filter(owner=alice.user).count() == 3
