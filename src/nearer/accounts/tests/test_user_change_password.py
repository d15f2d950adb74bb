"""user_change_password: new hash, rewrapped key, every session ended, no one else's read."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nearer.accounts.models import AccountSession
from nearer.accounts.services import user_change_password
from nearer.accounts.session_store import SessionStore
from nearer.accounts.tests.helpers import sessions_of
from nearer.conftest import Person
from nearer.vault.services import keyring_unlock

NEW = "plum kettle orbit lantern"


def test_it_rewraps_the_same_key(alice: Person) -> None:
    dek = keyring_unlock(user_id=alice.user.pk, password=alice.password)
    assert dek is not None
    user_change_password(user=alice.user, vault_dek=dek, new_password=NEW)
    assert keyring_unlock(user_id=alice.user.pk, password=NEW) == dek
    assert keyring_unlock(user_id=alice.user.pk, password=alice.password) is None
    alice.user.refresh_from_db()
    assert alice.user.check_password(NEW)


def test_it_deletes_every_session_of_the_account(alice: Person, bob: Person) -> None:
    dek = keyring_unlock(user_id=alice.user.pk, password=alice.password)
    assert dek is not None
    user_change_password(user=alice.user, vault_dek=dek, new_password=NEW)
    assert sessions_of(alice.user) == []
    assert len(sessions_of(bob.user)) == 1


def test_it_refuses_a_weak_password_and_changes_nothing(alice: Person) -> None:
    dek = keyring_unlock(user_id=alice.user.pk, password=alice.password)
    assert dek is not None
    with pytest.raises(ValidationError):
        user_change_password(user=alice.user, vault_dek=dek, new_password="short")
    alice.user.refresh_from_db()
    assert alice.user.check_password(alice.password)
    assert keyring_unlock(user_id=alice.user.pk, password=alice.password) == dek
    assert len(sessions_of(alice.user)) == 1


def test_it_never_reads_the_sessions_of_other_people(alice: Person, bob: Person) -> None:
    # Thousands of other sessions on the host: only alice's own rows may be touched
    # (no decoding of everyone's session while holding the write lock).
    others = [SessionStore() for _ in range(300)]
    for number, store in enumerate(others):
        store[SESSION_KEY] = str(bob.user.pk if number % 2 else 10_000 + number)
        store["visit"] = number
        store.create()
    alice_extra = SessionStore()
    alice_extra[SESSION_KEY] = str(alice.user.pk)
    alice_extra.create()
    dek = keyring_unlock(user_id=alice.user.pk, password=alice.password)
    assert dek is not None
    with (
        patch.object(
            SessionBase, "decode", autospec=True, side_effect=SessionBase.decode
        ) as decode,
        CaptureQueriesContext(connection) as queries,
    ):
        user_change_password(user=alice.user, vault_dek=dek, new_password=NEW)
    assert decode.call_count == 0
    table = AccountSession._meta.db_table
    session_queries = [q["sql"] for q in queries.captured_queries if table in q["sql"]]
    assert session_queries, "the sessions were not ended at all"
    assert all(" WHERE " in sql for sql in session_queries), session_queries
    assert sessions_of(alice.user) == []
    assert AccountSession.objects.count() == len(others) + 1  # bob's logged-in client too
    assert all(store.exists(store.session_key or "") for store in others)
