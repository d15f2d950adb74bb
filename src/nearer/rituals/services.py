"""Writes of the rituals: the daily question, the weekly check-in, shared moments.

Every write takes the person, their open space (``together.space.space_open``)
and, where their own moments are touched, their vault. Each first locks the
pair's row (``pair_lock``): the writes of one space are taken one after the
other, so two answers at once, two "go through it together" clicks or two
bring-ins of the same shared moment can't interleave, and a space ended by the
other partner meanwhile (its row deleted) is seen as ended (``SpaceEnded``),
with nothing written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nearer.accounts.models import User
from nearer.lib.owner import check_vault
from nearer.moments.content import KIND_LABELS
from nearer.moments.models import Moment
from nearer.moments.services import moment_create
from nearer.rituals.content import (
    MAX_ANSWER,
    MAX_REPLY,
    MAX_SHARED_NOTE,
    PART_FIELDS,
    REACTION_LABELS,
    WEEKDAY_LABELS,
    Answer,
    Part,
    Shared,
    SpaceLike,
    answer_open,
    answer_seal,
    part_seal,
    shared_open,
    shared_seal,
    weekday_seal,
)
from nearer.rituals.models import (
    CheckinPart,
    CheckinWeek,
    DailyAnswer,
    RitualSettings,
    SharedMoment,
)
from nearer.rituals.partner import partner_person_id
from nearer.rituals.questions import question_for
from nearer.together.models import Pair
from nearer.together.space import space_open
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

# How a moment from the space is kept in each one's own moments.
SHARED_HOW = "in_person"


class SpaceEnded(Exception):
    """The space was ended (by either partner) before this write could be made."""


def pair_lock(user: User, space: SpaceLike) -> None:
    """Lock the pair's row until the transaction ends; SpaceEnded when it is gone or
    ``user`` is no longer one of its members."""
    found = (
        Pair.objects.select_for_update(of=("self",))
        .filter(id=space.pair_id, members__user_id=user.pk)
        .values_list("id", flat=True)
        .first()
    )
    if found is None:
        raise SpaceEnded


def answerable_days(today: date) -> tuple[date, date]:
    """The days whose question may be answered: yesterday (a page left open past
    midnight) and today, on the person's own clock."""
    return today - timedelta(days=1), today


# --- the daily question ------------------------------------------------------------


def _answers_of_day(space: SpaceLike, day: date) -> dict[int, DailyAnswer]:
    rows = DailyAnswer.objects.filter(pair_id=space.pair_id, day=day)
    return {row.author_id: row for row in rows}


@transaction.atomic
def daily_answer(*, user: User, space: SpaceLike, day: date, today: date, text: str) -> DailyAnswer:
    """Save ``user``'s answer to ``day``'s question and return it.

    A second answer the same day replaces the first while the partner has not
    answered yet; once both have (each has seen the other's), it stays as it was.
    ValidationError (nothing saved) for an empty or too long answer, a day other
    than today or yesterday, or an answer already revealed; SpaceEnded.
    """
    text = text.strip()
    if day not in answerable_days(today):
        raise ValidationError({"day": ["That day's question can no longer be answered here."]})
    if not text:
        raise ValidationError({"answer": ["Write a few words to answer."]})
    if len(text) > MAX_ANSWER:
        raise ValidationError(
            {"answer": [f"Your answer is {len(text)} characters; please keep it to {MAX_ANSWER}."]}
        )
    pair_lock(user, space)
    answers = _answers_of_day(space, day)
    question = question_for(pair_id=space.pair_id, day=day)
    mine = answers.get(user.pk)
    if mine is None:
        mine = DailyAnswer(pair_id=space.pair_id, author=user, day=day)
        mine.content = answer_seal(space.box, mine.id, Answer(question=question.id, answer=text))
        mine.save(force_insert=True)
        return mine
    if space.partner_id in answers:
        raise ValidationError({"answer": ["You have both answered: your answer is shared now."]})
    before = answer_open(space.box, mine.id, mine.content)
    mine.content = answer_seal(space.box, mine.id, Answer(question=before.question, answer=text))
    mine.save(update_fields=["content"])
    return mine


@transaction.atomic
def daily_react(
    *, user: User, space: SpaceLike, day: date, reaction: str, reply: str
) -> DailyAnswer:
    """Keep ``user``'s reaction to the partner's answer of ``day`` and a short reply
    (either may be empty; both replace what was there) and return their answer.
    ValidationError (nothing saved) before both have answered, for a reaction not
    offered or a reply too long; SpaceEnded."""
    reply = reply.strip()
    if reaction and reaction not in REACTION_LABELS:
        raise ValidationError({"reaction": ["Choose a reaction from the list."]})
    if len(reply) > MAX_REPLY:
        raise ValidationError(
            {"reply": [f"Your reply is {len(reply)} characters; please keep it to {MAX_REPLY}."]}
        )
    pair_lock(user, space)
    answers = _answers_of_day(space, day)
    mine = answers.get(user.pk)
    if mine is None or space.partner_id not in answers:
        raise ValidationError("You can react once you have both answered.", code="not_both")
    before = answer_open(space.box, mine.id, mine.content)
    mine.content = answer_seal(
        space.box,
        mine.id,
        Answer(question=before.question, answer=before.answer, reaction=reaction, reply=reply),
    )
    mine.save(update_fields=["content"])
    return mine


# --- the weekly check-in -----------------------------------------------------------


def week_of(day: date) -> date:
    """The Monday of ``day``'s week: a check-in's week, whatever its weekday."""
    return day - timedelta(days=day.weekday())


@transaction.atomic
def checkin_day_set(*, user: User, space: SpaceLike, weekday: int) -> None:
    """Set the pair's check-in day (0 Monday … 6 Sunday) for both of them, from this
    week on; what either has prepared stays. ValidationError for another value."""
    if weekday not in WEEKDAY_LABELS:
        raise ValidationError({"weekday": ["Choose a day of the week."]})
    pair_lock(user, space)
    sealed = weekday_seal(space.box, space.pair_id, weekday)
    RitualSettings.objects.update_or_create(
        pair_id=space.pair_id, defaults={"changed_by": user, "content": sealed}
    )


def _week(space: SpaceLike, monday: date) -> CheckinWeek:
    week, _made = CheckinWeek.objects.get_or_create(pair_id=space.pair_id, week_of=monday)
    return week


@transaction.atomic
def checkin_prepare(
    *, user: User, space: SpaceLike, today: date, fields: dict[str, str]
) -> CheckinPart:
    """Keep what ``user`` prepared for this week's check-in (replacing what they
    prepared before) and return it. ValidationError (nothing saved) for a part too
    long or every part empty; SpaceEnded."""
    values = {name: (fields.get(name) or "").strip() for name, _label, _limit in PART_FIELDS}
    errors = {
        name: [f"This is {len(values[name])} characters; please keep it to {limit}."]
        for name, _label, limit in PART_FIELDS
        if len(values[name]) > limit
    }
    if errors:
        raise ValidationError(errors)
    if not any(values.values()):
        raise ValidationError({"appreciations": ["Write something in at least one part."]})
    pair_lock(user, space)
    week = _week(space, week_of(today))
    part = CheckinPart.objects.filter(week=week, author=user).first()
    if part is None:
        part = CheckinPart(pair_id=space.pair_id, week=week, author=user)
        part.content = part_seal(space.box, part.id, Part(**values))
        part.save(force_insert=True)
    else:
        part.content = part_seal(space.box, part.id, Part(**values))
        part.save(update_fields=["content", "prepared_at"])
    return part


@transaction.atomic
def checkin_together(
    *, user: User, space: SpaceLike, today: date, now: datetime | None = None
) -> CheckinWeek:
    """Open this week's check-in to both now, whoever has prepared, and return it (a
    second click changes nothing). SpaceEnded."""
    pair_lock(user, space)
    week = _week(space, week_of(today))
    if week.together_at is None:
        week.together_at = now or timezone.now()
        week.save(update_fields=["together_at"])
    return week


# --- shared moments ---------------------------------------------------------------


def _own_moment(*, user: User, vault: Vault, day: date, shared: Shared, person_id: UUID) -> Moment:
    return moment_create(
        user=user,
        vault=vault,
        occurred_on=day,
        person_ids=[person_id],
        how=SHARED_HOW,
        minutes=shared.minutes,
        kinds=shared.kinds,
        opened_up="both" if shared.source == "deck" else "",
        note=shared.note,
    )


def shared_moment_add(
    *, user: User, vault: Vault, space: SpaceLike, day: date, shared: Shared
) -> SharedMoment:
    """Inside a transaction holding the pair's lock: save a moment of the space and
    put it at once in ``user``'s own moments (with their partner, when the partner
    is among their People); the partner's comes at their next visit."""
    row = SharedMoment(pair_id=space.pair_id, author=user, occurred_on=day)
    row.content = shared_seal(space.box, row.id, shared)
    row.save(force_insert=True)
    person_id = partner_person_id(user=user, vault=vault, partner_id=space.partner_id)
    if person_id is not None:
        _own_moment(user=user, vault=vault, day=day, shared=shared, person_id=person_id)
    return row


@transaction.atomic
def shared_moment_log(
    *,
    user: User,
    vault: Vault,
    space: SpaceLike,
    day: date,
    today: date,
    kinds: Sequence[str],
    note: str,
) -> SharedMoment:
    """Log a moment in the space and return it; it goes into ``user``'s own moments
    now and the partner's at their next login or POST in the space.
    ValidationError (nothing saved) for a day to come, no kind or a kind not
    offered, or a note too long; SpaceEnded."""
    check_vault(user, vault)
    note = note.strip()
    errors: dict[str, list[str]] = {}
    if day > today or day < today - timedelta(days=366):
        errors["day"] = ["Choose a day within the past year, up to today."]
    if not kinds or any(kind not in KIND_LABELS for kind in kinds):
        errors["kinds"] = ["Choose at least one kind of closeness from the list."]
    if len(note) > MAX_SHARED_NOTE:
        errors["note"] = [
            f"The note is {len(note)} characters; please keep it to {MAX_SHARED_NOTE}."
        ]
    if errors:
        raise ValidationError(errors)
    pair_lock(user, space)
    ordered = tuple(key for key in KIND_LABELS if key in set(kinds))
    return shared_moment_add(
        user=user, vault=vault, space=space, day=day, shared=Shared(kinds=ordered, note=note)
    )


@transaction.atomic
def shared_moments_bring_in(*, user: User, vault: Vault, space: SpaceLike, today: date) -> int:
    """Put the moments the partner logged in the space, not yet in ``user``'s own
    moments, into them (with the partner from their People); return how many.

    Each is brought in once: the pair's lock is held, and a moment brought in is
    marked with the day (``partner_brought_in_on``) in the same transaction. A
    person without their partner among their People brings in nothing yet; a
    moment that won't open is marked so it is not tried at every visit. Call at
    login and at the start of every POST in the space (a read never writes).
    """
    check_vault(user, vault)
    pending = SharedMoment.objects.filter(
        pair_id=space.pair_id, partner_brought_in_on__isnull=True
    ).exclude(author_id=user.pk)
    if not pending.exists():
        return 0
    try:
        pair_lock(user, space)
    except SpaceEnded:
        return 0
    person_id = partner_person_id(user=user, vault=vault, partner_id=space.partner_id)
    if person_id is None:
        return 0
    brought = 0
    for row in pending.order_by("occurred_on", "created_at"):
        try:
            shared = shared_open(space.box, row.id, row.content)
        except SealError:
            pass  # nothing readable to bring in
        else:
            _own_moment(
                user=user, vault=vault, day=row.occurred_on, shared=shared, person_id=person_id
            )
            brought += 1
        row.partner_brought_in_on = today
        row.save(update_fields=["partner_brought_in_on"])
    return brought


def shared_moments_refresh(*, user: User, vault: Vault) -> int:
    """At login: bring the moments the partner logged in the space into ``user``'s own
    moments (see ``shared_moments_bring_in``); return how many. Nothing without an
    open space."""
    space = space_open(user=user, vault=vault)
    if space is None:
        return 0
    return shared_moments_bring_in(user=user, vault=vault, space=space, today=timezone.localdate())
