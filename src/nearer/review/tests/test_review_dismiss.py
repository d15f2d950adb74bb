from __future__ import annotations

from datetime import date

import pytest

from nearer.conftest import Person
from nearer.review.models import WeekReview
from nearer.review.selectors import review_pending, review_state, week_review
from nearer.review.services import review_dismiss, review_save

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 6, 1)


def test_dismissing_marks_only_that_week(alice: Person, bob: Person) -> None:
    review_dismiss(user=alice.user, vault=alice.vault, start=MONDAY)
    state = review_state(user=alice.user, vault=alice.vault, start=MONDAY)
    assert state is not None and state.status == "dismissed"
    assert not review_pending(user=alice.user, start=MONDAY)
    assert review_pending(user=alice.user, start=date(2026, 6, 8))
    assert review_pending(user=bob.user, start=MONDAY)


def test_dismissing_twice_keeps_one_record(alice: Person) -> None:
    review_dismiss(user=alice.user, vault=alice.vault, start=MONDAY)
    review_dismiss(user=alice.user, vault=alice.vault, start=MONDAY)
    assert WeekReview.objects.filter(owner=alice.user).count() == 1


def test_a_saved_review_stays_saved(alice: Person) -> None:
    review = week_review(
        user=alice.user, vault=alice.vault, start=MONDAY, today=date(2026, 6, 9), prefs={}
    )
    entry = review_save(
        user=alice.user, vault=alice.vault, review=review, answer="", today=date(2026, 6, 9)
    )
    review_dismiss(user=alice.user, vault=alice.vault, start=MONDAY)
    state = review_state(user=alice.user, vault=alice.vault, start=MONDAY)
    assert state is not None and state.status == "saved" and state.entry_id == entry.id
