"""Logging out: the session row and the key cookie go; the journal is locked."""

from __future__ import annotations

from django.conf import settings

from nearer.accounts.models import AccountSession as Session
from nearer.conftest import Person


def test_it_logs_out_and_deletes_the_session_row(alice: Person) -> None:
    key = alice.client.session.session_key
    response = alice.client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?out=1"
    assert not Session.objects.filter(session_key=key).exists()
    assert response.cookies[settings.VAULT_COOKIE_NAME].value == ""


def test_it_locks_the_pages_afterwards(alice: Person) -> None:
    alice.client.post("/accounts/logout/")
    response = alice.client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_says_the_journal_is_locked(alice: Person) -> None:
    response = alice.client.post("/accounts/logout/", follow=True)
    assert b"Your journal is locked" in response.content


def test_it_refuses_a_get(alice: Person) -> None:
    # A link or an image on another page must not be able to log a person out.
    assert alice.client.get("/accounts/logout/").status_code == 405
    assert alice.client.get("/").status_code == 200
