"""Two requests of one space at once: the pair's row lock takes them one after the
other (on PostgreSQL two threads really race; SQLite lets one writer in at a time)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.utils import timezone

from nearer.conftest import make_person
from nearer.decks.session_services import Step
from nearer.moments.models import Moment
from nearer.rituals.content import deck_open
from nearer.rituals.deck_services import pair_session_start, pair_session_step
from nearer.rituals.models import DailyAnswer, SharedMoment
from nearer.rituals.selectors import daily_for
from nearer.rituals.services import daily_answer, shared_moment_log, shared_moments_bring_in
from nearer.rituals.tests.helpers import Paired, pair
from nearer.vault.tests.derived_helpers import at_once

TODAY = timezone.localdate()


def _paired() -> Paired:
    return pair(make_person("alice"), make_person("bob"))


@pytest.mark.django_db(transaction=True)
def test_two_answers_at_once_are_both_kept_and_both_revealed() -> None:
    paired = _paired()
    spaces = {who.user.pk: paired.space(who) for who in (paired.alice, paired.bob)}

    def answering(who: object, text: str) -> Callable[[], object]:
        person = paired.alice if who == "alice" else paired.bob
        return lambda: daily_answer(
            user=person.user, space=spaces[person.user.pk], day=TODAY, today=TODAY, text=text
        )

    assert at_once([answering("alice", "alice at once"), answering("bob", "bob at once")]) == []
    assert DailyAnswer.objects.count() == 2
    seen = daily_for(user=paired.alice.user, space=paired.space(paired.alice), day=TODAY)
    assert seen.theirs is not None and seen.theirs.answer == "bob at once"


@pytest.mark.django_db(transaction=True)
def test_one_person_answering_twice_at_once_keeps_one_answer() -> None:
    paired = _paired()
    space = paired.space(paired.alice)

    def answering(text: str) -> Callable[[], object]:
        return lambda: daily_answer(
            user=paired.alice.user, space=space, day=TODAY, today=TODAY, text=text
        )

    assert at_once([answering("first tab"), answering("second tab")]) == []
    assert DailyAnswer.objects.filter(author=paired.alice.user).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_stops_at_once_end_the_session_once_with_one_moment() -> None:
    paired = _paired()
    alice, bob = paired.alice, paired.bob
    session = pair_session_start(user=alice.user, space=paired.space(alice), length=10)
    content = deck_open(paired.space(alice).box, session.id, session.content)
    spaces = {who.user.pk: paired.space(who) for who in (alice, bob)}
    stop: Step = "stop"

    def stopping(who: object) -> Callable[[], object]:
        person = alice if who == "alice" else bob
        return lambda: pair_session_step(
            user=person.user,
            vault=person.vault,
            space=spaces[person.user.pk],
            session_id=session.id,
            step=stop,
            answered=content.answered,
            card_id=content.current or "",
        )

    assert at_once([stopping("alice"), stopping("bob")]) == []
    assert SharedMoment.objects.count() == 1
    assert Moment.objects.count() == 1  # the ender's; the other's comes at their visit


@pytest.mark.django_db(transaction=True)
def test_two_bring_ins_at_once_bring_a_moment_in_once() -> None:
    paired = _paired()
    alice, bob = paired.alice, paired.bob
    shared_moment_log(
        user=alice.user,
        vault=alice.vault,
        space=paired.space(alice),
        day=TODAY,
        today=TODAY,
        kinds=["emotional"],
        note="",
    )
    space = paired.space(bob)

    def bring_in() -> object:
        return shared_moments_bring_in(user=bob.user, vault=bob.vault, space=space, today=TODAY)

    assert at_once([bring_in, bring_in]) == []
    assert Moment.objects.filter(owner=bob.user).count() == 1
