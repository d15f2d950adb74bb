"""Security notices: sent by SMTP to a verified address only, plain, with nothing private."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from nearer.accounts import second_factor, services
from nearer.accounts.models import User
from nearer.accounts.passkeys import LastFactor, passkey_keep, passkey_remove
from nearer.accounts.tests.helpers import verified_address
from nearer.accounts.tests.second_factor_helpers import turn_on
from nearer.conftest import Person
from nearer.tests.smtp import Inbox
from nearer.vault.services import keyring_unlock

ADDRESS = "ally.orchard@example.org"
NEW_PASSWORD = "quiet lantern over the harbour"


def _dek(person: Person) -> bytes:
    dek = keyring_unlock(user_id=person.user.pk, password=person.password)
    assert dek is not None
    return dek


def _told(inbox: Inbox) -> list[tuple[str, str]]:
    return [
        (str(m["Subject"]), body) for m, body in zip(inbox.messages, inbox.bodies(), strict=True)
    ]


def _nothing_private(person: Person, body: str) -> None:
    assert person.user.username not in body.lower()
    assert ADDRESS not in body
    assert "Chrome" not in body and "Firefox" not in body
    assert "If it wasn't you" in body


def test_a_password_change_tells_the_verified_address(
    alice: Person, smtp_server: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    user = verified_address(alice.user, ADDRESS)
    with django_capture_on_commit_callbacks(execute=True):
        services.user_change_password(user=user, vault_dek=_dek(alice), new_password=NEW_PASSWORD)
    [(subject, body)] = _told(smtp_server)
    assert subject == "Your Nearer password was changed"
    assert smtp_server.envelopes[0][1] == [ADDRESS]
    assert smtp_server.messages[0].get_content_type() == "text/plain"
    _nothing_private(alice, body)


def test_an_unverified_address_is_told_nothing(
    alice: Person, smtp_server: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    User.objects.filter(pk=alice.user.pk).update(email=ADDRESS)
    user = User.objects.get(pk=alice.user.pk)
    dek = _dek(alice)
    with django_capture_on_commit_callbacks(execute=True):
        services.user_change_password(user=user, vault_dek=dek, new_password=NEW_PASSWORD)
        services.recovery_code_renew(user=user, vault_dek=dek)
    assert smtp_server.messages == []


def test_a_new_recovery_code_tells_the_verified_address(
    alice: Person, smtp_server: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    user = verified_address(alice.user, ADDRESS)
    with django_capture_on_commit_callbacks(execute=True):
        services.recovery_code_renew(user=user, vault_dek=_dek(alice))
    [(subject, body)] = _told(smtp_server)
    assert subject == "Your Nearer recovery code was changed"
    _nothing_private(alice, body)


def test_a_recovery_tells_the_verified_address(
    alice: Person, smtp_server: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    verified_address(alice.user, ADDRESS)
    with django_capture_on_commit_callbacks(execute=True):
        recovered = services.user_recover(
            username="alice",
            typed_code=alice.recovery_code,
            new_password=NEW_PASSWORD,
            client="203.0.113.9",
        )
    assert recovered is not None
    [(subject, body)] = _told(smtp_server)
    assert subject == "Your Nearer recovery code was used"
    _nothing_private(alice, body)


def test_turning_the_second_step_off_tells_the_verified_address(
    alice: Person, smtp_server: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    turn_on(alice)
    user = verified_address(alice.user, ADDRESS)
    with django_capture_on_commit_callbacks(execute=True):
        second_factor.second_factor_turn_off(user=user)
    [(subject, body)] = _told(smtp_server)
    assert subject == "The second step is off for Nearer"
    _nothing_private(alice, body)


def test_a_refused_change_sends_nothing(
    alice: Person, smtp_server: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    user = verified_address(alice.user, ADDRESS)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.user_change_password(user=user, vault_dek=_dek(alice), new_password="short")
    assert smtp_server.messages == []


def test_a_mail_server_that_refuses_leaves_the_change_made(
    alice: Person, smtp_refusing: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    user = verified_address(alice.user, ADDRESS)
    with django_capture_on_commit_callbacks(execute=True):
        services.user_change_password(user=user, vault_dek=_dek(alice), new_password=NEW_PASSWORD)
    assert smtp_refusing.messages == []
    client = Client()
    response = client.post("/accounts/login/", {"username": "alice", "password": NEW_PASSWORD})
    assert response.status_code == 302


def test_removing_the_last_passkey_is_refused_without_the_password_step(alice: Person) -> None:
    import secrets

    passkey = passkey_keep(
        user=alice.user,
        vault=alice.vault,
        name="Only key",
        credential_id=secrets.token_bytes(32),
        public_key=secrets.token_bytes(77),
        sign_count=0,
    )
    with pytest.raises(LastFactor):
        passkey_remove(user=alice.user, passkey_id=passkey.id)
    assert second_factor.second_factor_on(user=alice.user)
