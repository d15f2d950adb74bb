"""Care: inner- and close-circle people past twice their rhythm, the closest first."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from nearer.conftest import Person
from nearer.insights.care import care_for, needs_care
from nearer.insights.tests.balance_helpers import add_moment, add_person, days_ago
from nearer.people.models import Person as PersonRow
from nearer.people.services import person_archive


def test_only_more_than_twice_the_rhythm_counts() -> None:
    assert not needs_care(14, 7)
    assert needs_care(15, 7)
    assert not needs_care(1000, None)
    assert not needs_care(1000, 0)


def test_it_names_who_is_far_past_their_rhythm_inner_circle_first(alice: Person) -> None:
    far = add_person(alice, name="Farah Quill", circle="close", rhythm_days=7)
    add_moment(alice, [far], on=days_ago(30))
    inner = add_person(alice, name="Ines Wardlow", circle="inner", rhythm_days=10)
    add_moment(alice, [inner], on=days_ago(21))
    just = add_person(alice, name="Justine Okoro", circle="inner", rhythm_days=7)
    add_moment(alice, [just], on=days_ago(14))  # exactly twice: not yet
    wider = add_person(alice, name="Walter Pimms", circle="wider", rhythm_days=7)
    add_moment(alice, [wider], on=days_ago(60))
    free = add_person(alice, name="Freya Nolund", circle="inner")
    add_moment(alice, [free], on=days_ago(300))
    notes = care_for(user=alice.user, vault=alice.vault, today=days_ago(0))
    assert [(n.name, n.days_since, n.had_moment) for n in notes] == [
        ("Ines Wardlow", 21, True),
        ("Farah Quill", 30, True),
    ]


def test_someone_never_seen_counts_from_the_day_they_were_added(alice: Person) -> None:
    new = add_person(alice, name="Noor Halvorsen", rhythm_days=3)
    assert care_for(user=alice.user, vault=alice.vault, today=days_ago(0)) == []
    PersonRow.objects.filter(id=new.id).update(created_at=timezone.now() - timedelta(days=9))
    notes = care_for(user=alice.user, vault=alice.vault, today=days_ago(0))
    assert [(n.name, n.days_since, n.had_moment) for n in notes] == [("Noor Halvorsen", 9, False)]


def test_archived_snoozed_and_other_peoples_people_are_left_out(
    alice: Person, charlie: Person
) -> None:
    gone = add_person(alice, name="Gus Archer", rhythm_days=2)
    add_moment(alice, [gone], on=days_ago(40))
    person_archive(user=alice.user, vault=alice.vault, person_id=gone.id)
    resting = add_person(alice, name="Rosa Sleeper", rhythm_days=2)
    add_moment(alice, [resting], on=days_ago(40))
    PersonRow.objects.filter(id=resting.id).update(snoozed_until=days_ago(-3))
    theirs = add_person(charlie, name="Cato Elsewhere", rhythm_days=2)
    add_moment(charlie, [theirs], on=days_ago(40))
    assert care_for(user=alice.user, vault=alice.vault, today=days_ago(0)) == []
