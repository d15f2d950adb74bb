from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from nearer.rituals.content import MAX_PART, MAX_WISH
from nearer.rituals.models import CheckinPart, CheckinWeek, RitualSettings
from nearer.rituals.selectors import checkin_day_for, checkin_history, checkin_this_week
from nearer.rituals.services import checkin_day_set, checkin_prepare, checkin_together, week_of
from nearer.rituals.tests.helpers import Paired

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
ALICE_PART = {
    "appreciations": "Alice thanks gingerbread",
    "went_well": "",
    "hard": "",
    "wish": "a walk",
}
BOB_PART = {"appreciations": "Bob thanks saxophone", "went_well": "dinners", "hard": "", "wish": ""}


def test_each_part_is_hidden_from_the_other_until_both_prepared(paired: Paired) -> None:
    alice, bob = paired.alice, paired.bob
    checkin_prepare(user=alice.user, space=paired.space(alice), today=TODAY, fields=ALICE_PART)
    seen_by_bob = checkin_this_week(user=bob.user, space=paired.space(bob), today=TODAY)
    assert seen_by_bob.partner_prepared and not seen_by_bob.open and seen_by_bob.theirs is None
    checkin_prepare(user=bob.user, space=paired.space(bob), today=TODAY, fields=BOB_PART)
    seen_by_bob = checkin_this_week(user=bob.user, space=paired.space(bob), today=TODAY)
    assert seen_by_bob.open
    assert seen_by_bob.theirs is not None
    assert seen_by_bob.theirs.appreciations == "Alice thanks gingerbread"
    assert CheckinWeek.objects.get().week_of == week_of(TODAY)


def test_going_through_it_together_opens_what_is_there(paired: Paired) -> None:
    alice, bob = paired.alice, paired.bob
    checkin_prepare(user=alice.user, space=paired.space(alice), today=TODAY, fields=ALICE_PART)
    week = checkin_together(user=bob.user, space=paired.space(bob), today=TODAY)
    again = checkin_together(user=alice.user, space=paired.space(alice), today=TODAY)
    assert again.together_at == week.together_at
    seen_by_bob = checkin_this_week(user=bob.user, space=paired.space(bob), today=TODAY)
    assert seen_by_bob.open and seen_by_bob.theirs is not None and seen_by_bob.mine is None


def test_preparing_again_replaces_ones_own_part(paired: Paired) -> None:
    alice = paired.alice
    checkin_prepare(user=alice.user, space=paired.space(alice), today=TODAY, fields=ALICE_PART)
    checkin_prepare(
        user=alice.user,
        space=paired.space(alice),
        today=TODAY,
        fields={**ALICE_PART, "hard": "mondays"},
    )
    assert CheckinPart.objects.count() == 1
    mine = checkin_this_week(user=alice.user, space=paired.space(alice), today=TODAY).mine
    assert mine is not None and mine.hard == "mondays"


@pytest.mark.parametrize(
    "fields",
    [
        {"appreciations": "", "went_well": "", "hard": "  ", "wish": ""},
        {**ALICE_PART, "appreciations": "a" * (MAX_PART + 1)},
        {**ALICE_PART, "wish": "w" * (MAX_WISH + 1)},
    ],
)
def test_an_empty_or_too_long_part_saves_nothing(paired: Paired, fields: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        checkin_prepare(
            user=paired.alice.user, space=paired.space(paired.alice), today=TODAY, fields=fields
        )
    assert not CheckinPart.objects.exists()


def test_either_may_change_the_day_for_both(paired: Paired) -> None:
    alice, bob = paired.alice, paired.bob
    assert checkin_day_for(user=alice.user, space=paired.space(alice)).weekday == 6
    checkin_day_set(user=bob.user, space=paired.space(bob), weekday=2)
    seen = checkin_day_for(user=alice.user, space=paired.space(alice))
    assert (seen.weekday, seen.changed_by_me, seen.chosen) == (2, False, True)
    checkin_day_set(user=alice.user, space=paired.space(alice), weekday=4)
    assert checkin_day_for(user=bob.user, space=paired.space(bob)).weekday == 4
    assert RitualSettings.objects.count() == 1
    with pytest.raises(ValidationError):
        checkin_day_set(user=alice.user, space=paired.space(alice), weekday=7)
    assert checkin_day_for(user=bob.user, space=paired.space(bob)).weekday == 4


def test_changing_the_day_keeps_what_was_prepared(paired: Paired) -> None:
    alice = paired.alice
    checkin_prepare(user=alice.user, space=paired.space(alice), today=TODAY, fields=ALICE_PART)
    checkin_day_set(user=alice.user, space=paired.space(alice), weekday=0)
    assert (
        checkin_this_week(user=alice.user, space=paired.space(alice), today=TODAY).mine is not None
    )


def test_past_weeks_are_kept_as_a_record(paired: Paired) -> None:
    from datetime import timedelta

    alice, bob = paired.alice, paired.bob
    for weeks_back in (1, 2):
        day = TODAY - timedelta(weeks=weeks_back)
        checkin_prepare(user=alice.user, space=paired.space(alice), today=day, fields=ALICE_PART)
        if weeks_back == 1:
            checkin_prepare(user=bob.user, space=paired.space(bob), today=day, fields=BOB_PART)
    rows, pages = checkin_history(space=paired.space(bob), before=TODAY, page=1)
    assert pages == 1
    assert [(row.week_of, row.open) for row in rows] == [
        (week_of(TODAY - timedelta(weeks=1)), True),
        (week_of(TODAY - timedelta(weeks=2)), False),
    ]
