"""Helpers for the second factor's tests: turn the app on as a person would."""

from __future__ import annotations

import time

import pyotp

from nearer.accounts import second_factor
from nearer.conftest import Person


def code_in(secret: str, steps: int) -> str:
    """The app's code ``steps`` 30-second steps from now (0: the current one)."""
    return pyotp.TOTP(secret).at(time.time() + 30 * steps)


def turn_on(person: Person) -> tuple[str, list[str]]:
    """Set up and confirm an authenticator app for ``person``; return secret and codes."""
    secret = second_factor.totp_setup_begin(user=person.user, vault=person.vault)
    codes = second_factor.totp_setup_confirm(
        user=person.user, vault=person.vault, code=code_in(secret, -1)
    )
    assert codes is not None
    return secret, codes


def password_step(client, person: Person, **extra: str):  # type: ignore[no-untyped-def]
    """Post the login form with the right password."""
    return client.post(
        "/accounts/login/", {"username": person.user.username, "password": person.password, **extra}
    )
