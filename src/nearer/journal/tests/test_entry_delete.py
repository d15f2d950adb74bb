"""entry_delete: gone for good for its owner; a 404 for anyone else."""

from __future__ import annotations

import uuid

import pytest
from django.http import Http404

from nearer.conftest import Person
from nearer.journal import services
from nearer.journal.models import Entry
from nearer.journal.tests.conftest import Write


def test_it_deletes_the_entry(alice: Person, write: Write) -> None:
    entry = write(alice)
    services.entry_delete(user=alice.user, vault=alice.vault, entry_id=entry.id)
    assert not Entry.objects.filter(id=entry.id).exists()


def test_it_is_a_404_for_someone_elses_entry(alice: Person, charlie: Person, write: Write) -> None:
    entry = write(alice)
    with pytest.raises(Http404):
        services.entry_delete(user=charlie.user, vault=charlie.vault, entry_id=entry.id)
    assert Entry.objects.filter(id=entry.id).exists()


def test_it_is_a_404_for_an_unknown_id(alice: Person) -> None:
    with pytest.raises(Http404):
        services.entry_delete(user=alice.user, vault=alice.vault, entry_id=uuid.uuid4())
