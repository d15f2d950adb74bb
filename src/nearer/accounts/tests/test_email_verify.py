"""The emailed link's page (accounts:email_verify): a button confirms, once, logged in or not."""

from __future__ import annotations

from django.test import Client

from nearer.accounts import email_address
from nearer.accounts.models import User
from nearer.conftest import Person


def _url(token: str) -> str:
    return f"/accounts/email/confirm/{token}/"


def _token(person: Person) -> str:
    token = email_address.email_change(user=person.user, email="ally.orchard@example.org")
    assert token is not None
    return token


def _verified(person: Person) -> bool:
    return User.objects.get(pk=person.user.pk).email_verified_at is not None


def test_opening_the_link_asks_first_and_changes_nothing(alice: Person) -> None:
    response = Client().get(_url(_token(alice)))
    assert response.status_code == 200
    assert b"Confirm my email" in response.content
    assert not _verified(alice)


def test_the_button_confirms_even_logged_out(alice: Person) -> None:
    response = Client().post(_url(_token(alice)))
    assert response.status_code == 200
    assert b"your email is confirmed" in response.content
    assert _verified(alice)


def test_a_used_link_says_so_calmly(alice: Person) -> None:
    token = _token(alice)
    assert alice.client.post(_url(token)).status_code == 200
    again = alice.client.post(_url(token))
    assert again.status_code == 400
    assert b"can't confirm an address any more" in again.content
    assert b"can't confirm an address any more" in alice.client.get(_url(token)).content


def test_a_made_up_token_is_calm(db: None) -> None:
    for bad in ("a:b:c", "eyJ1Ijo5OTl9:1wXyZ:" + "s" * 43):
        response = Client().post(_url(bad))
        assert response.status_code == 400
        assert b"can't confirm an address any more" in response.content


def test_what_is_not_a_signed_token_at_all_is_not_found(db: None) -> None:
    for bad in ("nonsense", "99999999999", "x" * 3000 + ":a:b", "a:b:c:d%3Ce%3E"):
        assert Client().get(_url(bad)).status_code == 404


def test_the_page_needs_a_csrf_token_to_confirm(alice: Person) -> None:
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(_url(_token(alice))).status_code == 403
    assert not _verified(alice)
