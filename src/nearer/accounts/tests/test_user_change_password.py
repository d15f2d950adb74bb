"""user_change_password: new hash, rewrapped key, every session ended."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from nearer.accounts.services import user_change_password
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
