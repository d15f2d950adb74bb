"""keyring_renew_recovery: a new code wraps the same key; the old code stops."""

from __future__ import annotations

from nearer.accounts.models import User
from nearer.vault.services import (
    keyring_create,
    keyring_recover,
    keyring_renew_recovery,
    keyring_unlock,
)

PASSWORD = "a long enough passphrase"


def test_it_returns_a_new_code_that_opens_the_same_key(bare_user: User) -> None:
    new = keyring_create(user_id=bare_user.pk, password=PASSWORD)
    code = keyring_renew_recovery(user_id=bare_user.pk, dek=new.dek)
    assert code != new.recovery_code
    assert keyring_recover(user_id=bare_user.pk, typed_code=code) == new.dek


def test_it_stops_the_old_code(bare_user: User) -> None:
    new = keyring_create(user_id=bare_user.pk, password=PASSWORD)
    keyring_renew_recovery(user_id=bare_user.pk, dek=new.dek)
    assert keyring_recover(user_id=bare_user.pk, typed_code=new.recovery_code) is None


def test_it_leaves_the_password_working(bare_user: User) -> None:
    new = keyring_create(user_id=bare_user.pk, password=PASSWORD)
    keyring_renew_recovery(user_id=bare_user.pk, dek=new.dek)
    assert keyring_unlock(user_id=bare_user.pk, password=PASSWORD) == new.dek
