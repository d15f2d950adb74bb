"""The recovery-code page: shown until the person confirms they saved it, then gone."""

from __future__ import annotations

import pytest
from django.test import Client

from nearer.accounts.views import PENDING_CODE
from nearer.vault.recovery_codes import normalise

STRONG = "plum kettle orbit lantern"


@pytest.fixture
def new_client(db: None) -> Client:
    client = Client()
    client.post(
        "/accounts/signup/",
        {"username": "dora", "new_password1": STRONG, "new_password2": STRONG},
    )
    return client


def _shown_code(client: Client) -> str:
    html = client.get("/accounts/recovery-code/").content.decode()
    start = html.index('id="recovery-code"')
    shown = html[html.index(">", start) + 1 : html.index("</p>", start)]
    code = normalise(shown)
    assert code is not None
    return code


def test_it_shows_the_code_in_groups(new_client: Client) -> None:
    response = new_client.get("/accounts/recovery-code/")
    assert response.status_code == 200
    assert b"Save your recovery code" in response.content
    assert _shown_code(new_client)


def test_it_shows_the_same_code_until_confirmed(new_client: Client) -> None:
    assert _shown_code(new_client) == _shown_code(new_client)


def test_it_keeps_the_pending_code_sealed_in_the_session(new_client: Client) -> None:
    code = _shown_code(new_client)
    stored = str(dict(new_client.session.items()))
    assert code not in stored
    assert PENDING_CODE in new_client.session


def test_it_asks_for_the_checkbox_before_moving_on(new_client: Client) -> None:
    response = new_client.post("/accounts/recovery-code/", {})
    assert response.status_code == 200
    assert b"Please save the code first" in response.content
    assert PENDING_CODE in new_client.session


def test_it_forgets_the_code_once_confirmed(new_client: Client) -> None:
    response = new_client.post("/accounts/recovery-code/", {"saved": "on"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert PENDING_CODE not in new_client.session
    again = new_client.get("/accounts/recovery-code/")
    assert again.status_code == 302
    assert again["Location"] == "/accounts/"


def test_it_needs_a_login(db: None) -> None:
    response = Client().get("/accounts/recovery-code/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
