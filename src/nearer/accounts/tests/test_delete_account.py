"""Deleting an account: the password again, then every row of that person goes."""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.db import models
from django.test import Client

from nearer.accounts.models import User
from nearer.accounts.services import preferences_update
from nearer.accounts.tests.helpers import sessions_of
from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.tests.security.samples import make_samples
from nearer.vault.models import Keyring


def _rows_pointing_at(user_id: int) -> dict[str, int]:
    """Count the rows of every model with a foreign key to the user, per model."""
    counts: dict[str, int] = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey | models.OneToOneField)
                and field.related_model is User
                and field.concrete
            ):
                count = model._default_manager.filter(**{field.name: user_id}).count()
                if count:
                    counts[f"{model._meta.label}.{field.name}"] = count
    return counts


def _delete(client: Client, password: str, confirm: bool = True):  # type: ignore[no-untyped-def]
    data = {"password": password}
    if confirm:
        data["confirm"] = "on"
    return client.post("/accounts/delete/", data)


def test_it_shows_what_will_happen(alice: Person) -> None:
    response = alice.client.get("/accounts/delete/")
    assert response.status_code == 200
    assert b"cannot be undone" in response.content


def test_it_changes_nothing_with_a_wrong_password(alice: Person) -> None:
    response = _delete(alice.client, "not my password at all")
    assert response.status_code == 200
    assert b"Nothing was deleted" in response.content
    assert User.objects.filter(pk=alice.user.pk).exists()
    assert Keyring.objects.filter(user=alice.user).exists()
    assert alice.client.get("/").status_code == 200


def test_it_changes_nothing_without_the_confirmation(alice: Person) -> None:
    response = _delete(alice.client, alice.password, confirm=False)
    assert response.status_code == 200
    assert User.objects.filter(pk=alice.user.pk).exists()


def test_it_deletes_every_row_and_session_of_that_person(alice: Person, bob: Person) -> None:
    preferences_update(user=alice.user, vault=alice.vault, display_name="Ally")
    make_samples(alice)
    other_device = Client()
    other_device.post("/accounts/login/", {"username": "alice", "password": alice.password})
    user_id = alice.user.pk
    assert _rows_pointing_at(user_id)
    response = _delete(alice.client, alice.password)
    assert response.status_code == 200
    assert b"Your account is deleted" in response.content
    assert not User.objects.filter(pk=user_id).exists()
    assert _rows_pointing_at(user_id) == {}
    assert sessions_of(alice.user) == []
    assert other_device.get("/").status_code == 302
    assert response.cookies[settings.VAULT_COOKIE_NAME].value == ""


def test_it_leaves_other_people_alone(alice: Person, bob: Person) -> None:
    _delete(alice.client, alice.password)
    assert User.objects.filter(pk=bob.user.pk).exists()
    assert Keyring.objects.filter(user=bob.user).exists()
    assert len(sessions_of(bob.user)) == 1
    assert bob.client.get("/").status_code == 200


def test_it_deletes_the_journal_too(alice: Person, bob: Person) -> None:
    make_samples(alice)
    make_samples(bob, marker="bob")
    assert Entry.objects.filter(owner=alice.user).exists()
    _delete(alice.client, alice.password)
    assert not Entry.objects.filter(owner_id=alice.user.pk).exists()
    assert Entry.objects.filter(owner=bob.user).count() == 2


def test_it_needs_a_login(db: None) -> None:
    response = Client().get("/accounts/delete/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
