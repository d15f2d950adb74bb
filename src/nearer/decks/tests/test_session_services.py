"""session_start, session_step, session_log: a session with one person, sealed."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from nearer.conftest import Person, make_person
from nearer.decks.catalogue import Card
from nearer.decks.depth import deepest_by_person, depths_read
from nearer.decks.models import DeckSession
from nearer.decks.selectors import deck_state_for
from nearer.decks.session_services import session_log, session_start, session_step
from nearer.decks.tests.session_helpers import friend_of, opened, session_deck
from nearer.moments.content import content_open as moment_open
from nearer.moments.models import Moment
from nearer.people.services import person_archive
from nearer.vault.models import DerivedValue
from nearer.vault.tests.derived_helpers import at_once

__all__ = ["session_deck"]

TODAY = date(2026, 11, 20)


def press(owner: Person, session: DeckSession, step: str, **kwargs: object) -> DeckSession:
    content = opened(owner, session)
    return session_step(
        user=owner.user,
        vault=owner.vault,
        session_id=session.id,
        step=step,  # type: ignore[arg-type]
        answered=content.answered,
        card_id=content.current or "",
        **kwargs,  # type: ignore[arg-type]
    )


def test_a_session_starts_with_a_light_card_remembered_among_the_draws(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    friend = friend_of(alice)
    session = session_start(user=alice.user, vault=alice.vault, person_id=friend.id, length=10)
    content = opened(alice, session)
    assert session.state == DeckSession.State.ACTIVE
    assert content.current is not None and content.current.startswith("sess-friend-1-")
    assert deck_state_for(user=alice.user, vault=alice.vault).recent == (content.current,)


def test_another_accounts_person_is_refused_and_nothing_saved(
    alice: Person, charlie: Person, session_deck: tuple[Card, ...]
) -> None:
    theirs = friend_of(charlie)
    with pytest.raises(ValidationError, match="Choose one of your people"):
        session_start(user=alice.user, vault=alice.vault, person_id=theirs.id, length=10)
    assert not DeckSession.objects.exists()


def test_an_archived_person_or_a_length_not_offered_is_refused(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    friend = friend_of(alice)
    with pytest.raises(ValidationError, match="10, 20 or 45"):
        session_start(user=alice.user, vault=alice.vault, person_id=friend.id, length=30)
    person_archive(user=alice.user, vault=alice.vault, person_id=friend.id)
    with pytest.raises(ValidationError, match="Choose one of your people"):
        session_start(user=alice.user, vault=alice.vault, person_id=friend.id, length=10)
    assert not DeckSession.objects.exists()


def test_a_stale_next_does_not_skip_a_second_card(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    session = session_start(
        user=alice.user, vault=alice.vault, person_id=friend_of(alice).id, length=10
    )
    first = opened(alice, session)
    press(alice, session, "next")
    second = opened(alice, session)
    # The same form again (the card and count it was shown with): nothing changes.
    session_step(
        user=alice.user,
        vault=alice.vault,
        session_id=session.id,
        step="next",
        answered=first.answered,
        card_id=first.current or "",
    )
    assert opened(alice, session) == second
    assert second.answered == 1


def test_ten_minutes_talked_through_ends_at_depth_3_and_keeps_it_for_the_person(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    friend = friend_of(alice)
    session = session_start(user=alice.user, vault=alice.vault, person_id=friend.id, length=10)
    for _ in range(6):
        press(alice, session, "next")
    session.refresh_from_db()
    assert session.state == DeckSession.State.ENDED
    assert session.ended_at is not None
    assert opened(alice, session).deepest == 3
    assert deepest_by_person(user=alice.user, vault=alice.vault) == {friend.id: 3}
    assert depths_read(user=alice.user, vault=alice.vault)[str(friend.id)].sessions == 1


def test_time_moved_on_brings_the_deep_cards_sooner(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    started = timezone.now()
    session = session_start(
        user=alice.user, vault=alice.vault, person_id=friend_of(alice).id, length=10, now=started
    )
    press(alice, session, "next", now=started + timedelta(minutes=7))
    content = opened(alice, session)
    assert content.current_depth == 3
    assert content.current is not None and content.current.startswith("sess-friend-3-")


def test_stop_here_ends_and_keeps_the_deepest_card_talked_through(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    friend = friend_of(alice)
    for _ in range(2):
        session = session_start(user=alice.user, vault=alice.vault, person_id=friend.id, length=20)
        press(alice, session, "next")
        press(alice, session, "skip")
        press(alice, session, "stop")
    session.refresh_from_db()
    assert session.state == DeckSession.State.ENDED
    depth = depths_read(user=alice.user, vault=alice.vault)[str(friend.id)]
    assert (depth.deepest, depth.sessions) == (1, 2)
    # The kept value matches what the sessions say when worked out afresh.
    DerivedValue.objects.filter(owner=alice.user, kind="decks.depth").delete()
    again = depths_read(user=alice.user, vault=alice.vault)[str(friend.id)]
    assert (again.deepest, again.sessions) == (1, 2)


def test_logging_makes_one_moment_with_the_person_however_often_it_is_pressed(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    friend = friend_of(alice)
    session = session_start(user=alice.user, vault=alice.vault, person_id=friend.id, length=10)
    press(alice, session, "stop")
    first = session_log(
        user=alice.user, vault=alice.vault, session_id=session.id, occurred_on=TODAY
    )
    second = session_log(
        user=alice.user, vault=alice.vault, session_id=session.id, occurred_on=TODAY
    )
    assert first.id == second.id
    assert Moment.objects.filter(owner=alice.user).count() == 1
    session.refresh_from_db()
    assert session.moment_id == first.id
    said = moment_open(alice.vault, first.id, first.content)
    assert said.how == "in_person"
    assert set(said.kinds) == {"intellectual", "emotional"}
    assert said.opened_up == "both"
    assert list(first.people.values_list("id", flat=True)) == [friend.id]


def test_a_session_going_on_cannot_be_logged(alice: Person, session_deck: tuple[Card, ...]) -> None:
    session = session_start(
        user=alice.user, vault=alice.vault, person_id=friend_of(alice).id, length=10
    )
    with pytest.raises(ValidationError, match="still going on"):
        session_log(user=alice.user, vault=alice.vault, session_id=session.id, occurred_on=TODAY)
    assert not Moment.objects.exists()


def test_another_accounts_session_is_not_stepped_or_logged(
    alice: Person, charlie: Person, session_deck: tuple[Card, ...]
) -> None:
    session = session_start(
        user=alice.user, vault=alice.vault, person_id=friend_of(alice).id, length=10
    )
    content = opened(alice, session)
    with pytest.raises(DeckSession.DoesNotExist):
        session_step(
            user=charlie.user,
            vault=charlie.vault,
            session_id=session.id,
            step="stop",
            answered=0,
            card_id=content.current or "",
        )
    with pytest.raises(DeckSession.DoesNotExist):
        session_log(
            user=charlie.user, vault=charlie.vault, session_id=session.id, occurred_on=TODAY
        )
    assert opened(alice, session) == content
    assert session.state == DeckSession.State.ACTIVE


@pytest.mark.django_db(transaction=True)
def test_two_logs_at_once_make_one_moment(session_deck: tuple[Card, ...]) -> None:
    # Both requests find the session unlogged; the row lock makes the second wait and
    # then see the first one's moment (SQLite lets one writer in at a time anyway).
    owner = make_person("alice")
    session = session_start(
        user=owner.user, vault=owner.vault, person_id=friend_of(owner).id, length=10
    )
    press(owner, session, "stop")

    def log() -> object:
        return session_log(
            user=owner.user, vault=owner.vault, session_id=session.id, occurred_on=TODAY
        )

    assert at_once([log, log]) == []
    assert Moment.objects.filter(owner=owner.user).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_nexts_at_once_move_on_one_card(session_deck: tuple[Card, ...]) -> None:
    owner = make_person("alice")
    session = session_start(
        user=owner.user, vault=owner.vault, person_id=friend_of(owner).id, length=10
    )
    first = opened(owner, session)

    def next_card() -> object:
        return session_step(
            user=owner.user,
            vault=owner.vault,
            session_id=session.id,
            step="next",
            answered=0,
            card_id=first.current or "",
        )

    assert at_once([next_card, next_card]) == []
    after = opened(owner, session)
    assert after.answered == 1
    assert len(after.shown) == 2
    # One card drawn for the next, not two: the second press changed nothing.
    assert len(deck_state_for(user=owner.user, vault=owner.vault).recent) == 2


@pytest.mark.django_db(transaction=True)
def test_two_starts_of_one_form_at_once_make_one_session(session_deck: tuple[Card, ...]) -> None:
    # Both requests look for the form's session before either has saved it (the
    # barrier holds them just past that look); the primary key lets one in.
    from nearer.decks import session_services

    owner = make_person("alice")
    friend, start_id = friend_of(owner), uuid.uuid4()
    sessions: list[DeckSession] = []

    def start() -> object:
        sessions.append(
            session_start(
                user=owner.user,
                vault=owner.vault,
                person_id=friend.id,
                length=10,
                start_id=start_id,
            )
        )
        return None

    assert at_once([start, start], before=(session_services, "_session_start")) == []
    assert DeckSession.objects.filter(owner=owner.user).count() == 1
    assert [session.id for session in sessions] == [start_id, start_id]
    # The second start's card was not remembered: its transaction was rolled back.
    assert len(deck_state_for(user=owner.user, vault=owner.vault).recent) == 1


def test_a_start_id_of_another_persons_session_starts_nothing(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    bob = make_person("bob")
    theirs = session_start(user=bob.user, vault=bob.vault, person_id=friend_of(bob).id, length=10)
    with pytest.raises(ValidationError):
        session_start(
            user=alice.user,
            vault=alice.vault,
            person_id=friend_of(alice).id,
            length=10,
            start_id=theirs.id,
        )
    assert DeckSession.objects.filter(owner=alice.user).count() == 0
