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
