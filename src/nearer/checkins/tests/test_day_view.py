from __future__ import annotations

from datetime import UTC, datetime

from nearer.checkins.tests.conftest import CheckInMaker, PeopleMaker
from nearer.conftest import Person


def test_it_shows_every_check_in_of_the_day_in_order(
    alice: Person, check_in: CheckInMaker, people: PeopleMaker
) -> None:
    sam = people.add(alice, "Sam")
    check_in(alice, when=datetime(2026, 5, 14, 18, 0, tzinfo=UTC), emotion="grateful", people=[sam])
    check_in(alice, when=datetime(2026, 5, 14, 7, 0, tzinfo=UTC), emotion="tired", pleasantness=-1)
    check_in(alice, when=datetime(2026, 5, 15, 7, 0, tzinfo=UTC), emotion="cosy")
    html = alice.client.get("/checkins/2026/5/14/").content.decode()
    assert html.index("Tired") < html.index("Grateful")
    assert "Cosy" not in html
    assert "With:</span> Sam" in html
    assert "Low energy, unpleasant" in html and "mood-lu" in html


def test_it_does_not_show_someone_elses_check_ins(
    alice: Person, bob: Person, check_in: CheckInMaker
) -> None:
    check_in(bob, note="bob's own words")
    html = alice.client.get("/checkins/2026/5/14/").content.decode()
    assert "bob&#x27;s own words" not in html and "No check-ins on this day." in html


def test_impossible_days_are_404(alice: Person) -> None:
    for path in (
        "/checkins/2026/2/30/",
        "/checkins/2026/13/1/",
        "/checkins/1800/1/1/",
        "/checkins/99999/1/1/",
    ):
        assert alice.client.get(path).status_code == 404


def test_a_busy_day_shows_its_latest_thirty_and_links_to_the_earlier_ones(
    alice: Person, check_in: CheckInMaker
) -> None:
    # The page once listed every check-in of the day, so it grew with each one.
    for minute in range(32):
        check_in(
            alice,
            when=datetime(2026, 5, 14, 8, minute, tzinfo=UTC),
            note=f"checkin-note-number-{minute:02d}",
        )
    latest = alice.client.get("/checkins/2026/5/14/").content.decode()
    shown = [m for m in range(32) if f"checkin-note-number-{m:02d}" in latest]
    assert shown == list(range(2, 32))
    assert latest.index("number-02") < latest.index("number-31")
    assert 'href="?page=2"' in latest and "30 at a time" in latest
    earlier = alice.client.get("/checkins/2026/5/14/?page=2").content.decode()
    assert [m for m in range(32) if f"checkin-note-number-{m:02d}" in earlier] == [0, 1]
    assert 'href="?page=1"' in earlier and 'href="?page=3"' not in earlier


def test_a_quiet_day_has_no_page_links(alice: Person, check_in: CheckInMaker) -> None:
    check_in(alice, note="the only checkin-note-of-the-day")
    html = alice.client.get("/checkins/2026/5/14/?page=banana").content.decode()
    assert "the only checkin-note-of-the-day" in html
    assert "?page=" not in html
