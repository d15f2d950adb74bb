"""The Insights page: not enough data, findings with n and intervals, current after writes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nearer.checkins.services import checkin_create
from nearer.conftest import Person
from nearer.insights.findings import FINDINGS, findings_read, findings_rebuild
from nearer.moments.services import moment_create
from nearer.people import services as people_services
from nearer.people.content import PersonDetails
from nearer.vault.models import DerivedValue

pytestmark = pytest.mark.django_db

START = date(2026, 1, 5)  # a Monday


def _plant(owner: Person, *, days: int, moment_days: set[int]) -> None:
    """A check-in a day; on the days in ``moment_days`` a moment with Wilhelmina and a
    very pleasant check-in, on the others an unpleasant one."""
    friend = people_services.person_create(
        user=owner.user, vault=owner.vault, details=PersonDetails(name="Wilhelmina <i>Quorra</i>")
    )
    for number in range(days):
        day = START + timedelta(days=number)
        together = number in moment_days
        if together:
            moment_create(
                user=owner.user,
                vault=owner.vault,
                occurred_on=day,
                person_ids=[friend.id],
                how="in_person",
                kinds=["emotional"],
            )
        checkin_create(
            user=owner.user,
            vault=owner.vault,
            pleasantness=2 if together else -1,
            energy=0,
            emotion="joyful" if together else "sad",
            when=datetime.combine(day, time(12), tzinfo=UTC),
        )


def test_a_new_account_is_told_what_is_missing(alice: Person) -> None:
    response = alice.client.get("/insights/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Not enough data yet: there are no check-ins" in text
    assert "needs at least 14 days with a check-in on each side" in text
    assert "it needs 14 more days among days with a moment together and 14 more" in text


def test_planted_data_show_a_finding_with_its_n_and_interval(alice: Person) -> None:
    # Moments on the first half of each fortnight: 28 days with, 28 without.
    _plant(alice, days=56, moment_days={n for n in range(56) if n % 14 < 7})
    text = alice.client.get("/insights/").content.decode()
    # Pleasantness 2 with, −1 without: 3 points, and the interval a single point.
    assert (
        "On days with a moment together you felt 3.00 points more pleasant than on other "
        "days (points on the five-step scale (−2 to +2); 28 days vs 28 days). "
        "The 95% interval runs from 3.00 to 3.00 points."
    ) in text
    # The person's name is shown escaped, in the words, the chart's title and the table.
    assert text.count("days with a moment with Wilhelmina &lt;i&gt;Quorra&lt;/i&gt;") >= 3
    assert "<i>Quorra" not in text
    assert 'role="img"' in text and "The numbers behind it" in text


def test_thirteen_days_with_a_moment_are_not_enough(alice: Person) -> None:
    _plant(alice, days=40, moment_days=set(range(13)))
    text = alice.client.get("/insights/").content.decode()
    assert "So far there are 13 days among days with a moment together and 27 among" in text
    assert "it needs 1 more days among days with a moment together." in text
    assert "you felt" not in text.split("Moments together", 1)[1].split("By kind", 1)[0]


def test_every_day_with_a_moment_is_not_enough(alice: Person) -> None:
    _plant(alice, days=30, moment_days=set(range(30)))
    text = alice.client.get("/insights/").content.decode()
    assert "So far there are 30 days among days with a moment together and 0 among" in text


def test_a_stored_finding_that_is_old_is_worked_out_afresh_without_writing(
    alice: Person,
) -> None:
    _plant(alice, days=56, moment_days={n for n in range(56) if n % 14 < 7})
    stored = findings_rebuild(user=alice.user, vault=alice.vault)
    assert stored.checkin_days == 56
    checkin_create(
        user=alice.user,
        vault=alice.vault,
        pleasantness=0,
        energy=0,
        emotion="calm",
        when=datetime.combine(START + timedelta(days=60), time(9), tzinfo=UTC),
    )
    before = list(DerivedValue.objects.filter(kind=FINDINGS.name).values_list("content"))
    with CaptureQueriesContext(connection) as queries:
        response = alice.client.get("/insights/")
    assert "57 days with a check-in" in response.content.decode()
    assert not [
        q
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert list(DerivedValue.objects.filter(kind=FINDINGS.name).values_list("content")) == before
    # While nothing changes, the stored value is the one read.
    findings_rebuild(user=alice.user, vault=alice.vault)
    assert findings_read(user=alice.user, vault=alice.vault).checkin_days == 57


def test_the_page_needs_a_login(client: object) -> None:
    from django.test import Client

    assert isinstance(client, Client)
    response = client.get("/insights/")
    assert response.status_code == 302
