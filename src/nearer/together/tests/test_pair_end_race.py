"""Both partners ending their space at the same moment: neither gets an error.

Only PostgreSQL has row locks to deadlock on (SQLite lets one writer in at a time).
The barrier holds each ending, once it has taken its locks, until the other has
taken its own: were each to lock its own member row first, both would then wait
on the other's row when the pair's delete cascades to it.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

import pytest
from django.db import connection, connections
from django.db.models.query import QuerySet

from nearer.conftest import make_person
from nearer.together import services
from nearer.together.models import Member, Pair
from nearer.together.tests.helpers import pair_up

pytestmark = pytest.mark.django_db(transaction=True)


def test_both_ending_at_once_end_it_once_without_an_error(monkeypatch: Any) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's")
    alice, bob = make_person("alice"), make_person("bob")
    pair_up(alice, bob)
    barrier = threading.Barrier(2, timeout=2)
    original = QuerySet.exclude

    def held(self: QuerySet[Any], *args: Any, **kwargs: Any) -> QuerySet[Any]:
        if self.model is Member:
            # Broken: the other is waiting for the pair's lock, as it should.
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait()
        return original(self, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "exclude", held)
    errors: list[BaseException] = []

    def end(person: Any) -> None:
        try:
            services.pair_end(user=person.user)
        except BaseException as exc:  # the test reports any failure
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=end, args=(p,)) for p in (alice, bob)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert not Pair.objects.exists()
