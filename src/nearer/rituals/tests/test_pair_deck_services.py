from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from nearer.conftest import Person
from nearer.decks.session_content import SessionContent
from nearer.decks.session_services import Step
from nearer.moments.models import Moment
from nearer.rituals.content import deck_open, shared_open
from nearer.rituals.deck_services import pair_session_start, pair_session_step
from nearer.rituals.models import PairDeckSession, SharedMoment
from nearer.rituals.selectors import pair_session_get
from nearer.rituals.services import shared_moments_bring_in
from nearer.rituals.tests.helpers import Paired

pytestmark = pytest.mark.django_db


def opened(paired: Paired, session: PairDeckSession) -> SessionContent:
    session.refresh_from_db()
    return deck_open(paired.space(paired.alice).box, session.id, session.content)


def press(paired: Paired, who: Person, session: PairDeckSession, step: Step) -> None:
    content = opened(paired, session)
    pair_session_step(
        user=who.user,
        vault=who.vault,
        space=paired.space(who),
        session_id=session.id,
        step=step,
        answered=content.answered,
        card_id=content.current or "",
    )


def test_turns_alternate_between_the_two_and_depth_rises(paired: Paired) -> None:
    alice, bob = paired.alice, paired.bob
    session = pair_session_start(user=alice.user, space=paired.space(alice), length=10)
    turns = []
    depths = []
    for _ in range(5):
        turns.append(
            pair_session_get(
                user=alice.user, space=paired.space(alice), session_id=session.id
            ).my_turn
        )
        depths.append(opened(paired, session).current_depth)
        press(paired, bob if len(turns) % 2 == 0 else alice, session, "next")
    assert turns == [True, False, True, False, True]
    assert depths == sorted(depths) and depths[0] == 1 and depths[-1] == 3
    seen_by_bob = pair_session_get(user=bob.user, space=paired.space(bob), session_id=session.id)
    assert seen_by_bob.my_turn is True  # the sixth card is Bob's to ask


def test_one_session_at_a_time(paired: Paired) -> None:
    first = pair_session_start(user=paired.alice.user, space=paired.space(paired.alice), length=10)
    second = pair_session_start(user=paired.bob.user, space=paired.space(paired.bob), length=20)
    assert first.id == second.id
    with pytest.raises(ValidationError):
        pair_session_start(user=paired.bob.user, space=paired.space(paired.bob), length=15)


def test_ending_logs_one_moment_for_both(paired: Paired) -> None:
    alice, bob = paired.alice, paired.bob
    session = pair_session_start(user=alice.user, space=paired.space(alice), length=10)
    press(paired, alice, session, "next")
    stale = opened(paired, session)
    press(paired, bob, session, "stop")
    # A second "Stop here" from the other device, shown the same card: nothing more.
    pair_session_step(
        user=alice.user,
        vault=alice.vault,
        space=paired.space(alice),
        session_id=session.id,
        step="stop",
        answered=stale.answered,
        card_id=stale.current or "",
    )
    assert SharedMoment.objects.count() == 1
    shared = SharedMoment.objects.get()
    assert shared_open(paired.space(alice).box, shared.id, shared.content).source == "deck"
    assert Moment.objects.filter(owner=bob.user).count() == 1
    assert not Moment.objects.filter(owner=alice.user).exists()
    shared_moments_bring_in(
        user=alice.user, vault=alice.vault, space=paired.space(alice), today=shared.occurred_on
    )
    assert Moment.objects.filter(owner=alice.user).count() == 1


def test_a_step_shown_an_old_card_changes_nothing(paired: Paired) -> None:
    alice = paired.alice
    session = pair_session_start(user=alice.user, space=paired.space(alice), length=10)
    before = opened(paired, session)
    press(paired, alice, session, "next")
    after = opened(paired, session)
    pair_session_step(
        user=alice.user,
        vault=alice.vault,
        space=paired.space(alice),
        session_id=session.id,
        step="next",
        answered=before.answered,
        card_id=before.current or "",
    )
    assert opened(paired, session) == after
