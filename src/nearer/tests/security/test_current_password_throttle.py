"""Security: the forms that ask for the current password (a new recovery code, a
password change, deleting the account) count wrong guesses like the login does.

After the limit the page says "Too many tries" and nothing is checked or changed,
even when the right password comes next.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client

from nearer.accounts.models import User
from nearer.conftest import Person, Response

NEW = "plum kettle orbit lantern"
WRONG = "a wrong password, again"


def _renew(person: Person, password: str) -> Response:
    return person.client.post("/accounts/recovery-code/new/", {"password": password})


def _change(person: Person, password: str) -> Response:
    return person.client.post(
        "/accounts/password/",
        {"password": password, "new_password1": NEW, "new_password2": NEW},
    )


def _delete(person: Person, password: str) -> Response:
    return person.client.post("/accounts/delete/", {"password": password, "confirm": "on"})


FORMS: dict[str, Callable[[Person, str], Response]] = {
    "new recovery code": _renew,
    "password change": _change,
    "delete account": _delete,
}


def _unchanged(person: Person) -> None:
    user = User.objects.get(pk=person.user.pk)
    assert user.check_password(person.password)
    assert not user.check_password(NEW)
    assert person.client.get("/accounts/").status_code == 200


@pytest.mark.parametrize("form", FORMS)
def test_it_stops_checking_after_the_limit_even_for_the_right_password(
    alice: Person, form: str
) -> None:
    post = FORMS[form]
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        refused = post(alice, WRONG)
        assert refused.status_code == 200
        assert b"not your" in refused.content
    post(alice, WRONG)
    response = post(alice, alice.password)
    assert response.status_code == 429
    assert b"Too many tries" in response.content
    assert b"Nothing was changed" in response.content
    _unchanged(alice)
    # The recovery code shown at sign-up still works: no new one was made.
    assert "accounts.pending_recovery_code" not in alice.client.session


@pytest.mark.parametrize("form", FORMS)
def test_it_still_works_before_the_limit(alice: Person, form: str) -> None:
    post = FORMS[form]
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert b"Too many tries" not in post(alice, WRONG).content
    response = post(alice, alice.password)
    if form == "delete account":
        assert b"deleted" in response.content
        assert not User.objects.filter(pk=alice.user.pk).exists()
    else:
        assert response.status_code == 302


def test_wrong_guesses_here_count_towards_the_login_lockout(alice: Person) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _change(alice, WRONG)
    response = Client().post("/accounts/login/", {"username": "alice", "password": alice.password})
    assert b"Too many tries" in response.content


def test_another_person_is_not_slowed_down(alice: Person, bob: Person) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _change(alice, WRONG)
    response = _change(bob, bob.password)
    assert response.status_code == 302
    assert User.objects.get(pk=bob.user.pk).check_password(NEW)
