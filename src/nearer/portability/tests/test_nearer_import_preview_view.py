"""The Nearer-export preview: new and already-here counts per kind, someone else's id a 404."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from nearer.conftest import Person
from nearer.portability.models import PendingImport
from nearer.portability.nearer_import import import_prepare
from nearer.portability.tests.own_export import full_export


def test_it_counts_what_is_new_and_what_is_here(alice: Person) -> None:
    raw = full_export(alice)
    # Alice's own export: everything in it is already here.
    pending = import_prepare(user=alice.user, vault=alice.vault, raw=raw)
    page = alice.client.get(reverse("portability:nearer_import_preview", args=[pending.id]))
    text = page.content.decode()
    assert page.status_code == 200
    assert '<th scope="row">journal entries</th><td>0</td><td>3</td>' in text
    assert "Nothing new in this file" in text
    assert "nearer_import_confirm" not in text and "/confirm/" not in text


def test_a_new_account_is_offered_everything(alice: Person, bob: Person) -> None:
    pending = import_prepare(user=bob.user, vault=bob.vault, raw=full_export(alice))
    text = bob.client.get(
        reverse("portability:nearer_import_preview", args=[pending.id])
    ).content.decode()
    assert '<th scope="row">people</th><td>2</td><td>0</td>' in text
    assert '<th scope="row">moments</th><td>3</td><td>0</td>' in text
    assert reverse("portability:nearer_import_confirm", args=[pending.id]) in text


def test_someone_elses_import_is_not_found(alice: Person, bob: Person) -> None:
    pending = import_prepare(user=bob.user, vault=bob.vault, raw=full_export(alice))
    response = alice.client.get(reverse("portability:nearer_import_preview", args=[pending.id]))
    assert response.status_code == 404


def test_an_old_preview_is_put_away_with_a_calm_word(alice: Person, bob: Person) -> None:
    pending = import_prepare(user=bob.user, vault=bob.vault, raw=full_export(alice))
    PendingImport.objects.filter(id=pending.id).update(
        created_at=timezone.now() - timedelta(days=2)
    )
    response = bob.client.get(
        reverse("portability:nearer_import_preview", args=[pending.id]), follow=True
    )
    assert "more than a day old" in response.content.decode()
    assert not PendingImport.objects.filter(id=pending.id).exists()
