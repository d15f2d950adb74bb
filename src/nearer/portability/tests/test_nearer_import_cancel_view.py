"""Cancelling a Nearer-export import: the pending import goes, nothing is saved."""

from __future__ import annotations

from django.urls import reverse

from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.portability.models import PendingImport
from nearer.portability.nearer_import import import_prepare
from nearer.portability.tests.own_export import full_export


def cancel_url(import_id: object) -> str:
    return reverse("portability:nearer_import_cancel", args=[import_id])


def test_it_puts_the_import_away(alice: Person, bob: Person) -> None:
    pending = import_prepare(user=bob.user, vault=bob.vault, raw=full_export(alice))
    response = bob.client.post(cancel_url(pending.id), follow=True)
    assert "Import cancelled. Nothing was saved." in response.content.decode()
    assert not PendingImport.objects.exists()
    assert not Entry.objects.filter(owner=bob.user).exists()


def test_someone_elses_import_is_not_found(alice: Person, bob: Person) -> None:
    pending = import_prepare(user=bob.user, vault=bob.vault, raw=full_export(alice))
    assert alice.client.post(cancel_url(pending.id)).status_code == 404
    assert PendingImport.objects.filter(id=pending.id).exists()


def test_it_only_answers_a_post(alice: Person, bob: Person) -> None:
    pending = import_prepare(user=bob.user, vault=bob.vault, raw=full_export(alice))
    assert bob.client.get(cancel_url(pending.id)).status_code == 405
    assert PendingImport.objects.filter(id=pending.id).exists()
