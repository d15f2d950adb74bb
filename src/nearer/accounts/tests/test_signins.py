"""Sign-in records (accounts.signins): sealed to the identity key, the newest 20 kept."""

from __future__ import annotations

import pytest
from django.http import HttpRequest
from django.test import Client, RequestFactory

from nearer.accounts.models import SignInRecord
from nearer.accounts.signins import (
    KEEP,
    UNKNOWN_DEVICE,
    device_label,
    record_open,
    record_seal,
    signin_record,
    signins_for,
)
from nearer.conftest import Person
from nearer.together.models import Identity
from nearer.vault import keys
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"
CHROME_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Safari/537.36"
)
EDGE_WINDOWS = CHROME_WINDOWS + " Edg/130.0.0.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


@pytest.mark.parametrize(
    ("agent", "label"),
    [
        (FIREFOX_ANDROID, "Firefox on Android"),
        (CHROME_WINDOWS, "Chrome on Windows"),
        (EDGE_WINDOWS, "Edge on Windows"),
        (SAFARI_IPHONE, "Safari on iPhone"),
        ("curl/8.5.0", UNKNOWN_DEVICE),
        ("", UNKNOWN_DEVICE),
    ],
)
def test_it_names_the_device_coarsely(agent: str, label: str) -> None:
    assert device_label(agent) == label


def _request(agent: str = FIREFOX_ANDROID) -> HttpRequest:
    return RequestFactory().post("/accounts/login/", HTTP_USER_AGENT=agent)


def test_a_login_keeps_a_sealed_sign_in(alice: Person) -> None:
    shown = signins_for(user=alice.user, vault=alice.vault)
    assert len(shown) == 1 and shown[0].succeeded
    stored = bytes(SignInRecord.objects.get(user=alice.user).sealed)
    assert b"signed" not in stored and b"Firefox" not in stored and b'"ok"' not in stored


def test_a_wrong_password_is_kept_sealed_without_the_vault(alice: Person) -> None:
    Client(HTTP_USER_AGENT=FIREFOX_ANDROID).post(
        "/accounts/login/", {"username": "ALICE", "password": "not the right password at all"}
    )
    shown = signins_for(user=alice.user, vault=alice.vault)
    assert [(s.succeeded, s.device) for s in shown][:1] == [(False, "Firefox on Android")]
    newest = SignInRecord.objects.filter(user=alice.user).order_by("-pk").first()
    assert newest is not None and b"Firefox" not in bytes(newest.sealed)


def test_it_keeps_only_the_newest_twenty(alice: Person) -> None:
    for number in range(KEEP + 5):
        agent = FIREFOX_ANDROID if number == KEEP + 4 else CHROME_WINDOWS
        signin_record(user=alice.user, request=_request(agent), succeeded=False)
    assert SignInRecord.objects.filter(user=alice.user).count() == KEEP
    shown = signins_for(user=alice.user, vault=alice.vault)
    assert len(shown) == KEEP
    assert shown[0].device == "Firefox on Android"
    # The login's own record (the oldest) is gone.
    assert all(not s.succeeded for s in shown)


def test_a_vault_with_another_key_opens_none_of_them(alice: Person) -> None:
    posing = Vault(user_id=alice.user.pk, dek=b"\x01" * 32)
    assert signins_for(user=alice.user, vault=posing) == []


def test_a_record_moved_to_another_account_does_not_open(alice: Person, bob: Person) -> None:
    bobs = Identity.objects.get(user=bob.user)
    sealed = SignInRecord.objects.get(user=bob.user).sealed
    SignInRecord.objects.create(user=alice.user, sealed=sealed)
    assert len(signins_for(user=alice.user, vault=alice.vault)) == 1
    private = keys.private_open(bob.vault, bobs.private_key)
    with pytest.raises(SealError):
        record_open(
            user_id=alice.user.pk,
            private=private,
            public_key=bytes(bobs.public_key),
            sealed=bytes(sealed),
        )


def test_a_changed_record_does_not_open(alice: Person) -> None:
    identity = Identity.objects.get(user=alice.user)
    public = bytes(identity.public_key)
    sealed = bytearray(record_seal(user_id=alice.user.pk, public_key=public, record={"at": 60}))
    sealed[-1] ^= 1
    private = keys.private_open(alice.vault, identity.private_key)
    with pytest.raises(SealError):
        record_open(user_id=alice.user.pk, private=private, public_key=public, sealed=bytes(sealed))


def test_an_account_without_an_identity_key_keeps_nothing(alice: Person) -> None:
    Identity.objects.filter(user=alice.user).delete()
    assert not signin_record(user=alice.user, request=_request(), succeeded=False)
