"""Turning the second step off (accounts:totp_turn_off): the password and a code."""

from __future__ import annotations

from nearer.accounts import second_factor
from nearer.accounts.tests.second_factor_helpers import code_in, turn_on
from nearer.conftest import Person

OFF = "/accounts/second-step/app/off/"


def _wrong(secret: str) -> str:
    right = {code_in(secret, s) for s in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in right)


def test_the_password_and_a_code_turn_it_off(alice: Person) -> None:
    secret, _ = turn_on(alice)
    response = alice.client.post(OFF, {"password": alice.password, "code": code_in(secret, 1)})
    assert response.status_code == 302
    assert not second_factor.totp_active(user=alice.user)


def test_a_backup_code_does_too(alice: Person) -> None:
    _, codes = turn_on(alice)
    alice.client.post(OFF, {"password": alice.password, "code": codes[9]})
    assert not second_factor.totp_active(user=alice.user)


def test_a_wrong_password_changes_nothing(alice: Person) -> None:
    secret, _ = turn_on(alice)
    response = alice.client.post(OFF, {"password": "not it at all, no", "code": code_in(secret, 1)})
    assert response.status_code == 200
    assert b"current password" in response.content
    assert second_factor.totp_active(user=alice.user)


def test_a_wrong_code_changes_nothing(alice: Person) -> None:
    secret, _ = turn_on(alice)
    response = alice.client.post(OFF, {"password": alice.password, "code": _wrong(secret)})
    assert response.status_code == 200
    assert b"That code didn" in response.content
    assert second_factor.totp_active(user=alice.user)


def test_without_the_app_it_goes_to_the_overview(alice: Person) -> None:
    assert alice.client.get(OFF)["Location"] == "/accounts/second-step/"
