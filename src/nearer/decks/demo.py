"""Ten years of conversation-deck sessions, for the demo account and the benchmarks.

About 300 sessions with the demo's closest people, every one ended and logged as
a moment. Each is played through the sessions' own pure engine
(``decks.sessions``: the plan, "next", "skip"), so its sealed content has exactly
the shape ``session_services`` writes; only the rows are written in bulk. Early
sessions with someone often stop after a few light cards; over the years, and
with the closest people most, they go further, so the deepest depth reached
rises. The person's deck state ends with the latest cards shown among their
recent draws, a few favourites and a couple of cards they said "Not for me" to.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from uuid import UUID

from django.utils import timezone

from nearer.accounts.models import User
from nearer.decks import state as deck_state
from nearer.decks.catalogue import Card
from nearer.decks.depth import DEPTH
from nearer.decks.models import DeckSession, DeckState
from nearer.decks.selectors import deck_cards
from nearer.decks.session_content import PLANNED, SessionContent, content_seal
from nearer.decks.session_services import LOG_HOW, LOG_KINDS
from nearer.decks.sessions import Deck, finished, fit_for, session_next, session_plan, session_skip
from nearer.decks.state import DeckContent
from nearer.lib.owner import check_vault
from nearer.moments.content import KINDS, MomentContent
from nearer.moments.content import content_seal as moment_seal
from nearer.moments.models import Moment, MomentPerson
from nearer.moments.services import clocks_refresh
from nearer.people.selectors import people_rows
from nearer.vault.box import Vault
from nearer.vault.derived import derived_rebuild

DEFAULT_SEED = 9_300
LENGTH_WEIGHTS = ((10, 4), (20, 4), (45, 2))
SKIP_CHANCE = 0.12
# Who opened up in a session that stayed light (deeper ones: both of us).
OPENED_LIGHTLY = ("both", "me", "them", "neither")


@dataclass(frozen=True)
class SessionsMade:
    """What ``build_sessions`` wrote: sessions (each with its moment) and the deck state."""

    sessions: int
    moments: int
    deepest: dict[str, int]  # person id -> deepest depth reached


def _reach(rng: random.Random, *, progress: float, closest: bool) -> float:
    """How far through its plan a session goes (0–1): further as the years pass, and
    further with the closest people."""
    start, gain = (0.3, 0.75) if closest else (0.15, 0.55)
    return min(1.0, max(0.05, rng.gauss(start + gain * progress, 0.15)))


def _play(
    rng: random.Random, deck: Deck, *, length: int, reach: float
) -> tuple[SessionContent, timedelta]:
    """Play a session through the engine until ``reach`` of its plan is talked
    through (stopping there) or it finishes; return it and the time it took."""
    content = session_plan(length=length, deck=deck, rng=rng)
    per_card = length * 60 / PLANNED[length]
    stop_after = max(1, round(reach * content.planned))
    elapsed = timedelta(0)
    while not finished(content) and content.answered < stop_after:
        if rng.random() < SKIP_CHANCE:
            content = session_skip(content, deck=deck, rng=rng)
        elapsed += timedelta(seconds=per_card * rng.uniform(0.6, 1.4))
        content = session_next(content, deck=deck, elapsed=elapsed, rng=rng)
    return content, elapsed


def build_sessions(
    user: User,
    vault: Vault,
    *,
    people: Sequence[str],
    count: int = 300,
    years: int = 10,
    today: date | None = None,
    cards: Sequence[Card] | None = None,
    seed: int = DEFAULT_SEED,
) -> SessionsMade:
    """Write ``count`` ended, logged sessions with some of ``people`` (ids, closest
    first) over ``years`` before ``today``, and the deck state they leave; return what
    was made. ``cards`` defaults to the decks' own. Call inside a transaction.

    The sessions' moments skip ``moment_create``, which counts who opened up: the
    caller recounts (``moments.openness.openness_rebuild``) once after its bulk parts,
    as ``nearer.demo`` does.
    """
    check_vault(user, vault)
    if not people or count <= 0:
        return SessionsMade(0, 0, {})
    rng = random.Random(seed)  # noqa: S311 - made-up demo data, repeatable on purpose
    end = today or timezone.localdate()
    span = max(1, round(365.25 * years))
    pool = tuple(cards if cards is not None else deck_cards())
    index = people_rows(user=user, vault=vault, include_archived=True)
    # The partner and the inner circle come first: most sessions are with them.
    weights = [10.0 if n == 0 else 3.0 if n < 9 else 0.5 for n in range(len(people))]
    lengths = [length for length, _ in LENGTH_WEIGHTS]
    state = DeckContent()
    sessions: list[DeckSession] = []
    moments: list[Moment] = []
    links: list[MomentPerson] = []
    deepest: dict[str, int] = {}
    zone = timezone.get_current_timezone()
    for offset in sorted(rng.randrange(span) for _ in range(count)):
        day = end - timedelta(days=span - offset)
        pid = rng.choices(people, weights=weights)[0]
        person = index.get(pid)
        deck = Deck(
            cards=pool,
            recent=state.recent,
            hidden=state.hidden,
            opt_ins=state.opt_ins,
            fit=fit_for(person.relationship) if person is not None else None,
        )
        length = rng.choices(lengths, weights=[w for _, w in LENGTH_WEIGHTS])[0]
        reach = _reach(rng, progress=offset / span, closest=people.index(pid) < 9)
        content, took = _play(rng, deck, length=length, reach=reach)
        for card_id in content.shown:  # the engine remembers each card shown as a draw
            state = state.drawn(card_id)
        started = datetime.combine(day, time(rng.randint(17, 21), rng.randrange(60)), zone)
        session = DeckSession(
            owner=user,
            person_id=UUID(pid),
            state=DeckSession.State.ENDED,
            started_at=started,
            ended_at=started + took,
        )
        session.content = content_seal(vault, session.id, content)
        # Logged in one tap, as session_log makes it: in person, for the minutes it took.
        moment = Moment(owner=user, occurred_on=day)
        moment.content = moment_seal(
            vault,
            moment.id,
            MomentContent(
                how=LOG_HOW,
                minutes=max(round(took.total_seconds() / 60), 1),
                kinds=tuple(key for key, _ in KINDS if key in LOG_KINDS),  # moment_create's order
                opened_up="both" if content.deepest >= 2 else rng.choice(OPENED_LIGHTLY),
            ),
        )
        session.moment = moment
        sessions.append(session)
        moments.append(moment)
        links.append(MomentPerson(moment=moment, person_id=UUID(pid), occurred_on=day))
        deepest[pid] = max(deepest.get(pid, 0), content.deepest)
    Moment.objects.bulk_create(moments, batch_size=500)
    MomentPerson.objects.bulk_create(links, batch_size=500)
    DeckSession.objects.bulk_create(sessions, batch_size=500)
    clocks_refresh(user=user, person_ids={link.person_id for link in links})
    _keep_state(user, vault, rng, state, pool)
    # Sessions ended past session_services: the depth reached with each person, again.
    derived_rebuild(DEPTH, user=user, vault=vault)
    return SessionsMade(sessions=len(sessions), moments=len(moments), deepest=deepest)


def _keep_state(
    user: User, vault: Vault, rng: random.Random, state: DeckContent, pool: Sequence[Card]
) -> None:
    """Save the deck state the sessions leave, with a few favourites and hidden cards."""
    chosen = rng.sample(list(pool), k=min(len(pool), 10))
    for card in chosen[:7]:
        state = state.favourite(card.id, on=True)
    for card in chosen[7:]:
        state = state.hide(card.id, on=True)
    row = DeckState.objects.filter(owner=user).first() or DeckState(owner=user)
    row.content = deck_state.content_seal(vault, row.id, state)
    row.save()
