"""Requests of someone not logged in store no session (each row would be kept for an
hour, and a flood of them filled the table)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from nearer.accounts.models import AccountSession
from nearer.conftest import Person, Response

REQUESTS: dict[str, Callable[[Client], Response]] = {
    "log out": lambda c: c.post("/accounts/logout/"),
    "log out, followed": lambda c: c.post("/accounts/logout/", follow=True),
    "login page": lambda c: c.get("/accounts/login/"),
    "wrong login": lambda c: c.post(
        "/accounts/login/", {"username": "alice", "password": "not her password at all"}
    ),
    "sign-up page": lambda c: c.get("/accounts/signup/"),
    "forgot page": lambda c: c.get("/accounts/forgot/"),
    "a private page": lambda c: c.get("/journal/", follow=True),
}


@pytest.mark.parametrize("name", REQUESTS)
def test_it_stores_no_session(alice: Person, name: str) -> None:
    before = AccountSession.objects.count()
    for _ in range(3):
        REQUESTS[name](Client())
    assert AccountSession.objects.count() == before


def test_logging_out_says_so_without_storing_anything(alice: Person) -> None:
    response = alice.client.post("/accounts/logout/", follow=True)
    assert b"You are logged out. Your journal is locked." in response.content
    assert AccountSession.objects.filter(user_id=alice.user.pk).count() == 0
    assert AccountSession.objects.count() == 0


def test_logging_out_when_not_logged_in_goes_to_the_login_page(db: None) -> None:
    response = Client().post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?out=1"
