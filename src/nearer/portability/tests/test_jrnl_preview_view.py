"""The jrnl preview page: counts, the first entries escaped, 404 for others, stale put away."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from nearer.conftest import Person
from nearer.portability.jrnl_import import jrnl_prepare
from nearer.portability.models import PendingImport
from nearer.portability.pending import MAX_AGE
from nearer.portability.tests.conftest import fixture_bytes

pytestmark = pytest.mark.django_db


def test_it_shows_counts_and_the_first_entries(alice: Person) -> None:
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("journal.txt"))
    page = alice.client.get(reverse("portability:jrnl_preview", args=[import_id])).content.decode()
    assert "<strong>3</strong> new entries to add" in page
    assert "Long walk with @Sam" in page
    assert "Sam, work, starred" in page
    assert "Import 3 entries" in page


def test_a_title_with_markup_is_shown_escaped(alice: Person) -> None:
    data = b"[2024-01-01 10:00] <b>Markupwordzebra</b>\ntext\n"
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=data)
    page = alice.client.get(reverse("portability:jrnl_preview", args=[import_id])).content.decode()
    assert "&lt;b&gt;Markupwordzebra&lt;/b&gt;" in page
    assert "<b>Markupwordzebra" not in page


def test_another_accounts_import_is_a_404(alice: Person, bob: Person) -> None:
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("journal.txt"))
    response = bob.client.get(reverse("portability:jrnl_preview", args=[import_id]))
    assert response.status_code == 404


def test_a_stale_preview_is_put_away_with_a_message(alice: Person) -> None:
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("journal.txt"))
    PendingImport.objects.filter(id=import_id).update(
        created_at=timezone.now() - MAX_AGE - timedelta(seconds=1)
    )
    response = alice.client.get(reverse("portability:jrnl_preview", args=[import_id]), follow=True)
    assert "more than a day old" in response.content.decode()
    assert not PendingImport.objects.filter(id=import_id).exists()


def test_a_preview_that_will_not_open_is_put_away(alice: Person) -> None:
    import_id = jrnl_prepare(user=alice.user, vault=alice.vault, data=fixture_bytes("journal.txt"))
    PendingImport.objects.filter(id=import_id).update(content=b"tampered")
    response = alice.client.get(reverse("portability:jrnl_preview", args=[import_id]), follow=True)
    assert "could not be opened" in response.content.decode()
    assert not PendingImport.objects.filter(id=import_id).exists()
