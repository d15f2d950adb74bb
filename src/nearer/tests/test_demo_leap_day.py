"""`nearer demo` on 29 February: every part's date code runs with that day as today."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from django.utils import timezone

from nearer.demo import build_demo
from nearer.people.models import ImportantDate

LEAP_DAY = date(2028, 2, 29)


@pytest.mark.django_db
def test_the_demo_builds_on_29_february(monkeypatch: pytest.MonkeyPatch) -> None:
    # The clock every part reads (localdate() calls now()): as if it were 29 February.
    monkeypatch.setattr(timezone, "now", lambda: datetime(2028, 2, 29, 12, tzinfo=UTC))
    assert timezone.localdate() == LEAP_DAY
    # Enough people that birthdays are drawn in years that are not leap years too.
    demo = build_demo(
        username="leapdemo",
        password="a leap demo password 123",
        years=1,
        entries=5,
        people=40,
        moments=60,
        out=io.StringIO(),
    )
    assert (demo.entries, demo.people, demo.moments) == (5, 40, 60)
    birthdays = ImportantDate.objects.filter(owner__username="leapdemo").exclude(year=None)
    assert birthdays.count() > 5
    for found in birthdays:
        assert found.year is not None
        assert date(found.year, found.month, found.day) <= LEAP_DAY
