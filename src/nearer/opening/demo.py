"""Ten years of opening up, for the demo account and the benchmarks.

About 150 shares with the demo's closest people: most shared and reflected on, a
few shared and waiting for a reflection, a few still being prepared (one of them
for weeks, so the list's gentle word shows) and a couple let go. Anxiety before
is usually higher than after, with a realistic spread and a few that went worse;
the other often opened up in return.

Each share is sealed exactly as ``opening.services`` seals it (``ShareContent``
through ``content_seal``) and a shared one has its moment (emotional, "I opened
up", or "we both did" when they reciprocated) and, once reflected on, a closeness
rating of each of its people on the day of the reflection — but written with bulk
inserts, since the services' one-by-one path with its locks would be slower.
The words come from our own small phrase banks; the same seed gives the same shares.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from uuid import UUID

from django.utils import timezone

from nearer.accounts.models import User
from nearer.lib.owner import check_vault
from nearer.moments.content import MomentContent
from nearer.moments.content import content_seal as moment_seal
from nearer.moments.models import Moment, MomentPerson
from nearer.moments.services import clocks_refresh
from nearer.opening.content import (
    ANXIETY_MAX,
    ANXIETY_MIN,
    RECEPTION_LABELS,
    ShareContent,
    content_seal,
)
from nearer.opening.models import Share
from nearer.opening.selectors import WAITED_DAYS
from nearer.opening.services import MOMENT_KINDS
from nearer.people.days import rating_seal
from nearer.people.models import ClosenessRating
from nearer.people.ratings import SUMMARY as RATINGS_SUMMARY
from nearer.vault.box import Vault
from nearer.vault.derived import derived_rebuild

DEFAULT_SEED = 9_150

TEXTS = (
    "I've been pretending the new job is fine. It isn't, and I'm scared I chose wrong.",
    "I miss how we used to talk on Sunday mornings, and I'd like us to find that again.",
    "When you cancel at the last minute I feel like I don't matter much to you.",
    "I've been seeing a counsellor since spring. I wanted you to hear it from me.",
    "I still think about the year Dad was ill, and how alone I felt in it.",
    "I'm proud of you and I never say it. I want to say it properly this time.",
    "Money has been tight for months and I've been too ashamed to mention it.",
    "I get jealous when you spend every weekend with the climbing crowd.",
    "I want children one day, and I'm afraid of what you'll say.",
    "The argument at the wedding still hurts. I'd like to understand your side.",
    "I've felt low for weeks, not sad exactly, just far away from everything.",
    "I'm sorry for how I left things last winter. I was wrong about the flat.",
    "I'd love more help with the house; I'm tired, and I've been keeping score.",
    "Sometimes I feel I'm not as clever as everyone else in the family.",
    "I want to move closer to Mum, and I don't know how to ask you to come.",
    "I need a little more time alone in the evenings; it isn't about you.",
)
FEARS = (
    "That they'll think less of me.",
    "That it will turn into an argument.",
    "That they'll be hurt and go quiet.",
    "That I'll cry and not be able to finish.",
    "That they'll laugh it off.",
    "That it changes how they see me.",
    "",
)
HOPES = (
    "That they'll understand, even if nothing changes.",
    "That we'll feel closer afterwards.",
    "That I'll stop carrying this on my own.",
    "That they'll tell me how it is for them, too.",
    "Just to have said it.",
    "",
)
NOTES_KIND = (
    "They listened all the way through and then hugged me.",
    "They said they had wondered, and were glad I told them.",
    "We talked for two hours. I felt lighter on the walk home.",
    "They told me something of their own I never knew.",
    "",
    "",
)
NOTES_HARD = (
    "They went quiet. We're talking again now, slowly.",
    "It came out wrong and we both got defensive.",
    "They needed a few days; it was hard to wait.",
)
LET_GO_NOTES = (
    "It matters less than I thought; I've made my peace with it.",
    "",
)
KIND_RECEPTIONS = ("listened", "understood", "kind", "grateful")
HOWS_WEIGHTED = (("in_person", 6), ("call", 2), ("video", 1), ("message", 1), ("letter", 1))


@dataclass(frozen=True)
class SharesMade:
    """What ``build_shares`` wrote: shares by state and the moments they made."""

    shares: int
    reflected: int
    shared: int
    preparing: int
    let_go: int
    moments: int


def _clip(value: float) -> int:
    return max(ANXIETY_MIN, min(ANXIETY_MAX, round(value)))


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(
        day, time(rng.randint(7, 22), rng.randrange(60)), tzinfo=timezone.get_current_timezone()
    )


def _with_whom(rng: random.Random, people: Sequence[str]) -> tuple[str, ...]:
    # The first people are the closest (the partner, then the inner circle): most
    # shares are with them; now and then with two people at once (a parent and a sibling).
    weights = [12.0 if n == 0 else 4.0 if n < 9 else 1.0 for n in range(len(people))]
    company = rng.choices(people, weights=weights, k=2 if rng.random() < 0.12 else 1)
    return tuple(sorted(dict.fromkeys(company)))


def _prepared(rng: random.Random, people: Sequence[str], progress: float) -> ShareContent:
    # Practice helps a little: anxiety before drifts down over the years.
    before = _clip(rng.gauss(7.2 - 1.5 * progress, 1.6))
    return ShareContent(
        text=rng.choice(TEXTS),
        people=_with_whom(rng, people),
        fear=rng.choice(FEARS),
        hope=rng.choice(HOPES),
        anxiety_before=before if rng.random() < 0.95 else None,
    )


def _reflected(rng: random.Random, content: ShareContent) -> ShareContent:
    before = content.anxiety_before if content.anxiety_before is not None else 6
    worse = rng.random() < 0.1  # a few went worse than feared
    if worse:
        after = _clip(before + rng.randint(0, 3))
        reception = tuple(sorted(rng.sample(("hard", "needed_time"), rng.randint(1, 2))))
        note = rng.choice(NOTES_HARD)
    else:
        after = _clip(before - max(0.0, rng.gauss(3.0, 1.8)))
        reception = tuple(sorted(rng.sample(KIND_RECEPTIONS, rng.randint(1, 3))))
        note = rng.choice(NOTES_KIND)
    reciprocated = rng.choices(("yes", "no", ""), weights=(6, 3, 1))[0]
    closeness = rng.randint(2, 4) if worse else rng.randint(4, 7)
    return dataclasses.replace(
        content,
        # In the order of RECEPTIONS, as share_reflect keeps them.
        reception=tuple(key for key in RECEPTION_LABELS if key in reception),
        reception_note=note,
        anxiety_after=after if rng.random() < 0.97 else None,
        closeness_after=closeness if rng.random() < 0.9 else None,
        reciprocated=reciprocated,
    )


def _plan(rng: random.Random, count: int) -> list[str]:
    """Return the state of each share, oldest first: the last few are the open ones."""
    preparing = max(1, round(count * 0.03))
    shared = max(1, round(count * 0.08))
    let_go = max(1, round(count * 0.015))
    reflected = max(0, count - preparing - shared - let_go)
    older = ["reflected"] * reflected + ["let_go"] * let_go
    rng.shuffle(older)
    # Shared-but-not-reflected ones are recent; preparing ones are the newest.
    return older + ["shared"] * shared + ["preparing"] * preparing


def build_shares(
    user: User,
    vault: Vault,
    *,
    people: Sequence[str],
    count: int = 150,
    years: int = 10,
    today: date | None = None,
    seed: int = DEFAULT_SEED,
) -> SharesMade:
    """Write ``count`` shares with some of ``people`` (ids, closest first) over ``years``
    before ``today``; return what was made. Call inside a transaction.

    The shares' moments skip ``moment_create``, which counts who opened up: the caller
    recounts (``moments.openness.openness_rebuild``) once after its bulk parts, as
    ``nearer.demo`` does (each recount opens every moment: 0.8 s for 20,000).
    """
    check_vault(user, vault)
    end = today or timezone.localdate()
    if not people or count <= 0:
        return SharesMade(0, 0, 0, 0, 0, 0)
    rng = random.Random(seed)  # noqa: S311 - made-up demo data, repeatable on purpose
    span = max(1, round(365.25 * years))
    states = _plan(rng, count)
    days = sorted(rng.sample(range(span), k=min(span, len(states))))
    shares: list[Share] = []
    moments: list[Moment] = []
    links: list[MomentPerson] = []
    ratings: list[ClosenessRating] = []
    stamps: dict[UUID, tuple[datetime, datetime]] = {}
    open_states = [n for n, state in enumerate(states) if state in ("shared", "preparing")]
    for number, (state, offset) in enumerate(zip(states, days, strict=False)):
        made = end - timedelta(days=span - offset)
        if number in open_states:
            # The open ones are recent: a week or two ago, and one waiting for weeks.
            waited = states[number] == "preparing" and number == open_states[-1]
            made = end - timedelta(days=WAITED_DAYS + 12 if waited else rng.randint(1, 14))
        content = _prepared(rng, people, offset / span)
        share = Share(owner=user, state=state)
        created = _at(made, rng)
        updated = created
        if state in ("shared", "reflected"):
            share.shared_on = min(end, made + timedelta(days=rng.randint(0, 21)))
            how = rng.choices([key for key, _ in HOWS_WEIGHTED], [w for _, w in HOWS_WEIGHTED])
            content = dataclasses.replace(content, how=how[0])
            updated = _at(share.shared_on, rng)
        if state == "reflected":
            assert share.shared_on is not None  # noqa: S101 - set just above
            content = _reflected(rng, content)
            reflected_on = min(end, share.shared_on + timedelta(days=rng.randint(0, 6)))
            updated = _at(reflected_on, rng)
            if content.closeness_after is not None:
                for pid in content.people:
                    rating = ClosenessRating(owner=user, person_id=pid, rated_on=reflected_on)
                    rating.content = rating_seal(vault, rating.id, content.closeness_after)
                    ratings.append(rating)
        if state == "let_go":
            content = dataclasses.replace(content, let_go_note=rng.choice(LET_GO_NOTES))
        if share.shared_on is not None:
            # The moment the service makes when a share is marked shared.
            moment = Moment(owner=user, occurred_on=share.shared_on)
            moment.content = moment_seal(
                vault,
                moment.id,
                MomentContent(
                    how=content.how,
                    kinds=MOMENT_KINDS,
                    opened_up="both" if content.reciprocated == "yes" else "me",
                ),
            )
            moments.append(moment)
            links.extend(
                MomentPerson(moment=moment, person_id=UUID(pid), occurred_on=share.shared_on)
                for pid in content.people
            )
            share.moment = moment
        share.content = content_seal(vault, share.id, content)
        shares.append(share)
        stamps[share.id] = (created, updated)
    Moment.objects.bulk_create(moments)
    MomentPerson.objects.bulk_create(links)
    Share.objects.bulk_create(shares)
    # created_at and updated_at are set by Django on insert (auto_now_add, auto_now);
    # the demo's shares were made over the years, so their stamps are written after.
    for share in shares:
        share.created_at, share.updated_at = stamps[share.id]
    Share.objects.bulk_update(shares, ["created_at", "updated_at"], batch_size=500)
    ClosenessRating.objects.bulk_create(ratings, batch_size=500)
    clocks_refresh(user=user, person_ids={link.person_id for link in links})
    # Ratings written past closeness_rate: their people's sealed summaries are made again.
    for person_id in sorted({rating.person_id for rating in ratings}, key=str):
        derived_rebuild(RATINGS_SUMMARY, user=user, vault=vault, subject=person_id)
    return SharesMade(
        shares=len(shares),
        reflected=states.count("reflected"),
        shared=states.count("shared"),
        preparing=states.count("preparing"),
        let_go=states.count("let_go"),
        moments=len(moments),
    )
