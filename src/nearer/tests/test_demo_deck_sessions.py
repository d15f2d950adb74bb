"""The demo's deck sessions: played through the engine, ended, logged, deepening over years."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.deck import RECENT_LIMIT
from nearer.decks.demo import SessionsMade, build_sessions
from nearer.decks.depth import DEPTH, deepest_by_person
from nearer.decks.models import DeckSession, DeckState
from nearer.decks.session_content import PLANNED, SessionContent, content_open
from nearer.decks.session_services import LOG_HOW
from nearer.decks.state import content_open as state_open
from nearer.moments.content import content_open as moment_open
from nearer.moments.demo import build_people_and_moments
from nearer.moments.models import MomentPerson
from nearer.people.models import Person as PersonRow
from nearer.vault.derived import derived_opened
from nearer.vault.models import WHOLE_ACCOUNT, DerivedValue

TODAY = date(2026, 11, 30)
FITS = frozenset({"partner", "friend", "family"})
# The test's own small decks: eight cards at each depth, each fitting anyone.
CARDS = tuple(
    Card(
        id=f"demotest-{depth}-{number}",
        theme="knowing",
        depth=depth,
        fits=FITS,
        text=f"A question of depth {depth}, number {number}?",
    )
    for depth in (1, 2, 3)
    for number in range(8)
)


@dataclass
class Built:
    alice: Person
    people: list[str]
    made: SessionsMade
    sessions: list[tuple[DeckSession, SessionContent]]


@pytest.fixture
def built(alice: Person) -> Built:
    people = build_people_and_moments(
        alice.user, alice.vault, people=30, moments=40, years=10, today=TODAY
    )
    made = build_sessions(
        alice.user, alice.vault, people=people, count=300, years=10, today=TODAY, cards=CARDS
    )
    sessions = [
        (row, content_open(alice.vault, row.id, row.content))
        for row in DeckSession.objects.filter(owner=alice.user).order_by("started_at")
    ]
    return Built(alice=alice, people=people, made=made, sessions=sessions)


def test_every_session_ended_and_was_logged_as_its_moment(built: Built) -> None:
    assert (built.made.sessions, built.made.moments, len(built.sessions)) == (300, 300, 300)
    for row, content in built.sessions:
        assert row.state == DeckSession.State.ENDED
        assert row.ended_at is not None and row.ended_at > row.started_at
        assert content.length in PLANNED and 1 <= content.answered <= content.planned
        assert set(content.shown) <= {card.id for card in CARDS}
        assert row.moment is not None
        day = timezone.localtime(row.started_at).date()
        assert row.moment.occurred_on == day <= TODAY
        said = moment_open(built.alice.vault, row.moment.id, row.moment.content)
        assert said.how == LOG_HOW
        assert said.kinds == ("emotional", "intellectual")
        assert said.minutes == max(round((row.ended_at - row.started_at).total_seconds() / 60), 1)
        links = MomentPerson.objects.filter(moment=row.moment).values_list("person_id", flat=True)
        assert list(links) == [row.person_id]
    first = timezone.localtime(built.sessions[0][0].started_at).date()
    assert first < TODAY - timedelta(days=365 * 9)
    # Each person's clock is their latest moment, the sessions' moments included.
    for person in PersonRow.objects.filter(owner=built.alice.user):
        days = MomentPerson.objects.filter(person=person).values_list("occurred_on", flat=True)
        assert person.last_moment_on == max(days, default=None)


def test_the_depth_reached_rises_over_the_years_with_the_closest(built: Built) -> None:
    partner = UUID(built.people[0])
    with_partner = [content.deepest for row, content in built.sessions if row.person_id == partner]
    counts = Counter(row.person_id for row, _ in built.sessions)
    assert counts.most_common(1)[0] == (partner, len(with_partner))  # the partner most often
    third = len(with_partner) // 3
    assert statistics.mean(with_partner[:third]) < statistics.mean(with_partner[-third:])
    assert with_partner[-third:].count(3) > third // 2
    # Some sessions stopped early, some went the whole way.
    assert any(content.answered < content.planned for _, content in built.sessions)
    assert any(content.answered == content.planned for _, content in built.sessions)


def test_the_depth_kept_for_each_person_is_stored_and_right(built: Built) -> None:
    alice = built.alice
    row = DerivedValue.objects.get(owner=alice.user, kind=DEPTH.name, subject=WHOLE_ACCOUNT)
    stored = derived_opened(
        DEPTH, vault=alice.vault, subject=WHOLE_ACCOUNT, version=row.version, content=row.content
    )
    assert stored == DEPTH.compute(alice.user.pk, alice.vault, WHOLE_ACCOUNT)
    expected = {UUID(pid): depth for pid, depth in built.made.deepest.items() if depth}
    assert deepest_by_person(user=alice.user, vault=alice.vault) == expected


def test_the_deck_state_remembers_the_latest_cards_and_a_few_choices(built: Built) -> None:
    row = DeckState.objects.get(owner=built.alice.user)
    state = state_open(built.alice.vault, row.id, row.content)
    shown = [card for _, content in built.sessions for card in content.shown]
    assert set(state.recent) <= set(shown)
    assert state.recent[-1] == shown[-1]
    assert len(state.recent) == min(RECENT_LIMIT, len(set(shown)))
    assert (len(state.favourites), len(state.hidden)) == (7, 3)
    assert not set(state.favourites) & set(state.hidden)
