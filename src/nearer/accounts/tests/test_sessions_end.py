"""sessions_end: every stored session of one person goes, nobody else's."""

from __future__ import annotations

from django.test import Client

from nearer.accounts.services import sessions_end
from nearer.accounts.tests.helpers import sessions_of
from nearer.conftest import Person


def test_it_deletes_only_that_persons_sessions(alice: Person, bob: Person) -> None:
    Client().post("/accounts/login/", {"username": "alice", "password": alice.password})
    assert len(sessions_of(alice.user)) == 2
    sessions_end(user=alice.user)
    assert sessions_of(alice.user) == []
    assert len(sessions_of(bob.user)) == 1
    assert alice.client.get("/").status_code == 302
    assert bob.client.get("/").status_code == 200
