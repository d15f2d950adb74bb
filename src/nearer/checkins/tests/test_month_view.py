from __future__ import annotations

from datetime import UTC, datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from nearer.checkins.models import CheckIn
from nearer.checkins.tests.conftest import CheckInMaker
from nearer.conftest import Person


def test_each_day_shows_its_quadrants_by_shape_and_words(
    alice: Person, check_in: CheckInMaker
) -> None:
    check_in(
        alice,
        when=datetime(2026, 5, 3, 8, 0, tzinfo=UTC),
        emotion="stressed",
        pleasantness=-2,
        energy=2,
    )
    check_in(alice, when=datetime(2026, 5, 3, 20, 0, tzinfo=UTC), emotion="calm")
    html = alice.client.get("/checkins/2026/5/").content.decode()
    assert '<a class="cal-day has-checkins" href="/checkins/2026/5/3/">3' in html
    assert "2 check-ins: Stressed (high energy, unpleasant), Calm (low energy, pleasant)" in html
    assert "mood-mark mood-hu" in html and "mood-mark mood-lp" in html
    assert "Key: one shape per check-in" in html
    assert "<caption>May 2026: 2 check-ins</caption>" in html


def test_a_busy_day_shows_a_count_after_four_marks(alice: Person, check_in: CheckInMaker) -> None:
    for hour in range(6):
        check_in(alice, when=datetime(2026, 5, 3, hour, 0, tzinfo=UTC))
    html = alice.client.get("/checkins/2026/5/").content.decode()
    assert '<span class="mood-more">+2</span>' in html


def test_it_reads_the_month_in_few_queries(alice: Person, check_in: CheckInMaker) -> None:
    for day in range(1, 29):
        check_in(alice, when=datetime(2026, 5, day, 8, 0, tzinfo=UTC))
        check_in(alice, when=datetime(2026, 5, day, 20, 0, tzinfo=UTC), emotion="content")
    with CaptureQueriesContext(connection) as queries:
        response = alice.client.get("/checkins/2026/5/")
    assert response.status_code == 200
    checkin_queries = [q for q in queries.captured_queries if CheckIn._meta.db_table in q["sql"]]
    assert len(checkin_queries) == 1


def test_a_stranger_sees_only_their_own_month(
    alice: Person, charlie: Person, check_in: CheckInMaker
) -> None:
    check_in(alice)
    html = charlie.client.get("/checkins/2026/5/").content.decode()
    assert "no check-ins" in html and "has-checkins" not in html


def test_impossible_months_are_404(alice: Person) -> None:
    for path in ("/checkins/2026/0/", "/checkins/2026/13/", "/checkins/1899/5/"):
        assert alice.client.get(path).status_code == 404


def test_the_calendar_link_goes_to_this_month(alice: Person) -> None:
    response = alice.client.get("/checkins/calendar/")
    assert response.status_code == 302 and response["Location"].startswith("/checkins/20")
