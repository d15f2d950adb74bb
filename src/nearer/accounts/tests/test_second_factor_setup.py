"""Setting up the app (accounts:totp_begin, accounts:totp_setup): QR, key, first code."""

from __future__ import annotations

import re
import time

import pyotp
from django.test import Client

from nearer.accounts import second_factor
from nearer.accounts.second_factor_models import BackupCode
from nearer.accounts.tests.second_factor_helpers import turn_on
from nearer.conftest import Person

BEGIN, SETUP = "/accounts/second-step/app/", "/accounts/second-step/app/set-up/"


def _shown_secret(page: bytes) -> str:
    match = re.search(r'id="totp-secret">([^<]+)<', page.decode())
    assert match
    return "".join(match.group(1).split())


def test_it_shows_a_qr_code_and_the_key_as_text(alice: Person) -> None:
    assert alice.client.post(BEGIN)["Location"] == SETUP
    page = alice.client.get(SETUP).content
    assert b'src="data:image/svg+xml' in page
    assert len(_shown_secret(page)) == 32


def test_a_right_first_code_shows_ten_backup_codes_once(alice: Person) -> None:
    alice.client.post(BEGIN)
    secret = _shown_secret(alice.client.get(SETUP).content)
    response = alice.client.post(SETUP, {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 200
    shown = re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", response.content.decode())
    assert len(shown) == 10
    assert second_factor.totp_active(user=alice.user)
    assert BackupCode.objects.filter(user=alice.user).count() == 10
    # Shown once: the set-up page is gone, the overview shows a count only.
    assert alice.client.get(SETUP)["Location"] == "/accounts/second-step/"
    assert shown[0].encode() not in alice.client.get("/accounts/second-step/").content


def test_a_wrong_first_code_says_so_and_turns_nothing_on(alice: Person) -> None:
    alice.client.post(BEGIN)
    secret = _shown_secret(alice.client.get(SETUP).content)
    right = {pyotp.TOTP(secret).at(time.time() + d) for d in (-30, 0, 30)}
    wrong = next(c for c in ("000000", "111111", "222222", "333333") if c not in right)
    response = alice.client.post(SETUP, {"code": wrong})
    assert response.status_code == 200
    assert b"That code didn" in response.content
    assert not second_factor.totp_active(user=alice.user)


def test_begin_needs_a_post(alice: Person) -> None:
    assert alice.client.get(BEGIN).status_code == 405


def test_begin_when_already_on_changes_nothing(alice: Person) -> None:
    turn_on(alice)
    assert alice.client.post(BEGIN)["Location"] == "/accounts/second-step/"
    assert second_factor.totp_active(user=alice.user)


def test_it_needs_a_login(db: None) -> None:
    response = Client().get(SETUP)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
