"""journal.selectors: reads scoped to one person, opened with their vault."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from django.http import Http404

from nearer.conftest import Person
from nearer.journal import selectors
from nearer.journal.models import Entry
from nearer.journal.tests.conftest import Write


def _damage(entry: Entry) -> None:
    Entry.objects.filter(id=entry.id).update(content=b"\x01\x01" + bytes(60))


def test_entry_for_opens_the_owners_entry(alice: Person, write: Write) -> None:
    entry = write(alice, title="T", body="B", tags=["x"], prompt_key="acceptance.rest")
    view = selectors.entry_for(user=alice.user, vault=alice.vault, entry_id=entry.id)
    assert (view.title, view.body, view.tags, view.kind) == ("T", "B", ("x",), "guided")
    assert view.prompt is not None and view.prompt.key == "acceptance.rest"
    assert view.readable


def test_entry_for_is_a_404_for_others_and_unknown_ids(
    alice: Person, charlie: Person, write: Write
) -> None:
    entry = write(alice)
    with pytest.raises(Http404):
        selectors.entry_for(user=charlie.user, vault=charlie.vault, entry_id=entry.id)
    with pytest.raises(Http404):
        selectors.entry_for(user=alice.user, vault=alice.vault, entry_id=uuid.uuid4())


def test_an_unreadable_entry_is_marked_not_raised(alice: Person, write: Write) -> None:
    entry = write(alice, title="secret")
    _damage(entry)
    view = selectors.entry_for(user=alice.user, vault=alice.vault, entry_id=entry.id)
    assert not view.readable
    assert view.heading == selectors.UNREADABLE_TITLE
    assert view.body == ""


def test_entries_in_month_are_that_months_newest_first(alice: Person, write: Write) -> None:
    write(alice, entry_date=date(2026, 4, 30), title="april")
    write(alice, entry_date=date(2026, 5, 1), title="first")
    write(alice, entry_date=date(2026, 5, 31), title="last")
    write(alice, entry_date=date(2026, 6, 1), title="june")
    views = selectors.entries_in_month(user=alice.user, vault=alice.vault, year=2026, month=5)
    assert [v.title for v in views] == ["last", "first"]


def test_december_reaches_the_end_of_the_year(alice: Person, write: Write) -> None:
    write(alice, entry_date=date(2025, 12, 31), title="eve")
    write(alice, entry_date=date(2026, 1, 1), title="new year")
    views = selectors.entries_in_month(user=alice.user, vault=alice.vault, year=2025, month=12)
    assert [v.title for v in views] == ["eve"]


def test_entries_recent_are_the_latest_by_date_then_writing(alice: Person, write: Write) -> None:
    for day in range(1, 8):
        write(alice, entry_date=date(2026, 5, day), title=f"day {day}")
    write(alice, entry_date=date(2026, 5, 7), title="later the same day")
    views = selectors.entries_recent(user=alice.user, vault=alice.vault, limit=3)
    assert [v.title for v in views] == ["later the same day", "day 7", "day 6"]


def test_days_with_entries_counts_from_dates(alice: Person, bob: Person, write: Write) -> None:
    write(alice, entry_date=date(2026, 5, 3))
    write(alice, entry_date=date(2026, 5, 3))
    write(alice, entry_date=date(2026, 5, 9))
    write(bob, entry_date=date(2026, 5, 10))
    assert selectors.days_with_entries(user=alice.user, year=2026, month=5) == {3: 2, 9: 1}


def test_tags_for_counts_tags_ignoring_case(alice: Person, bob: Person, write: Write) -> None:
    write(alice, tags=["walks", "family"])
    write(alice, tags=["Walks"])
    write(bob, tags=["bobtag"])
    broken = write(alice, tags=["lost"])
    _damage(broken)
    assert selectors.tags_for(user=alice.user, vault=alice.vault) == [("Walks", 2), ("family", 1)]


def test_search_finds_newest_first_and_counts_all(alice: Person, write: Write) -> None:
    for day in range(1, 6):
        write(alice, entry_date=date(2026, 5, day), body=f"heron number {day}")
    write(alice, body="no bird")
    results = selectors.entries_search(user=alice.user, vault=alice.vault, query="Heron", limit=3)
    assert results.total == 5
    assert [h.entry.entry_date.day for h in results.hits] == [5, 4, 3]
    assert results.capped
    assert results.hits[0].match == "heron"
    assert results.searched == 6


def test_search_skips_and_counts_unreadable_entries(alice: Person, write: Write) -> None:
    write(alice, body="heron")
    _damage(write(alice, body="heron too"))
    results = selectors.entries_search(user=alice.user, vault=alice.vault, query="heron")
    assert (results.total, results.unreadable) == (1, 1)


def test_search_is_scoped_to_the_person(alice: Person, charlie: Person, write: Write) -> None:
    write(alice, body="heron")
    results = selectors.entries_search(user=charlie.user, vault=charlie.vault, query="heron")
    assert results.total == 0
    assert results.searched == 0


def test_search_with_nothing_to_look_for_finds_nothing(alice: Person, write: Write) -> None:
    write(alice)
    assert selectors.entries_search(user=alice.user, vault=alice.vault, query=" ").total == 0


def test_prompt_for_day_is_stable_within_a_day_and_skips_recent(alice: Person) -> None:
    day = date(2026, 5, 14)
    first = selectors.prompt_for_day(user=alice.user, day=day)
    assert selectors.prompt_for_day(user=alice.user, day=day) == first
    other = selectors.prompt_for_day(user=alice.user, day=day, recent=[first.key])
    assert other != first
    month = [selectors.prompt_for_day(user=alice.user, day=date(2026, 5, d)) for d in range(1, 29)]
    assert len({prompt.key for prompt in month}) > 10
