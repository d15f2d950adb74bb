"""sessions_end: every stored session of one person goes, nobody else's, and no one
else's session is even read (found by the indexed account column)."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.base import SessionBase
from django.test import Client

from nearer.accounts.models import AccountSession
from nearer.accounts.services import (
    sessions_end,
    user_change_password,
    user_delete,
    user_recover,
)
from nearer.accounts.session_store import SessionStore
from nearer.accounts.tests.helpers import sessions_of
from nearer.conftest import Person
from nearer.vault.services import keyring_unlock

NEW = "plum kettle orbit lantern"


def test_it_deletes_only_that_persons_sessions(alice: Person, bob: Person) -> None:
    Client().post("/accounts/login/", {"username": "alice", "password": alice.password})
    assert len(sessions_of(alice.user)) == 2
    sessions_end(user=alice.user)
    assert sessions_of(alice.user) == []
    assert len(sessions_of(bob.user)) == 1
    assert alice.client.get("/").status_code == 302
    assert bob.client.get("/").status_code == 200


@pytest.mark.parametrize("ending", ["password change", "recovery", "account deletion"])
def test_it_reads_no_other_session_for_any_of_its_callers(
    alice: Person, bob: Person, ending: str
) -> None:
    for number in range(200):
        store = SessionStore()
        store[SESSION_KEY] = str(bob.user.pk if number % 2 else 50_000 + number)
        store.create()
    others = AccountSession.objects.exclude(user_id=alice.user.pk).count()
    dek = keyring_unlock(user_id=alice.user.pk, password=alice.password)
    assert dek is not None
    with patch.object(
        SessionBase, "decode", autospec=True, side_effect=SessionBase.decode
    ) as decode:
        if ending == "password change":
            user_change_password(user=alice.user, vault_dek=dek, new_password=NEW)
        elif ending == "recovery":
            recovered = user_recover(
                username="alice", typed_code=alice.recovery_code, new_password=NEW, client="x"
            )
            assert recovered is not None
        else:
            user_delete(user=alice.user)
    assert decode.call_count == 0
    assert not AccountSession.objects.filter(user_id=alice.user.pk).exists()
    assert AccountSession.objects.count() == others
