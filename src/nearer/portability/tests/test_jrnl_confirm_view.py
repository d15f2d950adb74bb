"""Confirming a jrnl import: every entry saved at once, a second confirm saves nothing more."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.portability.jrnl_import import jrnl_prepare
from nearer.portability.tests.conftest import fixture_bytes

pytestmark = pytest.mark.django_db


def test_it_saves_the_entries_and_says_how_many(alice: Person) -> None:
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("journal.json"))
    response = alice.client.post(reverse("portability:jrnl_confirm", args=[import_id]), follow=True)
    assert "Import done: 3 entries added to your journal." in response.content.decode()
    assert Entry.objects.filter(owner=alice.user).count() == 3


def test_a_second_confirm_is_a_404_and_adds_nothing(alice: Person) -> None:
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("journal.txt"))
    url = reverse("portability:jrnl_confirm", args=[import_id])
    alice.client.post(url)
    assert alice.client.post(url).status_code == 404
    assert Entry.objects.filter(owner=alice.user).count() == 3


def test_another_account_cannot_confirm(alice: Person, bob: Person) -> None:
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("journal.txt"))
    response = bob.client.post(reverse("portability:jrnl_confirm", args=[import_id]))
    assert response.status_code == 404
    assert not Entry.objects.exists()


def test_it_only_answers_a_post(alice: Person) -> None:
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("journal.txt"))
    assert (
        alice.client.get(reverse("portability:jrnl_confirm", args=[import_id])).status_code == 405
    )
