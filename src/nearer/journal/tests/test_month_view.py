"""/journal/ and /journal/<year>/<month>/: the calendar and the month's entries."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from django.utils import timezone

from nearer.accounts.services import preferences_update
from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.journal.tests.conftest import Write


def test_index_shows_the_current_month_without_a_redirect(alice: Person, write: Write) -> None:
    # It redirected to the month's own URL: two requests for every visit to Journal.
    today = timezone.localdate()
    write(alice, entry_date=today, title="Written on this very day")
    response = alice.client.get("/journal/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Written on this very day" in html
    month = alice.client.get(f"/journal/{today.year}/{today.month}/").content.decode()
    assert _without_per_request_tokens(html) == _without_per_request_tokens(month)


def _without_per_request_tokens(page: str) -> str:
    return re.sub(r'(nonce|value)="[A-Za-z0-9+/=_-]{20,}"', "", page)


def test_index_follows_the_persons_time_zone(
    alice: Person, monkeypatch: pytest.MonkeyPatch, write: Write
) -> None:
    # 23:30 UTC on 31 January is already February in Tokyo.
    fixed = datetime(2026, 1, 31, 23, 30, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: fixed)
    preferences_update(user=alice.user, vault=alice.vault, time_zone="Asia/Tokyo")
    write(alice, entry_date=date(2026, 2, 1), title="Tokyo on the first of February")
    write(alice, entry_date=date(2026, 1, 30), title="Still January somewhere")
    html = alice.client.get("/journal/").content.decode()
    assert "Tokyo on the first of February" in html and "Still January somewhere" not in html


def test_it_lists_the_months_entries_newest_first(alice: Person, write: Write) -> None:
    write(alice, entry_date=date(2026, 5, 2), title="Early in May")
    write(alice, entry_date=date(2026, 5, 20), body="Late in May, no title here at all")
    write(alice, entry_date=date(2026, 4, 30), title="April")
    html = alice.client.get("/journal/2026/5/").content.decode()
    assert "Early in May" in html
    assert "Late in May, no title here at all" in html
    assert "April" not in html.split("<table", 1)[1].split("</table>", 1)[1].replace(
        "April 2026", ""
    )
    assert html.index("Late in May") < html.index("Early in May")


def test_the_calendar_is_a_table_with_marked_days(alice: Person, write: Write) -> None:
    write(alice, entry_date=date(2026, 5, 14))
    write(alice, entry_date=date(2026, 5, 14))
    html = alice.client.get("/journal/2026/5/").content.decode()
    assert '<table class="calendar">' in html
    assert "<caption>May 2026: 2 entries</caption>" in html
    assert html.count('<th scope="col">') == 7
    assert 'href="#day-2026-05-14"' in html
    assert ", 2 entries</span>" in html
    assert 'id="day-2026-05-14"' in html
    # 31 days, only one of them a link.
    assert len(re.findall(r'class="cal-day has-entries"', html)) == 1
    assert len(re.findall(r'class="cal-day"', html)) == 30


def test_it_marks_today(alice: Person) -> None:
    today = timezone.localdate()
    html = alice.client.get(f"/journal/{today.year}/{today.month}/").content.decode()
    assert 'aria-current="date"' in html


def test_it_links_to_the_months_around(alice: Person) -> None:
    html = alice.client.get("/journal/2026/1/").content.decode()
    assert 'href="/journal/2025/12/"' in html
    assert 'href="/journal/2026/2/"' in html


def test_it_shows_only_the_persons_own_entries(
    alice: Person, charlie: Person, write: Write
) -> None:
    write(alice, entry_date=date(2026, 5, 14), title="Alice's secret")
    html = charlie.client.get("/journal/2026/5/").content.decode()
    assert "Alice's secret" not in html
    assert "no entries yet" in html


def test_an_empty_month_invites_writing(alice: Person) -> None:
    html = alice.client.get("/journal/2020/2/").content.decode()
    assert "Nothing written in February 2020" in html


def test_writing_from_an_empty_past_month_dates_the_entry_in_that_month(alice: Person) -> None:
    html = alice.client.get("/journal/2020/2/").content.decode()
    assert 'href="/journal/new/?date=2020-02-01"' in html
    form = alice.client.get("/journal/new/?date=2020-02-01").content.decode()
    assert 'value="2020-02-01"' in form


def test_writing_from_this_month_dates_the_entry_today(alice: Person) -> None:
    today = timezone.localdate()
    html = alice.client.get(f"/journal/{today.year}/{today.month}/").content.decode()
    assert 'href="/journal/new/"' in html and "/journal/new/?date=" not in html


@pytest.mark.parametrize(
    "path",
    [
        "/journal/2026/13/",
        "/journal/2026/0/",
        "/journal/1899/12/",
        "/journal/0/1/",
        "/journal/99999999999999999999/1/",
        "/journal/9999/1/",
    ],
)
def test_months_out_of_range_are_404_not_500(alice: Person, path: str) -> None:
    assert alice.client.get(path).status_code == 404


def test_the_first_and_last_months_have_no_link_beyond(alice: Person) -> None:
    html = alice.client.get("/journal/1900/1/").content.decode()
    assert "/journal/1899/12/" not in html
    last = timezone.localdate().year + 1
    html = alice.client.get(f"/journal/{last}/12/").content.decode()
    assert f"/journal/{last + 1}/1/" not in html


def test_a_damaged_entry_does_not_break_the_month(alice: Person, write: Write) -> None:
    entry = write(alice, entry_date=date(2026, 5, 14))
    Entry.objects.filter(id=entry.id).update(content=b"nonsense")
    response = alice.client.get("/journal/2026/5/")
    assert response.status_code == 200
    assert "This entry could not be opened" in response.content.decode()


def test_it_needs_a_login(db: None) -> None:
    from django.test import Client

    response = Client().get("/journal/2026/5/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_this_month_link_lets_the_index_find_the_persons_month(alice: Person) -> None:
    html = alice.client.get("/journal/2020/2/").content.decode()
    assert '<a href="/journal/">This month</a>' in html


def test_a_far_month_does_not_open_the_preferences(alice: Person, write: Write) -> None:
    # Only a month next to today needs the person's time zone (to mark today).
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    write(alice, entry_date=date(2020, 2, 3))
    with CaptureQueriesContext(connection) as far:
        assert alice.client.get("/journal/2020/2/").status_code == 200
    today = timezone.localdate()
    with CaptureQueriesContext(connection) as near:
        assert alice.client.get(f"/journal/{today.year}/{today.month}/").status_code == 200
    keyring = [q for q in far.captured_queries if "vault_keyring" in q["sql"]]
    assert keyring == []
    assert any("vault_keyring" in q["sql"] for q in near.captured_queries)
