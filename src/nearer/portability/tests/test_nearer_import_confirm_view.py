"""Confirming a Nearer-export import: everything added at once, only by a POST, only one's own."""

from __future__ import annotations

from unittest import mock

from django.core.exceptions import ValidationError
from django.urls import reverse

from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.moments.models import Moment
from nearer.people.models import Person as PersonRow
from nearer.portability import nearer_import
from nearer.portability.models import PendingImport
from nearer.portability.nearer_import import import_prepare
from nearer.portability.tests.own_export import full_export


def confirm_url(import_id: object) -> str:
    return reverse("portability:nearer_import_confirm", args=[import_id])


def test_it_adds_everything_and_says_how_much(alice: Person, bob: Person) -> None:
    pending = import_prepare(user=bob.user, vault=bob.vault, raw=full_export(alice))
    response = bob.client.post(confirm_url(pending.id), follow=True)
    assert response.redirect_chain[-1][0] == reverse("portability:index")
    assert "Import done:" in response.content.decode()
    assert Entry.objects.filter(owner=bob.user).count() == 3
    assert Moment.objects.filter(owner=bob.user).count() == 3
    assert PersonRow.objects.filter(owner=bob.user).count() == 2
    assert not PendingImport.objects.filter(id=pending.id).exists()


def test_it_only_answers_a_post(alice: Person, bob: Person) -> None:
    pending = import_prepare(user=bob.user, vault=bob.vault, raw=full_export(alice))
    assert bob.client.get(confirm_url(pending.id)).status_code == 405
    assert not Entry.objects.filter(owner=bob.user).exists()


def test_someone_elses_import_is_not_found_and_not_saved(
    alice: Person, bob: Person, charlie: Person
) -> None:
    pending = import_prepare(user=bob.user, vault=bob.vault, raw=full_export(alice))
    assert charlie.client.post(confirm_url(pending.id)).status_code == 404
    assert not Entry.objects.filter(owner__in=[bob.user, charlie.user]).exists()
    assert PendingImport.objects.filter(id=pending.id).exists()


def test_a_rule_refusing_one_item_saves_nothing(alice: Person, bob: Person) -> None:
    pending = import_prepare(user=bob.user, vault=bob.vault, raw=full_export(alice))
    refuse = mock.patch.object(
        nearer_import,
        "result_create",
        side_effect=ValidationError("This scale is not offered here."),
    )
    with refuse:
        response = bob.client.post(confirm_url(pending.id), follow=True)
    assert "Nothing was saved. This scale is not offered here." in response.content.decode()
    assert not Entry.objects.filter(owner=bob.user).exists()
    assert not PersonRow.objects.filter(owner=bob.user).exists()
    assert PendingImport.objects.filter(id=pending.id).exists()
