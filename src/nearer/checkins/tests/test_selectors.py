from __future__ import annotations

from datetime import UTC, date, datetime

from nearer.checkins import selectors
from nearer.checkins.models import CheckIn
from nearer.checkins.tests.conftest import CheckInMaker
from nearer.conftest import Person


def test_the_month_holds_only_that_months_check_ins_in_order(
    alice: Person, bob: Person, check_in: CheckInMaker
) -> None:
    check_in(alice, when=datetime(2026, 5, 31, 20, 0, tzinfo=UTC), emotion="content")
    check_in(alice, when=datetime(2026, 5, 1, 8, 0, tzinfo=UTC))
    check_in(alice, when=datetime(2026, 5, 1, 7, 0, tzinfo=UTC), emotion="tender")
    check_in(alice, when=datetime(2026, 6, 1, 8, 0, tzinfo=UTC))
    check_in(alice, when=datetime(2026, 4, 30, 8, 0, tzinfo=UTC))
    check_in(bob, when=datetime(2026, 5, 2, 8, 0, tzinfo=UTC))
    month = selectors.checkins_in_month(user=alice.user, vault=alice.vault, year=2026, month=5)
    assert [(c.local_date.day, c.content.emotion if c.content else None) for c in month] == [
        (1, "tender"),
        (1, "calm"),
        (31, "content"),
    ]


def test_a_check_in_that_wont_open_is_marked_not_fatal(
    alice: Person, check_in: CheckInMaker
) -> None:
    saved = check_in(alice)
    other = check_in(alice)
    # Another row's sealed value moved here: it must not open.
    CheckIn.objects.filter(id=saved.id).update(content=other.content)
    day, _ = selectors.checkins_on_day(
        user=alice.user, vault=alice.vault, day=date(2026, 5, 14), limit=30
    )
    assert sorted(c.readable for c in day) == [False, True]


def test_today_opens_only_the_latest(alice: Person, check_in: CheckInMaker) -> None:
    check_in(alice, when=datetime(2026, 5, 14, 8, 0, tzinfo=UTC), emotion="tired", pleasantness=-1)
    check_in(alice, when=datetime(2026, 5, 14, 18, 0, tzinfo=UTC), emotion="grateful")
    count, last = selectors.today_summary(
        user=alice.user, vault=alice.vault, today=date(2026, 5, 14)
    )
    assert count == 2
    assert last is not None and last.emotion is not None and last.emotion.key == "grateful"
    assert selectors.today_summary(user=alice.user, vault=alice.vault, today=date(2026, 5, 15)) == (
        0,
        None,
    )


def test_recent_pages_through_newest_first(alice: Person, check_in: CheckInMaker) -> None:
    for hour in range(5):
        check_in(alice, when=datetime(2026, 5, 14, hour, 0, tzinfo=UTC))
    first, more = selectors.checkins_recent(user=alice.user, vault=alice.vault, limit=3)
    assert [c.time for c in first] == ["04:00", "03:00", "02:00"] and more
    rest, more = selectors.checkins_recent(user=alice.user, vault=alice.vault, limit=3, offset=3)
    assert [c.time for c in rest] == ["01:00", "00:00"] and not more
