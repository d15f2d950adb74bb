"""The selector behind the review page: one week, one person, opened."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nearer.conftest import Person
from nearer.moments.tests.conftest import AddMoment, AddPerson
from nearer.review.selectors import week_review
from nearer.review.tests.conftest import add_checkin
from nearer.scales.services import result_create

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 6, 1)
SUNDAY = MONDAY + timedelta(days=6)
LATER = date(2026, 6, 20)  # "today" for these tests: after the week


def _review(person: Person, start: date = MONDAY, today: date = LATER):  # type: ignore[no-untyped-def]
    return week_review(user=person.user, vault=person.vault, start=start, today=today, prefs={})


def test_only_the_weeks_own_moments_from_monday_to_sunday(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Anabelqwerty")
    add_moment(alice, [ana], occurred_on=MONDAY - timedelta(days=1), note="before")
    add_moment(alice, [ana], occurred_on=MONDAY, kinds=["emotional"])
    add_moment(alice, [ana], occurred_on=SUNDAY, kinds=["physical"])
    add_moment(alice, [ana], occurred_on=SUNDAY + timedelta(days=1))
    review = _review(alice)
    assert review.moments_total == 2
    assert [m.occurred_on for m in review.moments] == [MONDAY, SUNDAY]
    assert review.moments[0].names == "Anabelqwerty"
    assert review.kinds_seen == ["Emotional", "Physical"]


def test_another_persons_week_is_never_read(
    alice: Person, bob: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ben = add_person(bob, name="Benjaminzxcv")
    add_moment(bob, [ben], occurred_on=MONDAY, opened_up="both")
    add_checkin(bob, MONDAY, 2, 2)
    review = _review(alice)
    assert review.moments_total == 0
    assert review.checkins_total == 0
    assert review.opened_up == []


def test_who_opened_up_counts_them_and_you(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Anabelqwerty")
    cleo = add_person(alice, name="Cleopatrauiop")
    add_moment(alice, [ana], occurred_on=MONDAY, opened_up="them")
    add_moment(alice, [ana, cleo], occurred_on=MONDAY + timedelta(days=1), opened_up="both")
    add_moment(alice, [cleo], occurred_on=MONDAY + timedelta(days=2), opened_up="me")
    add_moment(alice, [cleo], occurred_on=MONDAY + timedelta(days=3), opened_up="neither")
    review = _review(alice)
    assert review.i_opened_up == 2
    assert [(o.name, o.count) for o in review.opened_up] == [
        ("Anabelqwerty", 2),
        ("Cleopatrauiop", 1),
    ]


def test_check_ins_are_averaged_per_day_with_words(alice: Person) -> None:
    add_checkin(alice, MONDAY, 2, -1)
    add_checkin(alice, MONDAY, 1, -1)
    add_checkin(alice, MONDAY + timedelta(days=2), -2, -2)
    add_checkin(alice, MONDAY + timedelta(days=7), 2, 2)  # next week
    review = _review(alice)
    assert review.checkins_total == 3
    monday, tuesday, wednesday = review.days[:3]
    assert (monday.count, monday.pleasantness, monday.energy) == (2, 1.5, -1.0)
    assert monday.pleasantness_words == "Very pleasant"  # 1.5 rounds to 2
    assert monday.energy_words == "Low"
    assert tuesday.count == 0 and tuesday.pleasantness is None
    assert wednesday.pleasantness_words == "Very unpleasant"
    assert len(review.days) == 7


def test_a_scale_taken_that_week_is_shown(alice: Person) -> None:
    result_create(
        user=alice.user,
        vault=alice.vault,
        scale_key="who5",
        answers=[3, 3, 3, 3, 3],
        taken_on=MONDAY + timedelta(days=3),
    )
    result_create(
        user=alice.user,
        vault=alice.vault,
        scale_key="who5",
        answers=[1, 1, 1, 1, 1],
        taken_on=MONDAY + timedelta(days=8),
    )
    review = _review(alice)
    assert len(review.scales) == 1
    assert review.scales[0].score == 60
    assert (review.scales[0].low, review.scales[0].high) == (0, 100)


def test_it_suggests_someone_close_past_their_rhythm(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Anabelqwerty", circle="inner", rhythm_days=7)
    wide = add_person(alice, name="Wilhelminaasdf", circle="wider", rhythm_days=2)
    add_moment(alice, [ana], occurred_on=LATER - timedelta(days=20))
    add_moment(alice, [wide], occurred_on=LATER - timedelta(days=30))
    review = _review(alice)
    assert review.suggestion is not None
    assert review.suggestion.person_id == str(ana.id)
    assert "Anabelqwerty is in your inner circle" in review.suggestion.text


def test_no_one_from_the_wider_circle_is_suggested(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    wide = add_person(alice, name="Wilhelminaasdf", circle="wider", rhythm_days=2)
    add_moment(
        alice,
        [wide],
        occurred_on=MONDAY,
        kinds=list(("emotional", "physical", "intellectual", "experiential", "spiritual")),
    )
    assert _review(alice).suggestion is None


def test_otherwise_a_kind_of_closeness_the_week_lacked(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Anabelqwerty", circle="inner", rhythm_days=60)
    add_moment(
        alice,
        [ana],
        occurred_on=MONDAY,
        kinds=["emotional", "physical", "intellectual", "experiential"],
    )
    review = _review(alice)
    assert review.suggestion is not None
    assert review.suggestion.kind == "spiritual"
    assert "no spiritual closeness" in review.suggestion.text


def test_nothing_is_suggested_when_there_is_nothing(alice: Person) -> None:
    review = _review(alice)
    assert review.suggestion is None
    assert review.moments == [] and review.scales == [] and review.checkins_total == 0


def test_the_state_is_none_until_saved_or_dismissed(alice: Person) -> None:
    assert _review(alice).state is None
