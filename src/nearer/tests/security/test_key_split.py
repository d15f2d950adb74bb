"""Security test 5: the session row without the cookie, or the cookie without the row,
opens nothing."""

from __future__ import annotations

import base64

from django.conf import settings
from django.test import Client

from nearer.accounts.models import AccountSession as Session
from nearer.conftest import Person
from nearer.vault.services import keyring_unlock
from nearer.vault.session import SESSION_DEK

KEY = settings.VAULT_COOKIE_NAME
SESSION = settings.SESSION_COOKIE_NAME


def _lands_on_login(client: Client) -> None:
    response = client.get("/accounts/?unlock=1")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert response.wsgi_request.vault is None  # type: ignore[attr-defined]


def test_the_session_cookie_without_the_key_cookie_opens_nothing(alice: Person) -> None:
    thief = Client()
    thief.cookies[SESSION] = alice.client.cookies[SESSION].value
    bounce = thief.get("/accounts/")
    assert b"Opening Nearer" in bounce.content
    assert bounce.wsgi_request.vault is None  # type: ignore[attr-defined]
    _lands_on_login(thief)


def test_a_post_with_the_session_cookie_alone_changes_nothing(alice: Person) -> None:
    thief = Client()
    thief.cookies[SESSION] = alice.client.cookies[SESSION].value
    response = thief.post("/accounts/", {"display_name": "thief", "time_zone": "UTC"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert b"thief" not in alice.client.get("/").content


def test_the_key_cookie_without_the_session_opens_nothing(alice: Person) -> None:
    thief = Client()
    thief.cookies[KEY] = alice.client.cookies[KEY].value
    response = thief.get("/accounts/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert response.wsgi_request.vault is None  # type: ignore[attr-defined]


def test_the_key_cookie_with_another_persons_session_opens_nothing(
    alice: Person, charlie: Person
) -> None:
    charlie.client.cookies[KEY] = alice.client.cookies[KEY].value
    _lands_on_login(charlie.client)


def test_the_session_row_alone_holds_no_key(alice: Person) -> None:
    dek = keyring_unlock(user_id=alice.user.pk, password=alice.password)
    assert dek is not None
    row = Session.objects.get(session_key=alice.client.cookies[SESSION].value)
    stored = (row.session_data + repr(row.get_decoded())).encode()
    for form in (dek, base64.b64encode(dek), base64.urlsafe_b64encode(dek), dek.hex().encode()):
        assert form not in stored
    # Nor the other half: the secret lives only in the person's browser.
    assert alice.client.cookies[KEY].value.strip('"').encode() not in stored
    assert isinstance(row.get_decoded()[SESSION_DEK], str)


def test_the_row_is_gone_after_logout_so_old_cookies_open_nothing(alice: Person) -> None:
    stolen = {name: alice.client.cookies[name].value for name in (SESSION, KEY)}
    alice.client.post("/accounts/logout/")
    thief = Client()
    for name, value in stolen.items():
        thief.cookies[name] = value
    response = thief.get("/accounts/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_both_halves_together_open_the_vault(alice: Person) -> None:
    # The control: the same request with both halves does work.
    device = Client()
    for name in (SESSION, KEY):
        device.cookies[name] = alice.client.cookies[name].value
    response = device.get("/accounts/")
    assert response.status_code == 200
    assert response.wsgi_request.vault is not None  # type: ignore[attr-defined]
