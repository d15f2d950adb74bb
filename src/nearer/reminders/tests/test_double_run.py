"""Two runs of `nearer send-reminders` at once send each reminder once.

Each run is held, right before it claims the send, until the other has read the same
row too, so both try to claim the very same state: the conditional UPDATE lets one
through. Run as two threads and as two processes, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from datetime import UTC, datetime, time
from typing import Any

import pytest
from django.db import connections
from django.utils import timezone

from nearer.conftest import make_person
from nearer.reminders import sending
from nearer.reminders.dates import zone_of
from nearer.reminders.models import Reminder
from nearer.reminders.tests.conftest import turn_on, verify_email
from nearer.tests.smtp import Inbox

pytestmark = pytest.mark.django_db(transaction=True)


def _now() -> datetime:
    return datetime.combine(timezone.now().date(), time(22, 0), tzinfo=UTC)


def _held_claim(wait: Callable[[], object]) -> Callable[..., bool]:
    original = sending._claim

    def held(*args: Any, **kwargs: Any) -> bool:
        wait()  # both runs have read the row and decided it is due
        return original(*args, **kwargs)

    return held


def _set_up() -> None:
    person = make_person("dora")
    verify_email(person, "dora.twice@example.org")
    turn_on(person, ["checkin"], zone="Europe/Berlin")


def test_two_threads_send_once(smtp_server: Inbox, monkeypatch: pytest.MonkeyPatch) -> None:
    _set_up()
    barrier = threading.Barrier(2, timeout=10)
    monkeypatch.setattr(sending, "_claim", _held_claim(barrier.wait))
    summaries: list[sending.SendSummary] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            summaries.append(sending.reminders_send(now=_now()))
        except BaseException as exc:  # the test reports any failure
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert sorted((s.sent, s.taken) for s in summaries) == [(0, 1), (1, 0)]
    assert len(smtp_server.messages) == 1
    assert Reminder.objects.get().last_sent_on == _now().astimezone(zone_of("Europe/Berlin")).date()


def _run_in_process(barrier: Any, results: Any) -> None:
    # A fresh process (forked): its own database connection, the shared barrier.
    sending._claim = _held_claim(barrier.wait)
    try:
        summary = sending.reminders_send(now=_now())
        results.put((summary.sent, summary.taken, summary.failed))
    except BaseException as exc:  # reported to the test
        results.put(("error", repr(exc)))
    finally:
        connections.close_all()


def test_two_processes_send_once(smtp_server: Inbox) -> None:
    _set_up()
    connections.close_all()  # no connection may be shared with the children
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(2, timeout=10), context.Queue()
    processes = [context.Process(target=_run_in_process, args=(barrier, results)) for _ in "ab"]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=30)
    got = sorted(results.get(timeout=5) for _ in processes)
    assert got == [(0, 1, 0), (1, 0, 0)]
    assert len(smtp_server.messages) == 1
    assert Reminder.objects.get().last_sent_on is not None
