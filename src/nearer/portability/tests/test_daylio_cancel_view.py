"""Cancelling a Daylio import: the pending import is gone and nothing was saved."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.checkins.models import CheckIn
from nearer.conftest import Person
from nearer.portability.daylio_import import daylio_prepare
from nearer.portability.models import PendingImport
from nearer.portability.tests.conftest import fixture_bytes

pytestmark = pytest.mark.django_db


def test_it_throws_the_import_away(alice: Person) -> None:
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    response = alice.client.post(
        reverse("portability:daylio_cancel", args=[import_id]), follow=True
    )
    assert "Import cancelled. Nothing was saved." in response.content.decode()
    assert not PendingImport.objects.exists()
    assert not CheckIn.objects.exists()


def test_another_account_cannot_cancel_it(alice: Person, bob: Person) -> None:
    import_id = daylio_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("daylio.csv"))
    assert (
        bob.client.post(reverse("portability:daylio_cancel", args=[import_id])).status_code == 404
    )
    assert PendingImport.objects.filter(id=import_id).exists()
