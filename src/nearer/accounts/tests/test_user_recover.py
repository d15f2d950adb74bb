"""user_recover and recovery_throttled: the code opens the vault; guesses are counted."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from nearer.accounts.models import RecoveryAttempt
from nearer.accounts.services import (
    RECOVERY_LIMIT,
    recovery_throttled,
    user_recover,
)
from nearer.accounts.tests.helpers import sessions_of
from nearer.conftest import Person
from nearer.vault.recovery_codes import new_code
from nearer.vault.services import keyring_recover, keyring_unlock

NEW = "plum kettle orbit lantern"
CLIENT = "203.0.113.9"


def test_it_sets_the_password_and_issues_a_new_code(alice: Person) -> None:
    recovered = user_recover(
        username="alice", typed_code=alice.recovery_code, new_password=NEW, client=CLIENT
    )
    assert recovered is not None
    assert recovered.user == alice.user
    assert keyring_unlock(user_id=alice.user.pk, password=NEW) == recovered.dek
    assert recovered.recovery_code != alice.recovery_code
    assert keyring_recover(user_id=alice.user.pk, typed_code=recovered.recovery_code)
    assert keyring_recover(user_id=alice.user.pk, typed_code=alice.recovery_code) is None


def test_it_ends_every_session_of_the_account(alice: Person) -> None:
    user_recover(username="alice", typed_code=alice.recovery_code, new_password=NEW, client=CLIENT)
    assert sessions_of(alice.user) == []


def test_it_accepts_the_name_in_any_case(alice: Person) -> None:
    recovered = user_recover(
        username="ALICE", typed_code=alice.recovery_code, new_password=NEW, client=CLIENT
    )
    assert recovered is not None


def test_it_counts_a_wrong_code_without_storing_the_name(alice: Person) -> None:
    assert (
        user_recover(username="alice", typed_code=new_code(), new_password=NEW, client=CLIENT)
        is None
    )
    attempt = RecoveryAttempt.objects.get()
    assert "alice" not in attempt.key
    assert CLIENT not in attempt.key


def test_it_counts_an_unknown_name(db: None) -> None:
    assert (
        user_recover(username="nobody", typed_code=new_code(), new_password=NEW, client=CLIENT)
        is None
    )
    assert RecoveryAttempt.objects.count() == 1


def test_it_refuses_a_weak_password_and_leaves_the_code_working(alice: Person) -> None:
    with pytest.raises(ValidationError):
        user_recover(
            username="alice", typed_code=alice.recovery_code, new_password="short", client=CLIENT
        )
    assert keyring_recover(user_id=alice.user.pk, typed_code=alice.recovery_code) is not None
    alice.user.refresh_from_db()
    assert alice.user.check_password(alice.password)


def test_it_throttles_after_the_limit_for_that_name_and_address(alice: Person) -> None:
    for _ in range(RECOVERY_LIMIT - 1):
        user_recover(username="alice", typed_code=new_code(), new_password=NEW, client=CLIENT)
    assert not recovery_throttled(username="alice", client=CLIENT)
    user_recover(username="alice", typed_code=new_code(), new_password=NEW, client=CLIENT)
    assert recovery_throttled(username="alice", client=CLIENT)
    assert recovery_throttled(username="Alice", client=CLIENT)
    assert not recovery_throttled(username="alice", client="198.51.100.1")
    assert not recovery_throttled(username="bob", client=CLIENT)


def test_it_clears_the_count_after_a_success(alice: Person) -> None:
    user_recover(username="alice", typed_code=new_code(), new_password=NEW, client=CLIENT)
    user_recover(username="alice", typed_code=alice.recovery_code, new_password=NEW, client=CLIENT)
    assert not RecoveryAttempt.objects.exists()


def test_it_forgets_attempts_older_than_the_window(db: None) -> None:
    from django.utils import timezone

    from nearer.accounts.services import RECOVERY_WINDOW

    old = RecoveryAttempt.objects.create(key="x" * 64, at=timezone.now() - 2 * RECOVERY_WINDOW)
    assert (
        user_recover(username="nobody", typed_code=new_code(), new_password=NEW, client=CLIENT)
        is None
    )
    assert not RecoveryAttempt.objects.filter(pk=old.pk).exists()
    assert RecoveryAttempt.objects.count() == 1
