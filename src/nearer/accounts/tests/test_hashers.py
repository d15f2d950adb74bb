"""PepperedArgon2PasswordHasher: Argon2id with the pepper; useless to a database thief."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher, check_password, make_password
from django.test import override_settings

from nearer.accounts.hashers import PepperedArgon2PasswordHasher

PEPPERED = "nearer.accounts.hashers.PepperedArgon2PasswordHasher"
PLAIN = "django.contrib.auth.hashers.Argon2PasswordHasher"
PASSWORD = "plum kettle orbit lantern"

pytestmark = pytest.mark.usefixtures("_argon2_hashers")


@pytest.fixture
def _argon2_hashers() -> Iterator[None]:
    with override_settings(PASSWORD_HASHERS=[PEPPERED, PLAIN]):
        yield


def test_it_makes_argon2id_hashes_under_its_own_name() -> None:
    encoded = make_password(PASSWORD)
    assert encoded.startswith("argon2_peppered$argon2id$")
    assert check_password(PASSWORD, encoded)
    assert not check_password(PASSWORD + " ", encoded)


def test_it_gives_nothing_to_guess_at_without_the_pepper() -> None:
    encoded = make_password(PASSWORD)
    as_plain = encoded.replace("argon2_peppered$", "argon2$", 1)
    assert not Argon2PasswordHasher().verify(PASSWORD, as_plain)


def test_it_needs_the_same_pepper() -> None:
    encoded = make_password(PASSWORD)
    with override_settings(VAULT_PEPPER="a different pepper that is long enough to use"):
        assert not check_password(PASSWORD, encoded)


def test_it_upgrades_plain_argon2_hashes_at_login() -> None:
    legacy = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
    upgraded: list[str] = []
    assert check_password(PASSWORD, legacy, setter=upgraded.append)
    assert upgraded == [PASSWORD]


def test_it_is_at_least_as_strong_as_djangos_argon2() -> None:
    hasher = PepperedArgon2PasswordHasher()
    assert isinstance(hasher, Argon2PasswordHasher)
    assert hasher.memory_cost >= 19456
    assert hasher.time_cost >= 2
