from __future__ import annotations

import pytest

from nearer.conftest import Person
from nearer.review.models import WeekReview
from nearer.review.selectors import review_state
from nearer.review.tests.conftest import this_week

pytestmark = pytest.mark.django_db


def test_dismissing_sets_this_week_aside_and_goes_back_to_today(alice: Person) -> None:
    response = alice.client.post("/review/dismiss/", {"week": this_week().isoformat()})
    assert response.status_code == 302 and response["Location"] == "/"
    state = review_state(user=alice.user, vault=alice.vault, start=this_week())
    assert state is not None and state.status == "dismissed"
    html = alice.client.get("/review/").content.decode()
    assert "You set this week's review aside" in html


def test_dismissing_for_a_stranger_touches_only_their_own_week(
    alice: Person, charlie: Person
) -> None:
    charlie.client.post("/review/dismiss/", {"week": this_week().isoformat()})
    assert not WeekReview.objects.filter(owner=alice.user).exists()


def test_a_bad_week_changes_nothing(alice: Person) -> None:
    response = alice.client.post("/review/dismiss/", {"week": "nonsense"})
    assert response.status_code == 302
    assert not WeekReview.objects.exists()


def test_get_is_not_allowed(alice: Person) -> None:
    assert alice.client.get("/review/dismiss/").status_code == 405
