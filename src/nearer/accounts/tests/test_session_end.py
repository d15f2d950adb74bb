"""Ending one other session from the Security page; another person's is a 404."""

from __future__ import annotations

from django.test import Client

from nearer.accounts.models import AccountSession
from nearer.accounts.signins import session_handle
from nearer.conftest import Person


def _second_device(person: Person) -> Client:
    other = Client()
    other.post("/accounts/login/", {"username": person.user.username, "password": person.password})
    return other


def _url(handle: str) -> str:
    return f"/accounts/security/sessions/{handle}/end/"


def test_it_ends_that_session_and_it_is_logged_out(alice: Person) -> None:
    other = _second_device(alice)
    key = other.session.session_key
    assert key is not None
    response = alice.client.post(_url(session_handle(key)))
    assert response.status_code == 302
    assert not AccountSession.objects.filter(pk=key).exists()
    assert other.get("/").status_code == 302
    assert alice.client.get("/").status_code == 200


def test_ending_someone_elses_session_is_a_404_and_changes_nothing(
    alice: Person, bob: Person
) -> None:
    key = bob.client.session.session_key
    assert key is not None
    response = alice.client.post(_url(session_handle(key)))
    assert response.status_code == 404
    assert AccountSession.objects.filter(pk=key).exists()
    assert bob.client.get("/").status_code == 200


def test_this_session_is_not_ended_here(alice: Person) -> None:
    key = alice.client.session.session_key
    assert key is not None
    assert alice.client.post(_url(session_handle(key))).status_code == 404
    assert alice.client.get("/").status_code == 200


def test_an_unknown_handle_is_a_404(alice: Person) -> None:
    assert alice.client.post(_url("a" * 32)).status_code == 404
    assert alice.client.post(_url("not-a-handle")).status_code == 404


def test_it_takes_only_a_post(alice: Person) -> None:
    other = _second_device(alice)
    key = other.session.session_key
    assert key is not None
    assert alice.client.get(_url(session_handle(key))).status_code == 405
    assert other.get("/").status_code == 200
