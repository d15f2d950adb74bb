"""The demo's partner: a second account ("Sam") paired with the demo person, with
two years of daily questions and weekly check-ins, and a few moments together.

Pairing goes through Together's own services (an invite made and accepted). The
past days' answers and weeks' check-ins are written here in bulk, sealed with
the pair's key as the services seal them (the services take only today's
question and this week's check-in); the moments together go through the
service, so the demo's next login brings them into its own moments.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from nearer.accounts.models import User
from nearer.accounts.services import user_sign_up
from nearer.rituals.content import Answer, Part, answer_seal, part_seal
from nearer.rituals.models import CheckinPart, CheckinWeek, DailyAnswer
from nearer.rituals.questions import question_for
from nearer.rituals.services import checkin_day_set, shared_moment_log, week_of
from nearer.together.services import invite_accept, invite_create, pair_refresh
from nearer.together.space import Space, space_open
from nearer.vault.box import Vault

PARTNER_NAME = "Sam"

_OPENINGS = (
    "Honestly,",
    "I think",
    "Today it would be",
    "Probably",
    "If I'm truthful,",
    "Something small:",
    "This made me smile —",
    "I keep coming back to",
)
_MIDDLES = (
    "the walk we took by the river",
    "having an unhurried breakfast together",
    "the way you laugh at your own jokes",
    "feeling more settled at work",
    "the letter from my grandmother",
    "the smell of the bakery on the corner",
    "finally fixing the bike",
    "how calm you were when I was worried",
    "the song we heard in the car",
    "a quiet evening with nothing planned",
)
_ENDINGS = (
    ".",
    ", and I'd like more of that.",
    ", if I'm allowed two.",
    " — I hadn't thought about it until now.",
    ". Thank you for asking.",
)
_APPRECIATIONS = (
    "You made dinner when I was late three nights running.",
    "You listened on Tuesday without trying to fix it.",
    "You remembered my appointment and texted me after.",
    "You made the weekend feel easy.",
)
_WENT_WELL = (
    "We talked things through instead of going quiet.",
    "We had two evenings just for us.",
    "The move of the sofa went without a single argument.",
    "We both slept better.",
)
_HARD = (
    "Work ate most of my evenings.",
    "I felt a little far away on Thursday.",
    "Money talk is still hard for me.",
    "",
)
_WISHES = (
    "A long walk on Saturday morning.",
    "Phones away at dinner.",
    "Cooking something new together.",
    "An early night or two.",
)


@dataclass(frozen=True)
class PartnerMade:
    username: str
    password: str
    days: int
    answers: int
    weeks: int
    moments: int


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(_OPENINGS)} {rng.choice(_MIDDLES)}{rng.choice(_ENDINGS)}"


def _answers(
    space: Space, user_ids: tuple[int, int], *, days: int, today: date, rng: random.Random
) -> int:
    """Two years of days before today: on most both answered, on some one of them,
    on a few neither (no streaks, no gaps filled in)."""
    rows: list[DailyAnswer] = []
    for back in range(days, 0, -1):
        day = today - timedelta(days=back)
        question = question_for(pair_id=space.pair_id, day=day).id
        roll = rng.random()
        who: tuple[int, ...] = (
            user_ids if roll < 0.8 else (user_ids[:1] if roll < 0.88 else user_ids[1:])
        )
        if roll > 0.95:
            who = ()
        for user_id in who:
            row = DailyAnswer(pair_id=space.pair_id, author_id=user_id, day=day)
            both = len(who) == 2
            row.content = answer_seal(
                space.box,
                row.id,
                Answer(
                    question=question,
                    answer=_sentence(rng),
                    reaction=rng.choice(("warm", "laugh", "same", "think", "")) if both else "",
                    reply=rng.choice(("Me too.", "I love that.", "", "", "Tell me more tonight."))
                    if both
                    else "",
                ),
            )
            rows.append(row)
    DailyAnswer.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def _checkins(
    space: Space, user_ids: tuple[int, int], *, weeks: int, today: date, rng: random.Random
) -> int:
    """A check-in most weeks before this one, both parts prepared in most."""
    monday = week_of(today)
    made = 0
    week_rows: list[CheckinWeek] = []
    part_rows: list[CheckinPart] = []
    for back in range(weeks, 0, -1):
        if rng.random() < 0.1:
            continue  # some weeks life happens
        week = CheckinWeek(pair_id=space.pair_id, week_of=monday - timedelta(weeks=back))
        who = user_ids if rng.random() < 0.85 else user_ids[:1]
        if len(who) == 1:
            week.together_at = timezone.now()
        week_rows.append(week)
        for user_id in who:
            part = CheckinPart(pair_id=space.pair_id, week=week, author_id=user_id)
            part.content = part_seal(
                space.box,
                part.id,
                Part(
                    appreciations=rng.choice(_APPRECIATIONS),
                    went_well=rng.choice(_WENT_WELL),
                    hard=rng.choice(_HARD),
                    wish=rng.choice(_WISHES),
                ),
            )
            part_rows.append(part)
        made += 1
    CheckinWeek.objects.bulk_create(week_rows, batch_size=500)
    CheckinPart.objects.bulk_create(part_rows, batch_size=500)
    return made


def build_partner(
    user: User,
    vault: Vault,
    *,
    demo_name: str,
    today: date,
    years: int = 2,
    moments: int = 20,
    seed: int = 13,
) -> PartnerMade:
    """Make the demo's partner account, pair it with ``user`` and fill their space.

    Returns the partner's login. Call inside the demo's transaction."""
    rng = random.Random(seed)  # noqa: S311 - made-up demo words, not a secret
    username = f"{user.get_username()}-partner"
    password = f"demo-{secrets.token_urlsafe(12)}"
    signed_up = user_sign_up(username=username, password=password)
    partner, partner_vault = signed_up.user, Vault(user_id=signed_up.user.pk, dek=signed_up.dek)
    made = invite_create(user=user, vault=vault, name=demo_name)
    invite_accept(user=partner, vault=partner_vault, code=made.code, name=PARTNER_NAME)
    pair_refresh(user=user, vault=vault)
    space = space_open(user=partner, vault=partner_vault)
    if space is None:  # just made with keys that open
        raise RuntimeError("the demo's space did not open")
    user_ids = (user.pk, partner.pk)
    days = 365 * years
    answers = _answers(space, user_ids, days=days, today=today, rng=rng)
    weeks = _checkins(space, user_ids, weeks=52 * years, today=today, rng=rng)
    checkin_day_set(user=partner, space=space, weekday=6)
    # Logged by the partner: they come into the demo's own moments at its next login.
    for number in range(moments):
        shared_moment_log(
            user=partner,
            vault=partner_vault,
            space=space,
            day=today - timedelta(days=number * 17 % 360),
            today=today,
            kinds=[rng.choice(("emotional", "experiential", "physical"))],
            note=rng.choice(("Dinner at the Lebanese place.", "Walk in the park.", "", "")),
        )
    return PartnerMade(username, password, days, answers, weeks, moments)
