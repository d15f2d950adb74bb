"""Cancelling an import throws the pending import away; nothing is saved."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.people.imports import import_prepare
from nearer.people.models import PendingImport
from nearer.people.models import Person as PersonRow

pytestmark = pytest.mark.django_db

DATA = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jonas\r\nEND:VCARD\r\n"


def test_it_deletes_the_pending_import(alice: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=DATA)
    response = alice.client.post(reverse("people:import_cancel", args=[pending.id]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("people:import")
    assert b"Import cancelled. Nothing was saved." in response.content
    assert not PendingImport.objects.exists()
    assert not PersonRow.objects.exists()


def test_it_only_answers_a_post(alice: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=DATA)
    assert alice.client.get(reverse("people:import_cancel", args=[pending.id])).status_code == 405
    assert PendingImport.objects.exists()


def test_a_stranger_gets_404(alice: Person, charlie: Person) -> None:
    pending = import_prepare(user=alice.user, vault=alice.vault, data=DATA)
    response = charlie.client.post(reverse("people:import_cancel", args=[pending.id]))
    assert response.status_code == 404
    assert PendingImport.objects.filter(id=pending.id).exists()
