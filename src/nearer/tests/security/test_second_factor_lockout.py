"""Security: wrong codes at the second step count with wrong passwords (django-axes),
so guessing codes locks the name and address out like guessing passwords."""

from __future__ import annotations

from django.conf import settings
from django.test import Client

from nearer.accounts.tests.second_factor_helpers import code_in, password_step, turn_on
from nearer.conftest import Person

STEP = "/accounts/login/code/"


def _wrong(secret: str) -> str:
    right = {code_in(secret, s) for s in (-1, 0, 1, 2)}
    return next(c for c in ("000000", "111111", "222222", "333333", "444444") if c not in right)


def test_wrong_codes_lock_out_the_password_too(alice: Person) -> None:
    secret, _ = turn_on(alice)
    wrong = _wrong(secret)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client = Client()
        password_step(client, alice)
        client.post(STEP, {"code": wrong})
    client = Client()
    response = password_step(client, alice)
    assert response.status_code in (403, 429)
    assert b"Too many tries" in response.content
    assert "_auth_user_id" not in client.session


def test_a_locked_out_step_refuses_even_the_right_code(alice: Person) -> None:
    secret, _ = turn_on(alice)
    wrong = _wrong(secret)
    client = Client()
    password_step(client, alice)
    # Other wrong codes elsewhere (another step of this name and address) reach the limit.
    for _ in range(settings.AXES_FAILURE_LIMIT):
        other = Client()
        password_step(other, alice)
        other.post(STEP, {"code": wrong})
    response = client.post(STEP, {"code": code_in(secret, 1)})
    assert response.status_code in (403, 429)
    assert b"Too many tries" in response.content
    assert "_auth_user_id" not in client.session


def test_a_few_wrong_codes_then_the_right_one_log_in(alice: Person) -> None:
    secret, _ = turn_on(alice)
    client = Client()
    password_step(client, alice)
    for _ in range(settings.AXES_FAILURE_LIMIT - 2):
        client.post(STEP, {"code": _wrong(secret)})
    assert client.post(STEP, {"code": code_in(secret, 1)}).status_code == 302
    assert client.session["_auth_user_id"] == str(alice.user.pk)


def test_a_wrong_code_is_not_kept_in_the_lockout_records(alice: Person) -> None:
    # A mistyped backup code is most of a real one: axes must mask it like a password.
    from axes.models import AccessAttempt

    _, codes = turn_on(alice)
    typed = codes[0][:-1] + ("x" if codes[0][-1] != "x" else "y")
    client = Client()
    password_step(client, alice)
    client.post(STEP, {"code": typed})
    kept = " ".join(f"{a.post_data} {a.get_data}" for a in AccessAttempt.objects.all())
    assert AccessAttempt.objects.exists()
    assert typed not in kept
