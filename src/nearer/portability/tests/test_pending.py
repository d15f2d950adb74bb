"""Pending imports of Your data: sealed, owner- and source-scoped, short-lived."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from nearer.conftest import Person
from nearer.portability.models import PendingImport
from nearer.portability.pending import (
    MAX_AGE,
    ImportExpired,
    pending_create,
    pending_discard,
    pending_open,
    pending_take,
)
from nearer.vault.crypto import SealError

pytestmark = pytest.mark.django_db

VALUE = {"entries": [["2024-01-02", "Pendingwordquartz"]]}


def test_it_seals_the_value_and_opens_it_again(alice: Person) -> None:
    pending = pending_create(user=alice.user, vault=alice.vault, source="jrnl", value=VALUE)
    stored = bytes(PendingImport.objects.get(id=pending.id).content)
    assert b"Pendingwordquartz" not in stored
    opened = pending_open(user=alice.user, vault=alice.vault, source="jrnl", import_id=pending.id)
    assert opened.value == VALUE
    assert opened.source == "jrnl"


def test_it_is_a_404_for_another_account(alice: Person, bob: Person) -> None:
    pending = pending_create(user=alice.user, vault=alice.vault, source="jrnl", value=VALUE)
    with pytest.raises(Http404):
        pending_open(user=bob.user, vault=bob.vault, source="jrnl", import_id=pending.id)
    with pytest.raises(Http404):
        pending_discard(user=bob.user, source="jrnl", import_id=pending.id)
    assert PendingImport.objects.filter(id=pending.id).exists()


def test_it_is_a_404_for_another_source(alice: Person) -> None:
    pending = pending_create(user=alice.user, vault=alice.vault, source="jrnl", value=VALUE)
    with pytest.raises(Http404):
        pending_open(user=alice.user, vault=alice.vault, source="daylio", import_id=pending.id)


def test_it_refuses_one_older_than_a_day(alice: Person) -> None:
    pending = pending_create(user=alice.user, vault=alice.vault, source="daylio", value=VALUE)
    PendingImport.objects.filter(id=pending.id).update(
        created_at=timezone.now() - MAX_AGE - timedelta(seconds=1)
    )
    with pytest.raises(ImportExpired):
        pending_open(user=alice.user, vault=alice.vault, source="daylio", import_id=pending.id)


def test_it_refuses_a_tampered_one(alice: Person) -> None:
    pending = pending_create(user=alice.user, vault=alice.vault, source="jrnl", value=VALUE)
    PendingImport.objects.filter(id=pending.id).update(content=b"tampered")
    with pytest.raises(SealError):
        pending_open(user=alice.user, vault=alice.vault, source="jrnl", import_id=pending.id)


def test_a_new_one_replaces_the_older_of_its_source_only(alice: Person) -> None:
    first = pending_create(user=alice.user, vault=alice.vault, source="jrnl", value=VALUE)
    other = pending_create(user=alice.user, vault=alice.vault, source="daylio", value=VALUE)
    second = pending_create(user=alice.user, vault=alice.vault, source="jrnl", value=VALUE)
    left = set(PendingImport.objects.filter(owner=alice.user).values_list("id", flat=True))
    assert left == {other.id, second.id}
    assert first.id not in left


def test_a_new_one_puts_away_stale_ones_of_any_source(alice: Person) -> None:
    stale = pending_create(user=alice.user, vault=alice.vault, source="daylio", value=VALUE)
    PendingImport.objects.filter(id=stale.id).update(
        created_at=timezone.now() - MAX_AGE - timedelta(seconds=1)
    )
    pending_create(user=alice.user, vault=alice.vault, source="jrnl", value=VALUE)
    assert not PendingImport.objects.filter(id=stale.id).exists()


def test_taking_deletes_it_and_a_rollback_brings_it_back(alice: Person) -> None:
    pending = pending_create(user=alice.user, vault=alice.vault, source="jrnl", value=VALUE)
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        taken = pending_take(
            user=alice.user, vault=alice.vault, source="jrnl", import_id=pending.id
        )
        assert taken.value == VALUE
        assert not PendingImport.objects.filter(id=pending.id).exists()
        _ = 1 / 0
    assert PendingImport.objects.filter(id=pending.id).exists()
    with transaction.atomic():
        pending_take(user=alice.user, vault=alice.vault, source="jrnl", import_id=pending.id)
    assert not PendingImport.objects.filter(id=pending.id).exists()


def test_discard_deletes_it(alice: Person) -> None:
    pending = pending_create(user=alice.user, vault=alice.vault, source="nearer", value=VALUE)
    pending_discard(user=alice.user, source="nearer", import_id=pending.id)
    assert not PendingImport.objects.filter(id=pending.id).exists()


def test_an_unknown_source_is_a_programming_error(alice: Person) -> None:
    with pytest.raises(ValueError, match="unknown import source"):
        pending_create(user=alice.user, vault=alice.vault, source="diaryzzz", value=VALUE)
