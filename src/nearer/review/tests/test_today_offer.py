"""Today offers the review on the picked day, until it is done or set aside that week."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nearer.accounts.services import preferences_update
from nearer.conftest import Person
from nearer.review.services import review_dismiss
from nearer.review.today import today_context
from nearer.review.week import DAY_KEY, ENABLED_KEY, week_start

pytestmark = pytest.mark.django_db

WEDNESDAY = date(2026, 12, 2)
OPTED_IN: dict[str, object] = {ENABLED_KEY: True, DAY_KEY: 2}


def _offered(person: Person, today: date, prefs: Mapping[str, object]) -> bool:
    context = today_context(user=person.user, vault=person.vault, today=today, prefs=dict(prefs))
    return bool(context["review_offered"])


def test_not_offered_without_opting_in(alice: Person) -> None:
    assert not _offered(alice, WEDNESDAY, {})
    assert not _offered(alice, WEDNESDAY, {DAY_KEY: 2})


def test_offered_from_the_day_until_sunday(alice: Person) -> None:
    assert not _offered(alice, WEDNESDAY - timedelta(days=1), OPTED_IN)
    assert _offered(alice, WEDNESDAY, OPTED_IN)
    assert _offered(alice, WEDNESDAY + timedelta(days=4), OPTED_IN)


def test_dismissed_it_waits_for_next_week(alice: Person) -> None:
    review_dismiss(user=alice.user, vault=alice.vault, start=week_start(WEDNESDAY))
    assert not _offered(alice, WEDNESDAY, OPTED_IN)
    assert not _offered(alice, WEDNESDAY + timedelta(days=3), OPTED_IN)
    assert _offered(alice, WEDNESDAY + timedelta(days=7), OPTED_IN)


def test_before_the_day_no_query_is_made(alice: Person) -> None:
    with CaptureQueriesContext(connection) as queries:
        _offered(alice, WEDNESDAY - timedelta(days=1), OPTED_IN)
    assert len(queries) == 0


def test_the_today_page_shows_the_offer_and_a_dismiss_form(alice: Person) -> None:
    today = timezone.localdate()
    preferences_update(
        user=alice.user, vault=alice.vault, **{ENABLED_KEY: True, DAY_KEY: today.weekday()}
    )
    html = alice.client.get("/").content.decode()
    assert "A look back at your week" in html
    assert 'action="/review/dismiss/"' in html
    alice.client.post("/review/dismiss/", {"week": week_start(today).isoformat()})
    assert "A look back at your week" not in alice.client.get("/").content.decode()


def test_the_today_page_is_quiet_when_not_opted_in(alice: Person) -> None:
    assert "A look back at your week" not in alice.client.get("/").content.decode()
