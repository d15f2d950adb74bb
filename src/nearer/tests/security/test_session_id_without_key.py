"""Security: someone who knows a session id but not its key cookie cannot end it.

Sending the id with a wrong key cookie (or none) must leave the owner's session
intact, and is answered as logged out: the login page, no vault, and no row of
the owner's touched — even when that browser then logs in as someone else.
"""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.test import Client

from nearer.accounts.models import AccountSession
from nearer.conftest import Person
from nearer.vault.session import SESSION_SINCE

SESSION = settings.SESSION_COOKIE_NAME
KEY = settings.VAULT_COOKIE_NAME
WRONG_KEY = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE="


def _intruder(owner: Person, key_cookie: str | None) -> Client:
    intruder = Client()
    intruder.cookies[SESSION] = owner.client.cookies[SESSION].value
    if key_cookie is not None:
        intruder.cookies[KEY] = key_cookie
    return intruder


def _row(owner: Person) -> tuple[str, str]:
    row = AccountSession.objects.get(session_key=owner.client.cookies[SESSION].value)
    return row.session_data, str(row.expire_date)


@pytest.mark.parametrize(
    ("key_cookie", "method", "path"),
    [
        (WRONG_KEY, "get", "/"),
        (WRONG_KEY, "get", "/accounts/?unlock=1"),
        (WRONG_KEY, "post", "/accounts/"),
        (None, "get", "/journal/?unlock=1"),
        (None, "post", "/accounts/logout/"),
        ("not base64 at all!", "post", "/accounts/delete/"),
    ],
)
def test_a_wrong_key_cookie_leaves_the_owners_session_alone(
    alice: Person, key_cookie: str | None, method: str, path: str
) -> None:
    before = _row(alice)
    intruder = _intruder(alice, key_cookie)
    response = getattr(intruder, method)(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert response.wsgi_request.vault is None
    assert not response.wsgi_request.user.is_authenticated
    # The intruder's browser is told to forget the id; the owner's row is as it was.
    assert response.cookies[SESSION].value == ""
    assert _row(alice) == before
    page = alice.client.get("/accounts/")
    assert page.status_code == 200
    assert page.wsgi_request.user == alice.user


def test_logging_in_as_someone_else_from_there_leaves_the_owner_logged_in(
    alice: Person, bob: Person
) -> None:
    intruder = _intruder(alice, WRONG_KEY)
    intruder.get("/")
    # Even if the browser kept the id, a login must not flush the owner's row.
    intruder.cookies[SESSION] = alice.client.cookies[SESSION].value
    intruder.cookies[KEY] = WRONG_KEY
    response = intruder.post(
        "/accounts/login/", {"username": "bob", "password": bob.password}, follow=True
    )
    assert response.status_code == 200
    assert alice.client.get("/").status_code == 200
    assert intruder.cookies[SESSION].value != alice.client.cookies[SESSION].value


def test_the_owner_still_logs_out_after_the_absolute_timeout(alice: Person) -> None:
    # Past the absolute lifetime the session really is over: its row goes.
    session = alice.client.session
    session[SESSION_SINCE] = int(time.time()) - settings.SESSION_MAX_HOURS * 3600 - 1
    session.save()
    alice.client.get("/")
    assert not AccountSession.objects.filter(session_key=session.session_key).exists()
