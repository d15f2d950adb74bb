from __future__ import annotations

from datetime import UTC, datetime

from nearer.checkins.tests.conftest import CheckInMaker
from nearer.conftest import Person


def test_it_lists_the_latest_check_ins_with_their_days(
    alice: Person, check_in: CheckInMaker
) -> None:
    check_in(alice, emotion="cosy")
    html = alice.client.get("/checkins/").content.decode()
    assert "Cosy" in html and 'href="/checkins/2026/5/14/"' in html


def test_it_pages_back_in_time(alice: Person, check_in: CheckInMaker) -> None:
    for minute in range(31):
        check_in(alice, when=datetime(2026, 5, 14, 9, minute, tzinfo=UTC))
    first = alice.client.get("/checkins/").content.decode()
    assert "09:30" in first and "09:00" not in first and "?page=2" in first
    second = alice.client.get("/checkins/?page=2").content.decode()
    assert "09:00" in second and "?page=1" in second
    assert alice.client.get("/checkins/?page=oops").status_code == 200


def test_with_nothing_yet_it_invites_a_check_in(alice: Person) -> None:
    assert "No check-ins yet" in alice.client.get("/checkins/").content.decode()
