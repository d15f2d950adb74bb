from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from nearer.conftest import Person
from nearer.rituals.content import MAX_ANSWER, MAX_REPLY, answer_open
from nearer.rituals.models import DailyAnswer
from nearer.rituals.selectors import daily_for, daily_history
from nearer.rituals.services import SpaceEnded, daily_answer, daily_react
from nearer.rituals.tests.helpers import Paired, answer_row
from nearer.together.services import pair_end

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def answer(paired: Paired, who: Person, text: str, day: object = TODAY) -> DailyAnswer:
    return daily_answer(user=who.user, space=paired.space(who), day=day, today=TODAY, text=text)  # type: ignore[arg-type]


def test_the_partners_answer_is_not_opened_until_both_have_answered(paired: Paired) -> None:
    answer(paired, paired.alice, "Alice says lanternfish marmalade")
    seen_by_alice = daily_for(user=paired.alice.user, space=paired.space(paired.alice), day=TODAY)
    seen_by_bob = daily_for(user=paired.bob.user, space=paired.space(paired.bob), day=TODAY)
    assert seen_by_alice.mine is not None and seen_by_alice.theirs is None
    assert not seen_by_alice.partner_answered
    assert seen_by_bob.mine is None and seen_by_bob.theirs is None
    assert seen_by_bob.partner_answered

    answer(paired, paired.bob, "Bob says quillwort sandcastle")
    seen_by_alice = daily_for(user=paired.alice.user, space=paired.space(paired.alice), day=TODAY)
    assert seen_by_alice.theirs is not None
    assert seen_by_alice.theirs.answer == "Bob says quillwort sandcastle"
    assert daily_for(user=paired.bob.user, space=paired.space(paired.bob), day=TODAY).question == (
        seen_by_alice.question
    )


def test_a_second_answer_replaces_the_first_until_the_partner_answers(paired: Paired) -> None:
    first = answer(paired, paired.alice, "first thought pelican")
    again = answer(paired, paired.alice, "second thought heron")
    assert again.id == first.id
    assert DailyAnswer.objects.filter(author=paired.alice.user).count() == 1
    assert (
        answer_open(
            paired.space(paired.alice).box, again.id, DailyAnswer.objects.get(id=again.id).content
        ).answer
        == "second thought heron"
    )
    answer(paired, paired.bob, "bob answers cormorant")
    with pytest.raises(ValidationError):
        answer(paired, paired.alice, "third thought egret")
    row = DailyAnswer.objects.get(id=first.id)
    assert (
        answer_open(paired.space(paired.alice).box, row.id, row.content).answer
        == "second thought heron"
    )


@pytest.mark.parametrize(
    ("text", "day_offset"),
    [("", 0), ("   ", 0), ("x" * (MAX_ANSWER + 1), 0), ("fine words", -2), ("fine words", 1)],
)
def test_bad_answers_save_nothing(paired: Paired, text: str, day_offset: int) -> None:
    with pytest.raises(ValidationError):
        answer(paired, paired.alice, text, TODAY + timedelta(days=day_offset))
    assert not DailyAnswer.objects.exists()


def test_yesterdays_question_may_still_be_answered(paired: Paired) -> None:
    answer(paired, paired.alice, "late answer wombat", TODAY - timedelta(days=1))
    assert DailyAnswer.objects.get().day == TODAY - timedelta(days=1)


def test_a_reaction_and_reply_come_only_after_both_answered(paired: Paired) -> None:
    answer(paired, paired.alice, "alice answer kestrel")
    with pytest.raises(ValidationError):
        daily_react(
            user=paired.alice.user,
            space=paired.space(paired.alice),
            day=TODAY,
            reaction="warm",
            reply="",
        )
    answer(paired, paired.bob, "bob answer plover")
    daily_react(
        user=paired.alice.user,
        space=paired.space(paired.alice),
        day=TODAY,
        reaction="laugh",
        reply="so you too",
    )
    seen = daily_for(user=paired.bob.user, space=paired.space(paired.bob), day=TODAY)
    assert seen.theirs is not None
    assert (seen.theirs.reaction, seen.theirs.reply) == ("laugh", "so you too")
    assert seen.mine is not None and seen.mine.answer == "bob answer plover"


@pytest.mark.parametrize(("reaction", "reply"), [("shrug", ""), ("warm", "y" * (MAX_REPLY + 1))])
def test_a_bad_reaction_or_reply_changes_nothing(paired: Paired, reaction: str, reply: str) -> None:
    answer(paired, paired.alice, "alice answer kestrel")
    answer(paired, paired.bob, "bob answer plover")
    before = DailyAnswer.objects.get(author=paired.alice.user).content
    with pytest.raises(ValidationError):
        daily_react(
            user=paired.alice.user,
            space=paired.space(paired.alice),
            day=TODAY,
            reaction=reaction,
            reply=reply,
        )
    assert bytes(DailyAnswer.objects.get(author=paired.alice.user).content) == bytes(before)


def test_an_ended_space_takes_no_answer(paired: Paired) -> None:
    space = paired.space(paired.alice)
    pair_end(user=paired.bob.user)
    with pytest.raises(SpaceEnded):
        daily_answer(
            user=paired.alice.user, space=space, day=TODAY, today=TODAY, text="anyone there"
        )
    assert not DailyAnswer.objects.exists()


def test_history_pages_through_past_days_newest_first(paired: Paired) -> None:
    for back in range(1, 26):
        for who in (paired.alice, paired.bob):
            answer_row(
                paired.space(who),
                who,
                TODAY - timedelta(days=back),
                f"{who.user.username} day {back}",
            )
    first = daily_history(
        user=paired.alice.user, space=paired.space(paired.alice), before=TODAY, page=1
    )
    assert first.older
    assert [view.day for view in first.days] == [TODAY - timedelta(days=n) for n in range(1, 21)]
    assert first.days[0].theirs is not None and first.days[0].theirs.answer == "bob day 1"
    second = daily_history(
        user=paired.alice.user, space=paired.space(paired.alice), before=TODAY, page=2
    )
    assert len(second.days) == 5 and not second.older
