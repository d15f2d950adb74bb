"""Forgot password: the recovery code opens the vault again; nothing else does."""

from __future__ import annotations

from django.test import Client

from nearer.accounts.models import RecoveryAttempt
from nearer.accounts.services import RECOVERY_LIMIT, preferences_get, preferences_update
from nearer.conftest import Person, make_person
from nearer.vault.recovery_codes import display, new_code
from nearer.vault.services import keyring_recover, keyring_unlock

NEW = "plum kettle orbit lantern"


def _forgot(client: Client, username: str, code: str, new1: str = NEW, new2: str = NEW):  # type: ignore[no-untyped-def]
    return client.post(
        "/accounts/forgot/",
        {"username": username, "recovery_code": code, "new_password1": new1, "new_password2": new2},
    )


def test_it_says_plainly_that_nothing_opens_without_the_code(db: None) -> None:
    response = Client().get("/accounts/forgot/")
    assert response.status_code == 200
    assert b"Without it, nobody" in response.content
    assert b"start afresh" in response.content


def test_it_sets_a_new_password_and_keeps_the_data(alice: Person) -> None:
    preferences_update(user=alice.user, vault=alice.vault, display_name="Ally")
    client = Client()
    response = _forgot(client, "alice", display(alice.recovery_code))
    assert response.status_code == 302
    assert response["Location"] == "/accounts/recovery-code/"
    assert client.session["_auth_user_id"] == str(alice.user.pk)
    assert b"Ally" in client.get("/").content
    assert preferences_get(user=alice.user, vault=alice.vault)["display_name"] == "Ally"
    alice.user.refresh_from_db()
    assert alice.user.check_password(NEW)
    assert keyring_unlock(user_id=alice.user.pk, password=NEW) is not None
    assert keyring_unlock(user_id=alice.user.pk, password=alice.password) is None


def test_it_issues_a_new_code_and_the_old_one_works_once(alice: Person) -> None:
    client = Client()
    _forgot(client, "alice", alice.recovery_code)
    assert b"Save your recovery code" in client.get("/accounts/recovery-code/").content
    assert keyring_recover(user_id=alice.user.pk, typed_code=alice.recovery_code) is None
    response = _forgot(
        Client(), "alice", alice.recovery_code, "another fine phrase", "another fine phrase"
    )
    assert response.status_code == 200
    assert b"That code doesn" in response.content


def test_it_refuses_a_wrong_code_and_changes_nothing(alice: Person) -> None:
    client = Client()
    response = _forgot(client, "alice", new_code())
    assert response.status_code == 200
    assert b"That code doesn" in response.content
    assert "_auth_user_id" not in client.session
    alice.user.refresh_from_db()
    assert alice.user.check_password(alice.password)
    assert RecoveryAttempt.objects.count() == 1


def test_it_refuses_another_persons_code(alice: Person, bob: Person) -> None:
    response = _forgot(Client(), "alice", bob.recovery_code)
    assert b"That code doesn" in response.content
    alice.user.refresh_from_db()
    assert alice.user.check_password(alice.password)


def test_it_answers_an_unknown_name_like_a_wrong_code(db: None) -> None:
    response = _forgot(Client(), "nobody", new_code())
    assert response.status_code == 200
    assert b"That code doesn" in response.content


def test_it_refuses_a_weak_new_password_without_spending_the_code(alice: Person) -> None:
    response = _forgot(Client(), "alice", alice.recovery_code, "qwerty123456", "qwerty123456")
    assert response.status_code == 200
    assert b"too common" in response.content
    assert keyring_recover(user_id=alice.user.pk, typed_code=alice.recovery_code) is not None


def test_it_throttles_repeated_wrong_codes_even_with_the_right_one_after(alice: Person) -> None:
    client = Client()
    for _ in range(RECOVERY_LIMIT):
        _forgot(client, "alice", new_code())
    response = _forgot(client, "alice", alice.recovery_code)
    assert response.status_code == 429
    assert b"Too many tries" in response.content
    alice.user.refresh_from_db()
    assert alice.user.check_password(alice.password)
    assert keyring_recover(user_id=alice.user.pk, typed_code=alice.recovery_code) is not None


def test_it_keeps_the_throttle_per_name(alice: Person, bob: Person) -> None:
    client = Client()
    for _ in range(RECOVERY_LIMIT):
        _forgot(client, "alice", new_code())
    assert _forgot(client, "bob", bob.recovery_code).status_code == 302


def test_it_sends_a_logged_in_person_to_password_change(alice: Person) -> None:
    response = alice.client.get("/accounts/forgot/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/"


def test_maya_recovers_her_account_typed_in_lower_case(db: None) -> None:
    maya = make_person("Maya")
    client = Client()
    response = _forgot(client, "maya", maya.recovery_code)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(maya.user.pk)
    assert keyring_unlock(user_id=maya.user.pk, password=NEW) is not None


def test_wrong_codes_for_maya_in_any_case_share_one_throttle(db: None) -> None:
    maya = make_person("Maya")
    wrong = display(new_code())
    for spelling in ("maya", "MAYA", "Maya", "mAyA", "mayA")[:RECOVERY_LIMIT]:
        _forgot(Client(), spelling, wrong)
    response = _forgot(Client(), "MaYa", maya.recovery_code)
    assert response.status_code == 429
    assert keyring_unlock(user_id=maya.user.pk, password=NEW) is None
