"""The sign-up page: a new account, its vault, and the recovery-code step."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from nearer.accounts.models import User
from nearer.conftest import Person
from nearer.tests.smtp import Inbox
from nearer.vault.models import Keyring

STRONG = "plum kettle orbit lantern"


def _post(client: Client, **overrides: str):  # type: ignore[no-untyped-def]
    data = {
        "username": "dora",
        "email": "",
        "new_password1": STRONG,
        "new_password2": STRONG,
        "time_zone": "Europe/Paris",
    }
    data.update(overrides)
    return client.post("/accounts/signup/", data)


@pytest.fixture
def client(db: None) -> Client:
    return Client()


def test_it_shows_the_form(client: Client) -> None:
    response = client.get("/accounts/signup/")
    assert response.status_code == 200
    assert b'name="new_password1"' in response.content
    assert b'autocomplete="new-password"' in response.content


def test_it_creates_the_account_with_its_vault_and_logs_in(client: Client) -> None:
    response = _post(client)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/recovery-code/"
    user = User.objects.get(username="dora")
    assert Keyring.objects.filter(user=user).exists()
    assert client.session["_auth_user_id"] == str(user.pk)
    assert response.cookies[settings.VAULT_COOKIE_NAME].value


def test_it_keeps_an_optional_email(client: Client) -> None:
    _post(client, email="dora@example.org")
    assert User.objects.get(username="dora").email == "dora@example.org"


def test_it_remembers_the_time_zone_sealed(client: Client) -> None:
    _post(client)
    response = client.get("/accounts/")
    assert b'<option value="Europe/Paris" selected>' in response.content


def test_an_unknown_time_zone_is_a_clear_message_and_makes_nothing(client: Client) -> None:
    response = _post(client, time_zone="Mars/Olympus")
    assert response.status_code == 200
    assert b"Please choose a time zone from the list." in response.content
    assert not User.objects.filter(username="dora").exists()


def test_it_refuses_a_taken_username_whatever_its_case(alice: Person, client: Client) -> None:
    response = _post(client, username="ALICE")
    assert response.status_code == 200
    assert b"That name is taken" in response.content
    assert User.objects.filter(username__iexact="alice").count() == 1


def test_it_refuses_a_username_with_spaces(client: Client) -> None:
    response = _post(client, username="dora the explorer")
    assert response.status_code == 200
    assert b"without spaces" in response.content
    assert not User.objects.exists()


def test_it_refuses_a_short_password(client: Client) -> None:
    response = _post(client, new_password1="short pw", new_password2="short pw")
    assert response.status_code == 200
    assert b"at least 12 characters" in response.content
    assert not User.objects.exists()


@pytest.mark.parametrize("common", ["qwerty123456", "1q2w3e4r5t6y"])
def test_it_refuses_a_common_password(client: Client, common: str) -> None:
    response = _post(client, new_password1=common, new_password2=common)
    assert response.status_code == 200
    assert b"too common" in response.content
    assert not User.objects.exists()


def test_it_refuses_a_password_like_the_username(client: Client) -> None:
    response = _post(
        client,
        username="dorathexplorer",
        new_password1="dorathexplorer",
        new_password2="dorathexplorer",
    )
    assert response.status_code == 200
    assert not User.objects.exists()


def test_it_refuses_mismatched_passwords(client: Client) -> None:
    response = _post(client, new_password2=STRONG + "x")
    assert response.status_code == 200
    assert b"The two passwords are not the same." in response.content
    assert not User.objects.exists()


def test_it_accepts_a_64_character_password(client: Client) -> None:
    long_password = "a calm river under the old stone bridge at dusk, slowly flowing!"
    assert len(long_password) == 64
    response = _post(client, new_password1=long_password, new_password2=long_password)
    assert response.status_code == 302
    client.post("/accounts/logout/")
    response = client.post("/accounts/login/", {"username": "dora", "password": long_password})
    assert response.status_code == 302


@pytest.mark.parametrize("length", [257, 2000])
def test_it_refuses_very_long_passwords_kindly(client: Client, length: int) -> None:
    password = ("tender words " * 200)[:length]
    response = _post(client, new_password1=password, new_password2=password)
    assert response.status_code == 200
    assert b"at most" in response.content
    assert not User.objects.exists()


def test_it_never_echoes_the_password_back(client: Client) -> None:
    response = _post(client, new_password2=STRONG + "x")
    assert STRONG.encode() not in response.content


def test_it_sends_a_logged_in_person_home(alice: Person) -> None:
    response = alice.client.get("/accounts/signup/")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_without_javascript_the_page_offers_a_real_choice_of_zone(client: Client) -> None:
    # Defect: the zone came only from a script filling a hidden field, so without
    # JavaScript nothing was saved (the account then showed Africa/Abidjan).
    html = client.get("/accounts/signup/").content.decode()
    assert '<select name="time_zone"' in html
    assert '<optgroup label="Europe">' in html
    assert '<option value="Europe/Oslo">Oslo</option>' in html
    assert '<option value="UTC" selected>' in html
    for not_a_place in ("Factory", "US/Eastern", "Etc/GMT+5", "Asia/Calcutta", "EST5EDT"):
        assert f'value="{not_a_place}"' not in html


def test_a_zone_chosen_without_javascript_is_kept(client: Client) -> None:
    data = {
        "username": "dora",
        "email": "",
        "new_password1": STRONG,
        "new_password2": STRONG,
        "time_zone": "America/Argentina/Buenos_Aires",
    }
    assert client.post("/accounts/signup/", data).status_code == 302
    page = client.get("/accounts/").content.decode()
    assert '<option value="America/Argentina/Buenos_Aires" selected>' in page


def test_with_no_zone_chosen_the_account_says_utc(client: Client) -> None:
    data = {"username": "dora", "email": "", "new_password1": STRONG, "new_password2": STRONG}
    assert client.post("/accounts/signup/", data).status_code == 302
    page = client.get("/accounts/").content.decode()
    assert '<option value="UTC" selected>' in page
    assert '<option value="Africa/Abidjan" selected>' not in page


def test_an_email_given_at_sign_up_gets_its_link(client: Client, smtp_server: Inbox) -> None:
    assert _post(client, email="dora.wren@example.org").status_code == 302
    assert smtp_server.envelopes[0][1] == ["dora.wren@example.org"]
    assert "/accounts/email/confirm/" in smtp_server.bodies()[0]
    assert User.objects.get(username="dora").email_verified_at is None
