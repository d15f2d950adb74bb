"""The sign-up page under NEARER_SIGNUP: open, by invite, closed."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from nearer.accounts.invites import ATTEMPT_LIMIT, signup_invite_create
from nearer.accounts.models import SignupInvite, User

PASSWORD = "violet harbour juniper compass"


def _form(**extra: str) -> dict[str, str]:
    return {
        "username": "newcomer",
        "new_password1": PASSWORD,
        "new_password2": PASSWORD,
        **extra,
    }


def test_open_sign_up_asks_for_no_invite(db: None, settings: SettingsWrapper) -> None:
    settings.SIGNUP = "open"
    page = Client().get("/accounts/signup/")
    assert b'name="invite"' not in page.content
    assert b'href="/privacy/"' in page.content
    response = Client().post("/accounts/signup/", _form())
    assert response.status_code == 302
    assert User.objects.filter(username="newcomer").exists()


def test_closed_sign_up_says_so_kindly(db: None, settings: SettingsWrapper) -> None:
    settings.SIGNUP = "closed"
    page = Client().get("/accounts/signup/")
    assert page.status_code == 200
    assert b"closed sign-up" in page.content
    assert b'name="new_password1"' not in page.content


def test_closed_sign_up_refuses_a_post_and_makes_nothing(
    db: None, settings: SettingsWrapper
) -> None:
    settings.SIGNUP = "closed"
    response = Client().post("/accounts/signup/", _form())
    assert response.status_code == 403
    assert not User.objects.filter(username="newcomer").exists()


def test_invite_sign_up_asks_for_the_code(db: None, settings: SettingsWrapper) -> None:
    settings.SIGNUP = "invite"
    page = Client().get("/accounts/signup/")
    assert b'name="invite"' in page.content
    response = Client().post("/accounts/signup/", _form())
    assert response.status_code == 200
    assert not User.objects.filter(username="newcomer").exists()


def test_a_good_code_signs_up_once(db: None, settings: SettingsWrapper) -> None:
    settings.SIGNUP = "invite"
    made = signup_invite_create()
    response = Client().post("/accounts/signup/", _form(invite=made.code))
    assert response.status_code == 302
    assert User.objects.filter(username="newcomer").exists()
    again = Client().post("/accounts/signup/", _form(invite=made.code, username="secondcomer"))
    assert again.status_code == 200
    assert b"doesn&#x27;t open sign-up" in again.content
    assert not User.objects.filter(username="secondcomer").exists()


def test_a_refused_sign_up_leaves_the_invite_unused(db: None, settings: SettingsWrapper) -> None:
    settings.SIGNUP = "invite"
    made = signup_invite_create()
    User.objects.create(username="newcomer")
    response = Client().post("/accounts/signup/", _form(invite=made.code))
    assert response.status_code == 200
    assert b"That name is taken" in response.content
    assert SignupInvite.objects.get().used_at is None


def test_wrong_codes_are_throttled_like_login_attempts(db: None, settings: SettingsWrapper) -> None:
    settings.SIGNUP = "invite"
    made = signup_invite_create()
    client = Client()
    for _ in range(ATTEMPT_LIMIT):
        assert client.post("/accounts/signup/", _form(invite="WRONG")).status_code == 200
    # Now even the right code waits: guessing stops being worth it.
    response = client.post("/accounts/signup/", _form(invite=made.code))
    assert response.status_code == 429
    assert b"Please wait 15 minutes" in response.content
    assert not User.objects.filter(username="newcomer").exists()
    assert SignupInvite.objects.get().used_at is None


@pytest.mark.parametrize("rule", ["open", "invite", "closed"])
def test_the_privacy_page_is_linked_from_sign_up(
    db: None, settings: SettingsWrapper, rule: str
) -> None:
    settings.SIGNUP = rule
    assert b'href="/privacy/"' in Client().get("/accounts/signup/").content


def test_the_invite_code_typed_never_reaches_an_error_report(
    db: None, settings: SettingsWrapper
) -> None:
    from django.views.debug import SafeExceptionReporterFilter

    settings.SIGNUP = "invite"
    code = signup_invite_create().code
    response = Client().post("/accounts/signup/", _form(invite=code, username="x y"))
    masked = SafeExceptionReporterFilter().get_post_parameters(response.wsgi_request)
    assert masked["invite"] != code
    assert masked.get("username") == "x y"
