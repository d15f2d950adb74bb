"""Writes for a deck session with one person: start, a step (next, skip, stop), log.

Each takes the person's user and unlocked vault. A step locks the session row,
so two clicks of "Next card" at once are taken one after the other; each carries
the card it was shown with (its count of cards talked through and the card's
id), and a step whose card is no longer the one on the table changes nothing,
so a second click never skips a card. Cards shown are remembered among the
person's recent draws (their DeckState), like a draw.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from nearer.accounts.models import User
from nearer.decks.deck import SYSTEM_RANDOM
from nearer.decks.depth import depth_session_ended
from nearer.decks.models import DeckSession
from nearer.decks.selectors import deck_cards
from nearer.decks.services import deck_state_change
from nearer.decks.session_content import PLANNED, SessionContent, content_open, content_seal
from nearer.decks.sessions import Deck, finished, fit_for, session_next, session_plan, session_skip
from nearer.decks.state import DeckContent
from nearer.lib.owner import check_vault
from nearer.moments.models import Moment
from nearer.moments.services import moment_create
from nearer.people.selectors import person_get
from nearer.vault.box import Vault

Step = Literal["next", "skip", "stop"]
STEPS: tuple[Step, ...] = ("next", "skip", "stop")
# What a logged session says of itself unless the person changes it.
LOG_KINDS: tuple[str, ...] = ("intellectual", "emotional")
LOG_HOW = "in_person"


def _with_deck(
    user: User,
    vault: Vault,
    fit: str | None,
    move: Callable[[Deck], SessionContent],
) -> SessionContent:
    """Run ``move`` with the person's deck, under their DeckState's row lock, and
    remember the card it puts on the table among their recent draws."""
    moved: list[SessionContent] = []

    def change(state: DeckContent) -> DeckContent:
        deck = Deck(
            cards=deck_cards(),
            recent=state.recent,
            hidden=state.hidden,
            opt_ins=state.opt_ins,
            fit=fit,
        )
        content = move(deck)
        moved.append(content)
        return state if content.current is None else state.drawn(content.current)

    deck_state_change(user, vault, change)
    return moved[0]


def _fit(user: User, vault: Vault, person_id: UUID) -> str | None:
    return fit_for(person_get(user=user, vault=vault, person_id=person_id).details.relationship)


def session_start(
    *,
    user: User,
    vault: Vault,
    person_id: UUID,
    length: int,
    start_id: UUID | None = None,
    now: datetime | None = None,
    rng: random.Random = SYSTEM_RANDOM,
) -> DeckSession:
    """Start a session of ``length`` minutes with one of ``user``'s people, its first
    card on the table; return it. ValidationError (nothing saved) for a length not
    offered or a person who is not theirs, or archived.

    ``start_id`` (the start form's own id, made when the form was shown) becomes the
    session's id, so the same form sent twice (a double tap, or Back and send again)
    starts one session: the second finds it and returns it. Two sent at once both
    get past the first look; the primary key lets one insert in, and the other's
    whole transaction (its card remembered too) is rolled back before it returns the
    first one's session.
    """
    if start_id is not None:
        started = DeckSession.objects.filter(owner=user, id=start_id).first()
        if started is not None:
            return started
    try:
        return _session_start(
            user=user,
            vault=vault,
            person_id=person_id,
            length=length,
            start_id=start_id,
            now=now,
            rng=rng,
        )
    except IntegrityError:
        started = (
            None
            if start_id is None
            else DeckSession.objects.filter(owner=user, id=start_id).first()
        )
        if started is None:  # another person's id: not theirs to reuse
            raise ValidationError(
                "That form was already used. Please start again.", code="start"
            ) from None
        return started


@transaction.atomic
def _session_start(
    *,
    user: User,
    vault: Vault,
    person_id: UUID,
    length: int,
    start_id: UUID | None,
    now: datetime | None,
    rng: random.Random,
) -> DeckSession:
    check_vault(user, vault)
    if length not in PLANNED:
        raise ValidationError("Choose 10, 20 or 45 minutes.", code="length")
    try:
        person = person_get(user=user, vault=vault, person_id=person_id)
    except Http404:
        raise ValidationError("Choose one of your people.", code="person") from None
    if person.archived:
        raise ValidationError("Choose one of your people.", code="person")
    fit = fit_for(person.details.relationship)
    content = _with_deck(
        user, vault, fit, lambda deck: session_plan(length=length, deck=deck, rng=rng)
    )
    session = DeckSession(owner=user, person_id=person.id, started_at=now or timezone.now())
    if start_id is not None:
        session.id = start_id
    session.content = content_seal(vault, session.id, content)
    session.save(force_insert=True)
    return session


def _locked(user: User, session_id: UUID) -> DeckSession:
    """The session, locked until the transaction ends; DoesNotExist unless ``user``'s."""
    return DeckSession.objects.select_for_update().get(owner=user, id=session_id)


def _end(
    user: User, vault: Vault, session: DeckSession, content: SessionContent, now: datetime
) -> None:
    session.state = DeckSession.State.ENDED
    session.ended_at = now
    session.content = content_seal(vault, session.id, content)
    session.save(update_fields=["state", "ended_at", "content"])
    depth_session_ended(
        user=user, vault=vault, person_id=session.person_id, deepest=content.deepest
    )


@transaction.atomic
def session_step(
    *,
    user: User,
    vault: Vault,
    session_id: UUID,
    step: Step,
    answered: int,
    card_id: str,
    now: datetime | None = None,
    rng: random.Random = SYSTEM_RANDOM,
) -> DeckSession:
    """Take one step of ``user``'s session and return it: "next" (the card was talked
    through), "skip" (another card of the same depth) or "stop" (end here).

    ``answered`` and ``card_id`` are what the page showed; when they are not the
    session's now (a second click, an old tab) or the session has ended, nothing
    changes. The last planned "next" ends the session. DeckSession.DoesNotExist
    for a session that is not ``user``'s; SealError if its content won't open.
    """
    check_vault(user, vault)
    if step not in STEPS:
        raise ValueError(f"no step {step!r}")
    now = now or timezone.now()
    session = _locked(user, session_id)
    if session.state != DeckSession.State.ACTIVE:
        return session
    content = content_open(vault, session.id, session.content)
    if answered != content.answered or card_id != (content.current or ""):
        return session
    if step == "stop":
        _end(user, vault, session, content, now)
        return session
    fit = _fit(user, vault, session.person_id)
    elapsed = max(now - session.started_at, timedelta(0))
    if step == "next":
        content = _with_deck(
            user,
            vault,
            fit,
            lambda deck: session_next(content, deck=deck, elapsed=elapsed, rng=rng),
        )
    else:
        content = _with_deck(
            user, vault, fit, lambda deck: session_skip(content, deck=deck, rng=rng)
        )
    if finished(content):
        _end(user, vault, session, content, now)
        return session
    session.content = content_seal(vault, session.id, content)
    session.save(update_fields=["content"])
    return session


@transaction.atomic
def session_log(
    *,
    user: User,
    vault: Vault,
    session_id: UUID,
    occurred_on: date,
    opened_up: str = "both",
    kinds: tuple[str, ...] = LOG_KINDS,
) -> Moment:
    """Log ``user``'s ended session as a moment with its person (in person, for the
    minutes it took) and link it; return the moment. A session already logged
    returns its moment and makes no other. ValidationError (nothing saved) for a
    session still going on or a bad answer; DeckSession.DoesNotExist if not theirs.
    """
    check_vault(user, vault)
    session = _locked(user, session_id)
    if session.moment_id is not None:
        return Moment.objects.get(owner=user, id=session.moment_id)
    if session.state != DeckSession.State.ENDED or session.ended_at is None:
        raise ValidationError("This session is still going on.", code="active")
    minutes = max(round((session.ended_at - session.started_at).total_seconds() / 60), 1)
    moment = moment_create(
        user=user,
        vault=vault,
        occurred_on=occurred_on,
        person_ids=[session.person_id],
        how=LOG_HOW,
        minutes=minutes,
        kinds=kinds,
        opened_up=opened_up,
    )
    session.moment = moment
    session.save(update_fields=["moment"])
    return moment
