"""keyring_set_password: rewrap the same data key under a new password."""

from __future__ import annotations

from nearer.accounts.models import User
from nearer.vault.models import Keyring
from nearer.vault.services import (
    keyring_create,
    keyring_recover,
    keyring_set_password,
    keyring_unlock,
)

OLD = "a long enough passphrase"
NEW = "another long passphrase"


def test_it_opens_the_same_key_with_the_new_password(bare_user: User) -> None:
    new = keyring_create(user_id=bare_user.pk, password=OLD)
    keyring_set_password(user_id=bare_user.pk, dek=new.dek, new_password=NEW)
    assert keyring_unlock(user_id=bare_user.pk, password=NEW) == new.dek


def test_it_stops_the_old_password(bare_user: User) -> None:
    new = keyring_create(user_id=bare_user.pk, password=OLD)
    keyring_set_password(user_id=bare_user.pk, dek=new.dek, new_password=NEW)
    assert keyring_unlock(user_id=bare_user.pk, password=OLD) is None


def test_it_uses_a_fresh_salt(bare_user: User) -> None:
    new = keyring_create(user_id=bare_user.pk, password=OLD)
    before = bytes(Keyring.objects.get(user=bare_user).kdf_salt)
    keyring_set_password(user_id=bare_user.pk, dek=new.dek, new_password=NEW)
    assert bytes(Keyring.objects.get(user=bare_user).kdf_salt) != before


def test_it_leaves_the_recovery_code_working(bare_user: User) -> None:
    new = keyring_create(user_id=bare_user.pk, password=OLD)
    keyring_set_password(user_id=bare_user.pk, dek=new.dek, new_password=NEW)
    assert keyring_recover(user_id=bare_user.pk, typed_code=new.recovery_code) == new.dek
