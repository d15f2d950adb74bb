"""user_delete: the account, its rows, its sessions and its login records go."""

from __future__ import annotations

from axes.models import AccessAttempt, AccessLog
from django.test import Client

from nearer.accounts.models import User
from nearer.accounts.services import user_delete
from nearer.accounts.tests.helpers import sessions_of
from nearer.conftest import Person
from nearer.vault.models import Keyring


def test_it_deletes_the_user_keyring_and_sessions(alice: Person, bob: Person) -> None:
    user_delete(user=alice.user)
    assert not User.objects.filter(username="alice").exists()
    assert not Keyring.objects.filter(user_id=alice.user.pk).exists()
    assert sessions_of(alice.user) == []
    assert len(sessions_of(bob.user)) == 1


def test_it_deletes_login_records_kept_by_name(alice: Person) -> None:
    Client().post("/accounts/login/", {"username": "alice", "password": "a wrong password"})
    assert AccessAttempt.objects.filter(username="alice").exists()
    user_delete(user=alice.user)
    assert not AccessAttempt.objects.filter(username="alice").exists()
    assert not AccessLog.objects.filter(username="alice").exists()
