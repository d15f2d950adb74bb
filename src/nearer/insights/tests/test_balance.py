"""Balance of kinds: hand-counted shares of the last 90 days against the year before."""

from __future__ import annotations

from datetime import date, timedelta

from nearer.conftest import Person
from nearer.insights.balance import balance_for, balance_of, balance_sentences, periods_for
from nearer.insights.tests.balance_helpers import add_moment, add_person, days_ago
from nearer.moments.kinds_by_day import kinds_rebuild
from nearer.moments.models import Moment

TODAY = date(2026, 6, 30)


def _ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def test_the_periods_are_ninety_days_and_the_year_before_them() -> None:
    periods = periods_for(TODAY)
    assert periods.recent_start == date(2026, 4, 2)
    assert (periods.recent_end - periods.recent_start).days == 89
    assert periods.before_end == date(2026, 4, 1)
    assert (periods.before_end - periods.before_start).days == 364


def test_shares_count_the_kinds_marked_and_add_up_in_each_period() -> None:
    moments = [
        (_ago(0), ("emotional", "physical")),
        (_ago(10), ("emotional",)),
        (_ago(89), ("intellectual",)),
        (_ago(90), ("physical",)),  # the first day of the year before
        (_ago(200), ("physical", "spiritual")),
        (_ago(454), ("physical",)),  # its last day
        (_ago(455), ("emotional",)),  # too old: left out
        (_ago(30), ()),  # no kind
    ]
    found = balance_of(moments, today=TODAY)
    by_key = {kind.key: kind for kind in found.kinds}
    assert (found.recent_moments, found.before_moments) == (4, 3)
    assert (found.recent_unmarked, found.before_unmarked) == (1, 0)
    assert (by_key["emotional"].recent, by_key["emotional"].recent_share) == (2, 0.5)
    assert by_key["physical"].recent_share == 0.25
    assert by_key["physical"].before == 3 and by_key["physical"].before_share == 0.75
    assert by_key["emotional"].before_share == 0.0
    assert by_key["experiential"].recent_share == 0.0
    assert by_key["physical"].moved_points == -50
    assert abs(sum(k.recent_share or 0 for k in found.kinds) - 1) < 1e-9


def test_a_kind_that_moved_is_said_with_its_counts_and_a_still_mix_is_said_as_such() -> None:
    moved = balance_of([(_ago(1), ("emotional",)), (_ago(100), ("physical",))], today=TODAY)
    sentences = balance_sentences(moved)
    assert (
        "Emotional closeness was more of the mix lately: 100% of what you marked in the "
        "last 90 days (1 of 1), against 0% in the year before (0 of 1)." in sentences
    )
    assert any(s.startswith("Physical closeness was less") for s in sentences)
    still = balance_of([(_ago(1), ("emotional",)), (_ago(100), ("emotional",))], today=TODAY)
    assert balance_sentences(still) == [
        "The mix of kinds of closeness in the last 90 days is much like the year before: "
        "no kind moved by 10 points or more."
    ]
    assert balance_sentences(balance_of([], today=TODAY)) == []
    only_before = balance_sentences(balance_of([(_ago(100), ("emotional",))], today=TODAY))
    assert "nothing to compare" in only_before[0]


def test_it_reads_the_moments_of_both_periods_and_counts_those_that_will_not_open(
    alice: Person, charlie: Person
) -> None:
    ana = add_person(alice)
    add_moment(alice, [ana], on=days_ago(3), kinds=["physical"])
    add_moment(alice, [ana], on=days_ago(120), kinds=["intellectual"])
    broken = add_moment(alice, [ana], on=days_ago(5), kinds=["emotional"])
    Moment.objects.filter(id=broken.id).update(content=b"garbage")
    # Changed behind the services' back: the kinds by day are worked out again, as
    # after any write that skips them (the demo's bulk inserts).
    kinds_rebuild(user=alice.user, vault=alice.vault)
    add_moment(charlie, [add_person(charlie)], on=days_ago(2), kinds=["spiritual"])
    found = balance_for(user=alice.user, vault=alice.vault, today=days_ago(0))
    by_key = {kind.key: kind for kind in found.kinds}
    assert found.unreadable == 1
    assert (by_key["physical"].recent, by_key["intellectual"].before) == (1, 1)
    assert by_key["spiritual"].recent == 0 and by_key["emotional"].recent == 0
