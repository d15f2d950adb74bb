from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.models import Moment
from nearer.rituals.demo import build_partner
from nearer.rituals.models import CheckinWeek, DailyAnswer
from nearer.rituals.selectors import daily_history
from nearer.together.space import space_open

pytestmark = pytest.mark.django_db


def test_the_demo_partner_is_paired_with_a_year_of_rituals(alice: Person) -> None:
    today = timezone.localdate()
    made = build_partner(alice.user, alice.vault, demo_name="Alex", today=today, years=1, moments=3)
    assert made.days == 365
    assert DailyAnswer.objects.count() == made.answers > 365
    assert CheckinWeek.objects.count() == made.weeks > 35
    space = space_open(user=alice.user, vault=alice.vault)
    assert space is not None
    history = daily_history(user=alice.user, space=space, before=today, page=1)
    assert history.older and len(history.days) == 20
    assert any(day.theirs is not None for day in history.days)
    # The partner logs in with the printed login; the demo's next login brings in
    # the moments the partner logged.
    partner = Client()
    response = partner.post(
        "/accounts/login/", {"username": made.username, "password": made.password}
    )
    assert response.status_code == 302
    assert not Moment.objects.filter(owner=alice.user).exists()
    Client().post("/accounts/login/", {"username": "alice", "password": alice.password})
    assert Moment.objects.filter(owner=alice.user).count() == 3
    page = partner.get("/together/rituals/question/earlier/")
    assert page.status_code == 200
    assert b"Alex" in page.content
