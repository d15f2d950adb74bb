"""Writes of a conversation-deck session run by the two partners together.

The cards, their deepening and the choice of each card are the decks' own
(``decks.sessions``: ``session_plan``, ``session_next``, ``session_skip``), with
cards for partners; the turn passes from one partner to the other at each card
talked through ("me" in the decks' shape is whoever started). Either partner
may take a step from their own device: the session's row is locked, and a step
carries the card it was shown with, so two clicks at once (or one on each
device) move one card, and two "Stop here" at once end the session once.

Ending a session logs it as a moment for both (``services.shared_moment_add``):
in the ender's own moments at once, in the other's at their next visit.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from nearer.accounts.models import User
from nearer.decks.deck import SYSTEM_RANDOM
from nearer.decks.selectors import deck_cards
from nearer.decks.session_content import PLANNED, SessionContent
from nearer.decks.session_services import LOG_KINDS, STEPS, Step
from nearer.decks.sessions import Deck, finished, session_next, session_plan, session_skip
from nearer.lib.owner import check_vault
from nearer.rituals.content import Shared, SpaceLike, deck_open, deck_seal
from nearer.rituals.models import PairDeckSession
from nearer.rituals.services import SpaceEnded, pair_lock, shared_moment_add
from nearer.vault.box import Vault

__all__ = ["SpaceEnded", "pair_session_start", "pair_session_step"]


def _deck() -> Deck:
    # The pair's own deck: cards for partners, no opt-in theme (neither chose one
    # here), nothing hidden: each person's hidden cards are their own to keep.
    return Deck(cards=deck_cards(), fit="partner")


@transaction.atomic
def pair_session_start(
    *,
    user: User,
    space: SpaceLike,
    length: int,
    now: datetime | None = None,
    rng: random.Random = SYSTEM_RANDOM,
) -> PairDeckSession:
    """Start a session of ``length`` minutes for the pair, ``user`` asking first, and
    return it; a session already going on is returned instead (one at a time).
    ValidationError for a length not offered; SpaceEnded."""
    if length not in PLANNED:
        raise ValidationError({"length": ["Choose 10, 20 or 45 minutes."]})
    pair_lock(user, space)
    going = PairDeckSession.objects.filter(
        pair_id=space.pair_id, state=PairDeckSession.State.ACTIVE
    ).first()
    if going is not None:
        return going
    session = PairDeckSession(
        pair_id=space.pair_id, started_by=user, started_at=now or timezone.now()
    )
    session.content = deck_seal(
        space.box, session.id, session_plan(length=length, deck=_deck(), rng=rng)
    )
    session.save(force_insert=True)
    return session


def _end(
    user: User,
    vault: Vault,
    space: SpaceLike,
    session: PairDeckSession,
    content: SessionContent,
    now: datetime,
    today: date | None,
) -> None:
    session.state = PairDeckSession.State.ENDED
    session.ended_at = now
    session.content = deck_seal(space.box, session.id, content)
    session.save(update_fields=["state", "ended_at", "content"])
    minutes = max(round((now - session.started_at).total_seconds() / 60), 1)
    day = today or timezone.localdate(now)
    shared_moment_add(
        user=user,
        vault=vault,
        space=space,
        day=day,
        shared=Shared(kinds=LOG_KINDS, minutes=minutes, source="deck"),
    )


@transaction.atomic
def pair_session_step(
    *,
    user: User,
    vault: Vault,
    space: SpaceLike,
    session_id: UUID,
    step: Step,
    answered: int,
    card_id: str,
    now: datetime | None = None,
    today: date | None = None,
    rng: random.Random = SYSTEM_RANDOM,
) -> PairDeckSession:
    """Take one step of the pair's session ("next", "skip" or "stop") and return it.

    A step whose ``answered`` and ``card_id`` are not the session's now (the other
    partner moved it, a second click) or a session already ended changes nothing.
    The last planned card, or "stop", ends it and logs it as a moment for both.
    ``today``: the day on the person's own clock, the moment's day.
    Http404 for a session not of this pair; SealError if it won't open; SpaceEnded.
    """
    check_vault(user, vault)
    if step not in STEPS:
        raise ValueError(f"no step {step!r}")
    now = now or timezone.now()
    pair_lock(user, space)
    session = (
        PairDeckSession.objects.select_for_update()
        .filter(pair_id=space.pair_id, id=session_id)
        .first()
    )
    if session is None:
        raise Http404("No such session.")
    if session.state != PairDeckSession.State.ACTIVE:
        return session
    content = deck_open(space.box, session.id, session.content)
    if answered != content.answered or card_id != (content.current or ""):
        return session
    if step == "stop":
        _end(user, vault, space, session, content, now, today)
        return session
    if step == "next":
        elapsed = max(now - session.started_at, timedelta(0))
        content = session_next(content, deck=_deck(), elapsed=elapsed, rng=rng)
    else:
        content = session_skip(content, deck=_deck(), rng=rng)
    if finished(content):
        _end(user, vault, space, session, content, now, today)
        return session
    session.content = deck_seal(space.box, session.id, content)
    session.save(update_fields=["content"])
    return session
