"""Changing the password: the current one is needed; the data key is rewrapped."""

from __future__ import annotations

from django.test import Client

from nearer.accounts.services import preferences_get, preferences_update
from nearer.accounts.tests.helpers import logged_in_user_id, sessions_of
from nearer.conftest import Person
from nearer.vault.models import Keyring
from nearer.vault.services import keyring_unlock

NEW = "plum kettle orbit lantern"


def _change(person: Person, current: str, new1: str = NEW, new2: str = NEW):  # type: ignore[no-untyped-def]
    return person.client.post(
        "/accounts/password/",
        {"password": current, "new_password1": new1, "new_password2": new2},
    )


def test_it_shows_the_form(alice: Person) -> None:
    response = alice.client.get("/accounts/password/")
    assert response.status_code == 200
    assert b"Current password" in response.content


def test_it_changes_the_password_and_keeps_this_device_logged_in(alice: Person) -> None:
    response = _change(alice, alice.password)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/"
    assert alice.client.get("/").status_code == 200
    alice.user.refresh_from_db()
    assert alice.user.check_password(NEW)
    assert not alice.user.check_password(alice.password)


def test_it_keeps_the_same_data_key(alice: Person) -> None:
    preferences_update(user=alice.user, vault=alice.vault, display_name="Ally")
    _change(alice, alice.password)
    assert keyring_unlock(user_id=alice.user.pk, password=NEW) is not None
    assert keyring_unlock(user_id=alice.user.pk, password=alice.password) is None
    assert preferences_get(user=alice.user, vault=alice.vault)["display_name"] == "Ally"
    assert b"Ally" in alice.client.get("/").content


def test_it_ends_every_other_session(alice: Person) -> None:
    other = Client()
    other.post("/accounts/login/", {"username": "alice", "password": alice.password})
    assert len(sessions_of(alice.user)) == 2
    _change(alice, alice.password)
    assert len(sessions_of(alice.user)) == 1
    response = other.get("/")
    assert response.status_code == 302
    assert logged_in_user_id(other) is None


def test_it_refuses_a_wrong_current_password_and_changes_nothing(alice: Person) -> None:
    before = bytes(Keyring.objects.get(user=alice.user).dek_by_password)
    response = _change(alice, "not my password at all")
    assert response.status_code == 200
    assert b"That is not your current password." in response.content
    alice.user.refresh_from_db()
    assert alice.user.check_password(alice.password)
    assert bytes(Keyring.objects.get(user=alice.user).dek_by_password) == before


def test_it_refuses_mismatched_new_passwords(alice: Person) -> None:
    response = _change(alice, alice.password, NEW, NEW + "!")
    assert response.status_code == 200
    assert b"The two passwords are not the same." in response.content
    alice.user.refresh_from_db()
    assert alice.user.check_password(alice.password)


def test_it_refuses_a_weak_new_password_and_changes_nothing(alice: Person) -> None:
    response = _change(alice, alice.password, "qwerty123456", "qwerty123456")
    assert response.status_code == 200
    assert b"too common" in response.content
    alice.user.refresh_from_db()
    assert alice.user.check_password(alice.password)
    assert keyring_unlock(user_id=alice.user.pk, password=alice.password) is not None


def test_it_needs_a_login(db: None) -> None:
    response = Client().get("/accounts/password/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
