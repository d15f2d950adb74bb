"""moments.seen.people_seen_order: the people seen most lately first, only one's own."""

from __future__ import annotations

from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.seen import WINDOW_DAYS, people_seen_order
from nearer.moments.tests.conftest import AddMoment, AddPerson, days_ago


def test_most_moments_lately_first_then_the_latest(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana, ben, cy, dee = (add_person(alice, name=n) for n in ("Ana", "Ben", "Cy", "Dee"))
    for days in (1, 2, 3):
        add_moment(alice, [ben], occurred_on=days_ago(days))
    add_moment(alice, [ana, cy], occurred_on=days_ago(5))
    add_moment(alice, [ana], occurred_on=days_ago(10))
    # Long ago, often: counts for nothing now, but still before those never seen.
    for days in range(WINDOW_DAYS + 5, WINDOW_DAYS + 15):
        add_moment(alice, [dee], occurred_on=days_ago(days))
    today = timezone.localdate()
    assert people_seen_order(user=alice.user, today=today) == [
        str(ben.id),
        str(ana.id),
        str(cy.id),
        str(dee.id),
    ]


def test_someone_elses_moments_never_count(
    alice: Person, bob: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    bobs = add_person(bob, name="Bob's friend")
    add_moment(bob, [bobs])
    add_person(alice, name="Ana")
    assert people_seen_order(user=alice.user, today=timezone.localdate()) == []
    assert people_seen_order(user=bob.user, today=timezone.localdate()) == [str(bobs.id)]
