"""keyring_unlock: the password (with the server's pepper) opens the data key."""

from __future__ import annotations

from django.test import override_settings

from nearer.accounts.models import User
from nearer.vault.models import Keyring
from nearer.vault.services import keyring_create, keyring_unlock

PASSWORD = "a long enough passphrase"


def test_it_returns_the_key_for_the_right_password(bare_user: User) -> None:
    new = keyring_create(user_id=bare_user.pk, password=PASSWORD)
    assert keyring_unlock(user_id=bare_user.pk, password=PASSWORD) == new.dek


def test_it_returns_none_for_a_wrong_password(bare_user: User) -> None:
    keyring_create(user_id=bare_user.pk, password=PASSWORD)
    assert keyring_unlock(user_id=bare_user.pk, password=PASSWORD + "!") is None


def test_it_returns_none_without_a_keyring(bare_user: User) -> None:
    assert keyring_unlock(user_id=bare_user.pk, password=PASSWORD) is None


def test_it_needs_the_servers_pepper(bare_user: User) -> None:
    keyring_create(user_id=bare_user.pk, password=PASSWORD)
    with override_settings(VAULT_PEPPER="another-pepper-that-is-long-enough-to-use"):
        assert keyring_unlock(user_id=bare_user.pk, password=PASSWORD) is None


def test_it_uses_the_parameters_stored_beside_the_wrap(bare_user: User) -> None:
    new = keyring_create(user_id=bare_user.pk, password=PASSWORD)
    # Raising the settings later must not lock out keys wrapped with the old ones.
    raised = {"memory_kib": 2048, "time_cost": 2, "parallelism": 1}
    with override_settings(VAULT_KDF=raised):
        assert keyring_unlock(user_id=bare_user.pk, password=PASSWORD) == new.dek


def test_it_refuses_a_wrap_moved_from_another_user(bare_user: User) -> None:
    other = User.objects.create_user(username="eve", password=PASSWORD)
    keyring_create(user_id=bare_user.pk, password=PASSWORD)
    keyring_create(user_id=other.pk, password=PASSWORD)
    mine = Keyring.objects.get(user=bare_user)
    Keyring.objects.filter(user=other).update(
        dek_by_password=mine.dek_by_password,
        kdf_salt=mine.kdf_salt,
    )
    assert keyring_unlock(user_id=other.pk, password=PASSWORD) is None
