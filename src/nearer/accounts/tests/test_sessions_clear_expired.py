"""sessions_clear_expired, the sweep at each login and `nearer clearsessions`:
expired sessions (each still holding half a key) go; live ones stay."""

from __future__ import annotations

from datetime import timedelta
from unittest.mock import patch

from django.contrib.auth import SESSION_KEY
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from nearer.accounts.models import AccountSession
from nearer.accounts.services import sessions_clear_expired
from nearer.accounts.session_store import SessionStore
from nearer.cli import main
from nearer.conftest import Person


def _stored(*, user_id: int, expired: bool) -> str:
    store = SessionStore()
    store[SESSION_KEY] = str(user_id)
    store.create()
    key = store.session_key
    assert key is not None
    if expired:
        AccountSession.objects.filter(session_key=key).update(
            expire_date=timezone.now() - timedelta(minutes=1)
        )
    return key


def _keys() -> set[str]:
    return set(AccountSession.objects.values_list("session_key", flat=True))


def test_it_deletes_expired_sessions_and_keeps_live_ones(alice: Person) -> None:
    expired = {_stored(user_id=alice.user.pk, expired=True) for _ in range(3)}
    live = _stored(user_id=alice.user.pk, expired=False)
    assert sessions_clear_expired() == 3
    assert not expired & _keys()
    assert live in _keys()
    assert alice.client.get("/").status_code == 200


def test_it_deletes_at_most_the_limit_oldest_first(db: None) -> None:
    keys = [_stored(user_id=7, expired=True) for _ in range(5)]
    AccountSession.objects.filter(session_key=keys[0]).update(
        expire_date=timezone.now() - timedelta(days=3)
    )
    assert sessions_clear_expired(limit=1) == 1
    assert keys[0] not in _keys()
    assert set(keys[1:]) <= _keys()


def test_a_login_sweeps_expired_sessions_of_anyone(alice: Person, bob: Person) -> None:
    expired = {_stored(user_id=bob.user.pk, expired=True) for _ in range(4)}
    response = Client().post("/accounts/login/", {"username": "alice", "password": alice.password})
    assert response.status_code == 302
    assert not expired & _keys()
    assert bob.client.get("/").status_code == 200


def test_djangos_clearsessions_deletes_every_expired_one(alice: Person) -> None:
    expired = {_stored(user_id=alice.user.pk, expired=True) for _ in range(3)}
    call_command("clearsessions")
    assert not expired & _keys()
    assert alice.client.get("/").status_code == 200


def test_nearer_clearsessions_runs_djangos_command() -> None:
    with patch("nearer.cli._manage", return_value=0) as manage:
        assert main(["clearsessions"]) == 0
    manage.assert_called_once_with(["clearsessions"])
