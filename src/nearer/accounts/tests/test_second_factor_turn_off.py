"""Turning the second step off (accounts:totp_turn_off): the password, and a code with an app."""

from __future__ import annotations

import secrets
from typing import Any

from nearer.accounts import second_factor
from nearer.accounts.passkeys import passkey_keep
from nearer.accounts.second_factor_models import Passkey
from nearer.accounts.tests.helpers import verified_address
from nearer.accounts.tests.second_factor_helpers import code_in, turn_on
from nearer.conftest import Person
from nearer.tests.smtp import Inbox

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


def _only_passkey(person: Person) -> Passkey:
    return passkey_keep(
        user=person.user,
        vault=person.vault,
        name="Only key",
        credential_id=secrets.token_bytes(32),
        public_key=secrets.token_bytes(77),
        sign_count=0,
    )


def test_with_passkeys_alone_the_password_turns_it_off(alice: Person) -> None:
    _only_passkey(alice)
    second_factor.backup_codes_first(user=alice.user)
    page = alice.client.get(OFF).content.decode()
    assert 'name="code"' not in page
    response = alice.client.post(OFF, {"password": alice.password})
    assert response.status_code == 302
    assert not second_factor.second_factor_on(user=alice.user)
    assert second_factor.backup_codes_left(user=alice.user) == 0


def test_with_passkeys_alone_a_wrong_password_changes_nothing(alice: Person) -> None:
    _only_passkey(alice)
    response = alice.client.post(OFF, {"password": "not it at all, no"})
    assert response.status_code == 200
    assert second_factor.second_factor_on(user=alice.user)


def test_turning_it_off_tells_the_verified_address(
    alice: Person, smtp_server: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    secret, _ = turn_on(alice)
    verified_address(alice.user, "ally.orchard@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        alice.client.post(OFF, {"password": alice.password, "code": code_in(secret, 1)})
    assert [m["Subject"] for m in smtp_server.messages] == ["The second step is off for Nearer"]
