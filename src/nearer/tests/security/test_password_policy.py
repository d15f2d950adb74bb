"""Security test 10: the password policy and the strength of key stretching.

64-character passwords are accepted, common ones refused; production Argon2
parameters meet OWASP's minimum (m=19456 KiB, t=2, p=1); Argon2 hashes passwords.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.utils.module_loading import import_string

from nearer.accounts.models import User
from nearer.tests.security.production import production_settings

OWASP_MEMORY_KIB = 19456
OWASP_TIME_COST = 2
OWASP_PARALLELISM = 1
SIXTY_FOUR = "we walked along the harbour wall and counted the sleeping boats!"


@pytest.fixture(scope="module")
def production() -> dict[str, Any]:
    return production_settings("VAULT_KDF", "PASSWORD_HASHERS", "AUTH_PASSWORD_VALIDATORS")


def test_the_phrase_is_sixty_four_characters() -> None:
    assert len(SIXTY_FOUR) == 64


def test_it_accepts_a_64_character_password_at_sign_up_and_login(db: None) -> None:
    client = Client()
    response = client.post(
        "/accounts/signup/",
        {"username": "dora", "new_password1": SIXTY_FOUR, "new_password2": SIXTY_FOUR},
    )
    assert response.status_code == 302
    client.post("/accounts/logout/")
    assert (
        client.post("/accounts/login/", {"username": "dora", "password": SIXTY_FOUR}).status_code
        == 302
    )


def test_it_accepts_up_to_256_characters() -> None:
    password_validation.validate_password("tender words " * 19 + "ab")  # 249 characters


@pytest.mark.parametrize("common", ["qwerty123456", "1q2w3e4r5t6y", "123456789123"])
def test_it_refuses_common_passwords(common: str) -> None:
    with pytest.raises(ValidationError) as caught:
        password_validation.validate_password(common)
    assert any("too common" in message for message in caught.value.messages)


def test_it_refuses_passwords_shorter_than_twelve() -> None:
    with pytest.raises(ValidationError):
        password_validation.validate_password("elevenchars")
    password_validation.validate_password("twelve chars")


def test_it_has_no_composition_rules() -> None:
    # NIST SP 800-63B: length and a blocklist, not "one digit and one symbol".
    password_validation.validate_password("only lower case letters here")


def test_it_refuses_passwords_like_the_username() -> None:
    with pytest.raises(ValidationError):
        password_validation.validate_password("dorathexplorer", User(username="dorathexplorer"))


def test_production_kdf_meets_the_owasp_minimum(production: dict[str, Any]) -> None:
    kdf = production["VAULT_KDF"]
    assert kdf["memory_kib"] >= OWASP_MEMORY_KIB
    assert kdf["time_cost"] >= OWASP_TIME_COST
    assert kdf["parallelism"] >= OWASP_PARALLELISM
    # OWASP's trade-off: with less memory, more passes. Keep memory × time at least as big.
    assert kdf["memory_kib"] * kdf["time_cost"] >= OWASP_MEMORY_KIB * OWASP_TIME_COST


def test_production_hashes_passwords_with_argon2_first(production: dict[str, Any]) -> None:
    hashers = production["PASSWORD_HASHERS"]
    first = import_string(hashers[0])
    assert issubclass(first, Argon2PasswordHasher)
    assert first().memory_cost >= OWASP_MEMORY_KIB
    assert first().time_cost >= OWASP_TIME_COST
    # The first is peppered; plain Argon2 follows to verify (and upgrade) older hashes.
    assert hashers[0] == "nearer.accounts.hashers.PepperedArgon2PasswordHasher"
    assert "django.contrib.auth.hashers.MD5PasswordHasher" not in hashers
    assert not any("SHA1" in name or "Unsalted" in name for name in hashers)


def test_production_keeps_the_same_validators(production: dict[str, Any]) -> None:
    assert production["AUTH_PASSWORD_VALIDATORS"] == settings.AUTH_PASSWORD_VALIDATORS
    minimum = next(
        v for v in production["AUTH_PASSWORD_VALIDATORS"] if "MinimumLength" in v["NAME"]
    )
    assert minimum["OPTIONS"]["min_length"] >= 12


def test_djangos_argon2_hasher_is_at_least_as_strong() -> None:
    hasher = Argon2PasswordHasher()
    assert hasher.memory_cost >= OWASP_MEMORY_KIB
    assert hasher.time_cost >= OWASP_TIME_COST
    assert hasher.parallelism >= OWASP_PARALLELISM


def test_new_keyrings_store_the_parameters_they_were_made_with(db: None) -> None:
    from nearer.accounts.services import user_sign_up
    from nearer.vault.models import Keyring

    new = user_sign_up(username="dora", password="plum kettle orbit lantern")
    keyring = Keyring.objects.get(user=new.user)
    assert keyring.kdf_memory_kib == settings.VAULT_KDF["memory_kib"]
    assert keyring.kdf_time_cost == settings.VAULT_KDF["time_cost"]


def test_production_hashing_and_key_stretching_work_end_to_end(
    production: dict[str, Any], db: None
) -> None:
    with override_settings(
        PASSWORD_HASHERS=production["PASSWORD_HASHERS"], VAULT_KDF=production["VAULT_KDF"]
    ):
        client = Client()
        response = client.post(
            "/accounts/signup/",
            {"username": "dora", "new_password1": SIXTY_FOUR, "new_password2": SIXTY_FOUR},
        )
        assert response.status_code == 302
        user = User.objects.get(username="dora")
        # No separate hash: the keyring's Argon2id run is the check (accounts/backends.py).
        assert user.password.startswith("nearer_keyring$")
        client.post("/accounts/logout/")
        wrong = client.post("/accounts/login/", {"username": "dora", "password": "x" * 20})
        assert wrong.status_code == 200
        right = client.post("/accounts/login/", {"username": "dora", "password": SIXTY_FOUR})
        assert right.status_code == 302
        assert client.get("/").status_code == 200
