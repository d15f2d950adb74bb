"""A new recovery code: needs the password; the old code stops working."""

from __future__ import annotations

from django.test import Client

from nearer.accounts.views import PENDING_CODE
from nearer.conftest import Person
from nearer.vault.models import Keyring
from nearer.vault.services import keyring_recover


def test_it_shows_the_form(alice: Person) -> None:
    response = alice.client.get("/accounts/recovery-code/new/")
    assert response.status_code == 200
    assert b"Your old code will stop working" in response.content


def test_it_makes_a_new_code_and_shows_it_once(alice: Person) -> None:
    response = alice.client.post("/accounts/recovery-code/new/", {"password": alice.password})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/recovery-code/"
    page = alice.client.get("/accounts/recovery-code/")
    assert b"Save your recovery code" in page.content
    alice.client.post("/accounts/recovery-code/", {"saved": "on"})
    assert PENDING_CODE not in alice.client.session


def test_it_stops_the_old_code(alice: Person) -> None:
    alice.client.post("/accounts/recovery-code/new/", {"password": alice.password})
    assert keyring_recover(user_id=alice.user.pk, typed_code=alice.recovery_code) is None


def test_it_refuses_a_wrong_password_and_changes_nothing(alice: Person) -> None:
    before = Keyring.objects.get(user=alice.user).recovery_check
    response = alice.client.post("/accounts/recovery-code/new/", {"password": "nope nope nope"})
    assert response.status_code == 200
    assert b"That is not your password." in response.content
    assert Keyring.objects.get(user=alice.user).recovery_check == before
    assert keyring_recover(user_id=alice.user.pk, typed_code=alice.recovery_code) is not None


def test_it_needs_a_login(db: None) -> None:
    response = Client().post("/accounts/recovery-code/new/", {"password": "whatever"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
