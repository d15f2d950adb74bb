"""The session engine: each stored session knows its account; anonymous ones don't."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import Client

from nearer.accounts.models import AccountSession
from nearer.accounts.session_store import SessionStore
from nearer.conftest import Person


def test_it_is_the_configured_engine() -> None:
    assert settings.SESSION_ENGINE == "nearer.accounts.session_store"


def test_a_login_stores_the_account_in_its_own_column(alice: Person) -> None:
    key = alice.client.cookies[settings.SESSION_COOKIE_NAME].value
    row = AccountSession.objects.get(session_key=key)
    assert row.user_id == alice.user.pk
    assert row.get_decoded()[SESSION_KEY] == str(alice.user.pk)


def test_a_second_login_is_a_second_row_of_the_same_account(alice: Person) -> None:
    Client().post("/accounts/login/", {"username": "alice", "password": alice.password})
    assert AccountSession.objects.filter(user_id=alice.user.pk).count() == 2


def test_a_session_without_a_login_has_no_account(db: None) -> None:
    store = SessionStore()
    store["anything"] = "kept"
    store.create()
    assert AccountSession.objects.get(session_key=store.session_key).user_id is None


def test_a_malformed_account_id_is_stored_as_none(db: None) -> None:
    store = SessionStore()
    store[SESSION_KEY] = "not a number at all"
    store.create()
    assert AccountSession.objects.get(session_key=store.session_key).user_id is None


def test_logging_out_deletes_the_row(alice: Person) -> None:
    key = alice.client.cookies[settings.SESSION_COOKIE_NAME].value
    alice.client.post("/accounts/logout/")
    assert not AccountSession.objects.filter(session_key=key).exists()
