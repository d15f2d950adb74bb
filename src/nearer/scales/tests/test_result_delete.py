"""Deleting a result: only one's own; the last dates are worked out again."""

from __future__ import annotations

from uuid import uuid4

import pytest
from django.http import Http404

from nearer.accounts.services import preferences_get
from nearer.conftest import Person
from nearer.scales.models import ScaleResult
from nearer.scales.services import result_delete
from nearer.scales.tests.helpers import take


def test_it_deletes_and_recomputes_the_last_date(alice: Person) -> None:
    older = take(alice, "who5", [3, 3, 3, 3, 3], days_ago=20)
    newer = take(alice, "who5", [3, 3, 3, 3, 3], days_ago=2)
    result_delete(user=alice.user, vault=alice.vault, result_id=newer.id)
    assert list(ScaleResult.objects.values_list("id", flat=True)) == [older.id]
    last = preferences_get(user=alice.user, vault=alice.vault)["scales"]["last"]
    assert last == {"who5": older.taken_on.isoformat()}


def test_a_stranger_cannot_delete_it(alice: Person, charlie: Person) -> None:
    mine = take(alice, "ucla3", [1, 2, 3])
    with pytest.raises(Http404):
        result_delete(user=charlie.user, vault=charlie.vault, result_id=mine.id)
    with pytest.raises(Http404):
        result_delete(user=charlie.user, vault=charlie.vault, result_id=uuid4())
    assert ScaleResult.objects.filter(id=mine.id).exists()
