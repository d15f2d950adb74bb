from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.journal.selectors import entry_for
from nearer.journal.services import entry_delete
from nearer.moments.tests.conftest import AddMoment, AddPerson
from nearer.review.models import WeekReview
from nearer.review.selectors import review_state, week_review
from nearer.review.services import MAX_ANSWER, review_dismiss, review_save

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 6, 1)
LATER = date(2026, 6, 20)


def _save(person: Person, answer: str, today: date = LATER) -> Entry:
    review = week_review(user=person.user, vault=person.vault, start=MONDAY, today=today, prefs={})
    return review_save(
        user=person.user, vault=person.vault, review=review, answer=answer, today=today
    )


def test_it_saves_the_summary_question_and_answer_as_one_entry(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Anabelqwerty")
    add_moment(alice, [ana], occurred_on=MONDAY, opened_up="them", kinds=["emotional"])
    entry = _save(alice, "It was a gentle weekzxcvb")
    view = entry_for(user=alice.user, vault=alice.vault, entry_id=entry.id)
    assert view.title == "Weekly review: 1 June – 7 June 2026"
    assert "1 moment together, with Anabelqwerty" in view.body
    assert "Opened up with you: Anabelqwerty." in view.body
    assert "It was a gentle weekzxcvb" in view.body
    assert view.tags == ("weekly review",)
    # A week that is over is dated its Sunday.
    assert entry.entry_date == date(2026, 6, 7)
    state = review_state(user=alice.user, vault=alice.vault, start=MONDAY)
    assert state is not None and state.status == "saved" and state.entry_id == entry.id


def test_while_the_week_is_going_the_entry_is_dated_today(alice: Person) -> None:
    entry = _save(alice, "", today=MONDAY + timedelta(days=2))
    assert entry.entry_date == MONDAY + timedelta(days=2)


def test_saving_twice_updates_the_same_entry(alice: Person) -> None:
    first = _save(alice, "first thoughtsqwerty")
    second = _save(alice, "second thoughtsasdfg")
    assert first.id == second.id
    assert Entry.objects.filter(owner=alice.user).count() == 1
    body = entry_for(user=alice.user, vault=alice.vault, entry_id=first.id).body
    assert "second thoughtsasdfg" in body and "first thoughtsqwerty" not in body
    assert WeekReview.objects.filter(owner=alice.user).count() == 1


def test_after_the_entry_was_deleted_saving_makes_a_new_one(alice: Person) -> None:
    first = _save(alice, "")
    entry_delete(user=alice.user, vault=alice.vault, entry_id=first.id)
    second = _save(alice, "")
    assert second.id != first.id
    assert Entry.objects.filter(owner=alice.user).count() == 1


def test_an_answer_too_long_saves_nothing(alice: Person) -> None:
    with pytest.raises(ValidationError):
        _save(alice, "x" * (MAX_ANSWER + 1))
    assert not Entry.objects.filter(owner=alice.user).exists()
    assert not WeekReview.objects.filter(owner=alice.user).exists()


def test_a_dismissed_week_can_still_be_saved(alice: Person) -> None:
    review_dismiss(user=alice.user, vault=alice.vault, start=MONDAY)
    entry = _save(alice, "")
    state = review_state(user=alice.user, vault=alice.vault, start=MONDAY)
    assert state is not None and state.status == "saved" and state.entry_id == entry.id


def test_the_record_holds_only_the_week_in_the_clear(alice: Person) -> None:
    entry = _save(alice, "")
    row = WeekReview.objects.get(owner=alice.user)
    assert row.week_start == MONDAY
    assert entry.id.hex.encode() not in bytes(row.state)
    assert str(entry.id).encode() not in bytes(row.state)
    assert b"saved" not in bytes(row.state)
