"""Reads for deck sessions, always scoped to the requesting user: another account's
session is a 404 by construction. A read never writes."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.http import Http404

from nearer.accounts.models import User
from nearer.decks.catalogue import Card
from nearer.decks.models import DeckSession
from nearer.decks.selectors import card_get
from nearer.decks.session_content import SessionContent, content_open
from nearer.lib.private import QuietRepr
from nearer.people.selectors import people_index, people_named
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

logger = logging.getLogger(__name__)

# The sessions list shows the ones going on and this many ended ones.
RECENT_ENDED = 20
UNKNOWN_NAME = "someone no longer in People"


@dataclass(frozen=True, slots=True, repr=False)
class SessionView(QuietRepr):
    """One session as its pages show it; ``content`` None when it won't open."""

    id: UUID
    person_id: UUID
    person_name: str
    active: bool
    started_at: datetime
    ended_at: datetime | None
    moment_id: UUID | None
    content: SessionContent | None

    @property
    def card(self) -> Card | None:
        """The card on the table, if the decks still have it."""
        if self.content is None or self.content.current is None:
            return None
        return card_get(self.content.current)


def _view(vault: Vault, row: DeckSession, name: str) -> SessionView:
    try:
        content: SessionContent | None = content_open(vault, row.id, row.content)
    except SealError:
        logger.warning("deck session %s did not open", row.id)
        content = None
    return SessionView(
        id=row.id,
        person_id=row.person_id,
        person_name=name,
        active=row.state == DeckSession.State.ACTIVE,
        started_at=row.started_at,
        ended_at=row.ended_at,
        moment_id=row.moment_id,
        content=content,
    )


def session_get(*, user: User, vault: Vault, session_id: UUID) -> SessionView:
    """Return one of ``user``'s sessions; Http404 for anyone else's id or none."""
    row = DeckSession.objects.filter(owner=user, id=session_id).first()
    if row is None:
        raise Http404("No such session.")
    named = people_named(user=user, vault=vault, person_ids=[str(row.person_id)])
    person = named.get(str(row.person_id))
    return _view(vault, row, UNKNOWN_NAME if person is None else person.display_name)


def sessions_for(*, user: User, vault: Vault) -> tuple[list[SessionView], list[SessionView]]:
    """Return ``user``'s sessions going on and their latest ``RECENT_ENDED`` ended
    ones, newest first each."""
    mine = DeckSession.objects.filter(owner=user)
    active = list(mine.filter(state=DeckSession.State.ACTIVE))
    ended = list(mine.filter(state=DeckSession.State.ENDED)[:RECENT_ENDED])
    if not active and not ended:
        return [], []
    people = people_index(user=user, vault=vault, include_archived=True)

    def name(row: DeckSession) -> str:
        person = people.get(str(row.person_id))
        return UNKNOWN_NAME if person is None else person.display_name

    return (
        [_view(vault, row, name(row)) for row in active],
        [_view(vault, row, name(row)) for row in ended],
    )
