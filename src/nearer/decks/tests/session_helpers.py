"""Helpers for the session tests: a deck of the tests' own cards at every depth, and
a person to talk with."""

from __future__ import annotations

import pytest

from nearer.conftest import Person
from nearer.decks import selectors
from nearer.decks.catalogue import Card
from nearer.decks.models import DeckSession
from nearer.decks.session_content import SessionContent, content_open
from nearer.decks.session_services import Step, session_step
from nearer.people.content import PersonDetails
from nearer.people.models import Person as PersonRow
from nearer.people.services import person_create


def session_cards(count: int, *, depth: int, fits: frozenset[str]) -> tuple[Card, ...]:
    fit = "-".join(sorted(fits))
    return tuple(
        Card(
            id=f"sess-{fit}-{depth}-{number:02d}",
            theme="memories",
            depth=depth,
            fits=fits,
            text=f"Session question {fit} {depth} number {number}?",
        )
        for number in range(count)
    )


FRIENDS = frozenset({"friend"})
PARTNERS = frozenset({"partner"})
# Ten friend cards and five partner cards at each depth, two opt-in ones at depth 1.
SESSION_DECK = (
    *(card for depth in (1, 2, 3) for card in session_cards(10, depth=depth, fits=FRIENDS)),
    *(card for depth in (1, 2, 3) for card in session_cards(5, depth=depth, fits=PARTNERS)),
    Card(id="sess-touch-1", theme="touch", depth=1, fits=FRIENDS, text="Touch question one?"),
    Card(id="sess-touch-2", theme="touch", depth=1, fits=FRIENDS, text="Touch question two?"),
)
CARDS_BY_ID = {card.id: card for card in SESSION_DECK}


@pytest.fixture
def session_deck(monkeypatch: pytest.MonkeyPatch) -> tuple[Card, ...]:
    """Sessions draw from SESSION_DECK instead of the real cards; return it."""
    monkeypatch.setattr(selectors, "_catalogue", lambda: SESSION_DECK)
    return SESSION_DECK


def friend_of(owner: Person, name: str = "Marguerite Fieldfare") -> PersonRow:
    details = PersonDetails(name=name, relationship="friend")
    return person_create(user=owner.user, vault=owner.vault, details=details)


def opened(owner: Person, session: DeckSession) -> SessionContent:
    session.refresh_from_db()
    return content_open(owner.vault, session.id, session.content)


def press(owner: Person, session: DeckSession, step: Step) -> DeckSession:
    """Press ``step`` on the session's page as it stands now."""
    content = opened(owner, session)
    return session_step(
        user=owner.user,
        vault=owner.vault,
        session_id=session.id,
        step=step,
        answered=content.answered,
        card_id=content.current or "",
    )
