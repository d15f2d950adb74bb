"""keyring_create: a fresh data key wrapped by the password and by a recovery code."""

from __future__ import annotations

from django.conf import settings

from nearer.accounts.models import User
from nearer.vault.models import Keyring
from nearer.vault.recovery_codes import normalise
from nearer.vault.services import keyring_create, keyring_recover, keyring_unlock

PASSWORD = "a long enough passphrase"


def test_it_stores_one_keyring_with_the_kdf_parameters(bare_user: User) -> None:
    keyring_create(user_id=bare_user.pk, password=PASSWORD)
    keyring = Keyring.objects.get(user=bare_user)
    assert keyring.kdf_memory_kib == settings.VAULT_KDF["memory_kib"]
    assert keyring.kdf_time_cost == settings.VAULT_KDF["time_cost"]
    assert keyring.kdf_parallelism == settings.VAULT_KDF["parallelism"]
    assert len(bytes(keyring.kdf_salt)) == 16
    assert len(bytes(keyring.recovery_salt)) == 16


def test_it_returns_a_32_byte_key_and_a_canonical_code(bare_user: User) -> None:
    new = keyring_create(user_id=bare_user.pk, password=PASSWORD)
    assert len(new.dek) == 32
    assert normalise(new.recovery_code) == new.recovery_code


def test_it_keeps_neither_key_nor_code_in_the_clear(bare_user: User) -> None:
    new = keyring_create(user_id=bare_user.pk, password=PASSWORD)
    keyring = Keyring.objects.get(user=bare_user)
    stored = (
        b"".join(
            bytes(value)
            for value in (keyring.dek_by_password, keyring.dek_by_recovery, keyring.kdf_salt)
        )
        + keyring.recovery_check.encode()
    )
    assert new.dek not in stored
    assert new.recovery_code.encode() not in stored
    assert PASSWORD.encode() not in stored


def test_it_opens_with_the_password_and_with_the_code(bare_user: User) -> None:
    new = keyring_create(user_id=bare_user.pk, password=PASSWORD)
    assert keyring_unlock(user_id=bare_user.pk, password=PASSWORD) == new.dek
    assert keyring_recover(user_id=bare_user.pk, typed_code=new.recovery_code) == new.dek


def test_it_gives_every_account_its_own_key(bare_user: User) -> None:
    other = User.objects.create_user(username="eve", password=PASSWORD)
    first = keyring_create(user_id=bare_user.pk, password=PASSWORD)
    second = keyring_create(user_id=other.pk, password=PASSWORD)
    assert first.dek != second.dek
    assert first.recovery_code != second.recovery_code
