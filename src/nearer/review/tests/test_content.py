from __future__ import annotations

import uuid
from datetime import date

import pytest

from nearer.conftest import Person
from nearer.review.content import STATE_LABEL, ReviewState, state_open, state_seal
from nearer.review.models import WeekReview
from nearer.review.selectors import review_pending, review_state
from nearer.vault.crypto import SealError

pytestmark = pytest.mark.django_db


def test_a_state_opens_as_it_was_sealed(alice: Person) -> None:
    record_id, entry_id = uuid.uuid4(), uuid.uuid4()
    sealed = state_seal(alice.vault, record_id, ReviewState("saved", entry_id))
    assert state_open(alice.vault, record_id, sealed) == ReviewState("saved", entry_id)


def test_a_state_sealed_for_another_row_does_not_open(alice: Person) -> None:
    sealed = state_seal(alice.vault, uuid.uuid4(), ReviewState("dismissed"))
    with pytest.raises(SealError):
        state_open(alice.vault, uuid.uuid4(), sealed)


@pytest.mark.parametrize(
    "value",
    [[], {"status": "done"}, {"status": "saved", "entry": 7}, {"status": "saved", "entry": "x"}],
)
def test_an_unexpected_shape_is_refused(alice: Person, value: object) -> None:
    record_id = uuid.uuid4()
    sealed = alice.vault.seal_json(STATE_LABEL, record_id, value)
    with pytest.raises(SealError):
        state_open(alice.vault, record_id, sealed)


def test_a_record_that_will_not_open_counts_as_set_aside(alice: Person, bob: Person) -> None:
    record_id = uuid.uuid4()
    monday = date(2026, 6, 1)
    WeekReview.objects.create(
        id=record_id,
        owner=alice.user,
        week_start=monday,
        state=state_seal(bob.vault, record_id, ReviewState("saved", uuid.uuid4())),
    )
    assert review_state(user=alice.user, vault=alice.vault, start=monday) == ReviewState(
        "dismissed"
    )
    assert not review_pending(user=alice.user, start=monday)
