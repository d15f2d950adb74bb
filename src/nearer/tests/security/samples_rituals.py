"""The rituals' samples for the sweeps: a day's question both answered (with replies),
yesterday's, this week's check-in both prepared, a past one, moments together
logged by each, and a deck session going on and one ended.

Made after the person is paired (``samples._make_shared_copies``). The partner's
words are written through the services with the partner's side of the space
(the same pair and key, seen from the partner), so the person's pages show a
partner's text as a partner would have written it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from django.utils import timezone


def make_rituals(samples: Any, marker: str) -> None:
    """Add the rituals' rows and words to ``samples`` (once per pair: a second sample
    set of the same person finds them and adds only their ids)."""
    from nearer.moments.content import KIND_LABELS
    from nearer.rituals import deck_services, services
    from nearer.rituals.content import Answer, Shared, answer_seal, deck_open, shared_seal
    from nearer.rituals.models import CheckinWeek, DailyAnswer, PairDeckSession, SharedMoment
    from nearer.rituals.questions import question_for
    from nearer.together.models import Member
    from nearer.together.space import space_open

    person = samples.person
    user, vault = person.user, person.vault
    space = space_open(user=user, vault=vault)
    assert space is not None, "the samples pair the person first"
    today = timezone.localdate()
    if not DailyAnswer.objects.filter(pair_id=space.pair_id).exists():
        partner = Member.objects.select_related("user").get(user_id=space.partner_id).user
        theirs = replace(space, partner_id=user.pk)
        for who, side, words in (
            (user, space, ("own-answer", "own-reply")),
            (partner, theirs, ("partner-answer", "partner-reply")),
        ):
            services.daily_answer(
                user=who, space=side, day=today, today=today, text=f"{marker}-{words[0]}"
            )
        for who, side, words in (
            (user, space, ("own-answer", "own-reply")),
            (partner, theirs, ("partner-answer", "partner-reply")),
        ):
            services.daily_react(
                user=who, space=side, day=today, reaction="warm", reply=f"{marker}-{words[1]}"
            )
        yesterday = today - timedelta(days=1)
        # Yesterday both answered and both replied: the earlier questions show it all.
        for author, word in ((user, "own"), (partner, "partner")):
            row = DailyAnswer(pair_id=space.pair_id, author=author, day=yesterday)
            row.content = answer_seal(
                space.box,
                row.id,
                Answer(
                    question=question_for(pair_id=space.pair_id, day=yesterday).id,
                    answer=f"{marker}-{word}-past-answer",
                    reaction="warm",
                    reply=f"{marker}-{word}-past-reply",
                ),
            )
            row.save(force_insert=True)
        for who, side, word in ((user, space, "own"), (partner, theirs, "partner")):
            services.checkin_prepare(
                user=who,
                space=side,
                today=today,
                fields={
                    "appreciations": f"{marker}-{word}-appreciation",
                    "went_well": f"{marker}-{word}-went-well",
                    "hard": f"{marker}-{word}-hard",
                    "wish": f"{marker}-{word}-wish",
                },
            )
        services.checkin_prepare(
            user=user,
            space=space,
            today=today - timedelta(weeks=1),
            fields={"appreciations": f"{marker}-own-past-appreciation"},
        )
        services.checkin_day_set(user=partner, space=theirs, weekday=2)
        services.shared_moment_log(
            user=user,
            vault=vault,
            space=space,
            day=today,
            today=today,
            kinds=list(KIND_LABELS)[:1],
            note=f"{marker}-own-shared-note",
        )
        # The partner's own moments need their vault; only the space's row is made.
        theirs_moment = SharedMoment(pair_id=space.pair_id, author=partner, occurred_on=today)
        theirs_moment.content = shared_seal(
            space.box,
            theirs_moment.id,
            Shared(kinds=("emotional",), note=f"{marker}-partner-shared-note"),
        )
        theirs_moment.save(force_insert=True)
        ended = deck_services.pair_session_start(user=user, space=space, length=10)
        content = deck_open(space.box, ended.id, ended.content)
        deck_services.pair_session_step(
            user=user,
            vault=vault,
            space=space,
            session_id=ended.id,
            step="stop",
            answered=content.answered,
            card_id=content.current or "",
        )
        deck_services.pair_session_start(user=partner, space=theirs, length=10)
        samples.words += [
            f"{marker}-{word}"
            for word in (
                "own-answer",
                "own-reply",
                "partner-answer",
                "partner-reply",
                "own-past-answer",
                "partner-past-answer",
                "own-past-reply",
                "partner-past-reply",
                "own-appreciation",
                "own-went-well",
                "own-hard",
                "own-wish",
                "partner-appreciation",
                "partner-went-well",
                "partner-hard",
                "partner-wish",
                "own-past-appreciation",
                "own-shared-note",
                "partner-shared-note",
            )
        ]
    weeks = CheckinWeek.objects.filter(pair_id=space.pair_id).order_by("-week_of")
    samples.checkin_weeks.extend(weeks)
    sessions = PairDeckSession.objects.filter(pair_id=space.pair_id).order_by("state")
    samples.pair_deck_sessions.extend(sessions)
