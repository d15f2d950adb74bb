"""The keyring backend: a login runs Argon2id once, and older accounts move to it."""

from __future__ import annotations

from typing import Any

import argon2.low_level
import pytest
from django.test import Client

from nearer.accounts.backends import KeyringBackend, take_unlocked_dek
from nearer.accounts.models import User
from nearer.conftest import Person
from nearer.vault.services import keyring_create, keyring_unlock

PASSWORD = "quiet harbour lantern seventeen"


@pytest.fixture
def stretches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the keyring's Argon2id runs (the real function still runs)."""
    calls: list[int] = []
    real = argon2.low_level.hash_secret_raw

    def counting(**kwargs: Any) -> bytes:
        calls.append(1)
        return real(**kwargs)

    monkeypatch.setattr("nearer.vault.crypto.hash_secret_raw", counting)
    return calls


@pytest.fixture
def hash_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every check of a stored password hash (Django's hashers)."""
    import django.contrib.auth.hashers as hashers

    seen: list[str] = []
    real = hashers.check_password

    def recording(password: str | None, encoded: str, *args: Any, **kwargs: Any) -> bool:
        seen.append(encoded)
        return real(password, encoded, *args, **kwargs)

    monkeypatch.setattr(hashers, "check_password", recording)
    return seen


def _check(*, username: str, password: str) -> User | None:
    return KeyringBackend().authenticate(None, username=username, password=password)


def _legacy_account(username: str) -> User:
    """An account as sign-up made them before: a password hash beside the keyring."""
    user = User(username=username)
    user.set_password(PASSWORD)
    user.save()
    keyring_create(user_id=user.pk, password=PASSWORD)
    return user


def test_sign_up_keeps_no_separate_password_hash(alice: Person) -> None:
    assert alice.user.password.startswith("nearer_keyring$")
    assert alice.user.uses_keyring_password()


def test_a_login_stretches_the_password_once_and_checks_no_hash(
    alice: Person, stretches: list[int], hash_checks: list[str]
) -> None:
    client = Client()
    response = client.post("/accounts/login/", {"username": "alice", "password": alice.password})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert len(stretches) == 1
    assert hash_checks == []


def test_a_wrong_password_is_refused_by_the_keyring(alice: Person) -> None:
    assert _check(username="alice", password=alice.password + "x") is None


def test_an_unknown_name_is_refused(db: None) -> None:
    assert _check(username="nobody-by-this-name", password=PASSWORD) is None


def test_the_opened_key_is_handed_over_once(alice: Person) -> None:
    user = _check(username="alice", password=alice.password)
    dek = take_unlocked_dek(user)
    assert dek is not None
    assert dek == keyring_unlock(user_id=alice.user.pk, password=alice.password)
    assert take_unlocked_dek(user) is None


def test_an_older_account_logs_in_and_loses_its_hash(db: None) -> None:
    user = _legacy_account("wilhelmina")
    assert not user.uses_keyring_password()
    client = Client()
    response = client.post("/accounts/login/", {"username": "wilhelmina", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    user.refresh_from_db()
    assert user.uses_keyring_password()
    # And from then on the keyring alone checks it.
    again = Client()
    assert (
        again.post("/accounts/login/", {"username": "wilhelmina", "password": PASSWORD}).status_code
        == 302
    )
    assert (
        KeyringBackend().authenticate(
            None, username="wilhelmina", password="not-the-password-at-all"
        )
        is None
    )


def test_an_older_account_with_a_wrong_password_keeps_its_hash(db: None) -> None:
    user = _legacy_account("bartholomew")
    before = user.password
    assert (
        KeyringBackend().authenticate(
            None, username="bartholomew", password="not-the-password-at-all"
        )
        is None
    )
    user.refresh_from_db()
    assert user.password == before


def test_check_password_asks_the_keyring(alice: Person) -> None:
    user = User.objects.get(pk=alice.user.pk)
    assert user.check_password(alice.password)
    assert not user.check_password(alice.password + "x")


def test_a_new_password_changes_the_session_hash(alice: Person) -> None:
    from nearer.accounts.models import new_keyring_password

    first = alice.user.get_session_auth_hash()
    alice.user.password = new_keyring_password()
    assert alice.user.get_session_auth_hash() != first
