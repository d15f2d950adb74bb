"""Reads of the rituals, always of the person's own open space; they never write.

The partner's words are opened only when the person may see them: a daily
answer once both have answered that day, a check-in part once both have
prepared (or one chose to go through it together). Before that the server
does not open, and so never sends, what the other wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from django.db import connection
from django.http import Http404

from nearer.accounts.models import User
from nearer.decks.catalogue import Card
from nearer.decks.selectors import card_get
from nearer.decks.session_content import SessionContent
from nearer.lib.dates import long_day
from nearer.lib.private import QuietRepr
from nearer.lib.sqlvalues import as_date, as_uuid, column
from nearer.moments.content import KIND_LABELS
from nearer.rituals.content import (
    DEFAULT_WEEKDAY,
    Answer,
    Part,
    Shared,
    SpaceLike,
    answer_open,
    deck_open,
    part_open,
    shared_open,
    weekday_open,
)
from nearer.rituals.models import (
    CheckinPart,
    CheckinWeek,
    DailyAnswer,
    PairDeckSession,
    RitualSettings,
    SharedMoment,
)
from nearer.rituals.questions import QUESTION_BY_ID, Question, question_for
from nearer.rituals.services import week_of
from nearer.vault.crypto import SealError

HISTORY_PAGE = 20
CHECKIN_HISTORY_PAGE = 12
SHARED_MOMENTS_SHOWN = 30


# (id, sealed content) of one answer: plain values, no model made for each row.
AnswerRow = tuple[UUID, bytes | memoryview]


def _open_answer(space: SpaceLike, row: AnswerRow) -> Answer | None:
    try:
        return answer_open(space.box, row[0], row[1])
    except SealError:
        return None


def _answer_rows(**where: object) -> dict[date, dict[int, AnswerRow]]:
    """The answers matching ``where``, by day and author."""
    found: dict[date, dict[int, AnswerRow]] = {}
    rows = DailyAnswer.objects.filter(**where).values_list("id", "author_id", "day", "content")
    for answer_id, author_id, day, content in rows:
        found.setdefault(day, {})[author_id] = (answer_id, content)
    return found


def _history_rows(
    *, pair_id: UUID, author_id: int, before: date, start: int
) -> dict[date, dict[int, AnswerRow]]:
    """The answers of both on one page's days, by day and author: the days being those
    ``author_id`` answered before ``before``, newest first, from ``start`` (one more
    than a page holds, which says whether there is an older page, without counting
    them all). One plain query: the ORM's conversion of each row cost more than
    opening it."""
    table = connection.ops.quote_name(DailyAnswer._meta.db_table)
    pair, author, day = (column(DailyAnswer, name) for name in ("pair", "author", "day"))
    sql = (
        f"SELECT {column(DailyAnswer, 'id')}, {author}, {day}, "  # noqa: S608
        f"{column(DailyAnswer, 'content')} FROM {table} WHERE {pair} = %s AND {day} IN "
        f"(SELECT {day} FROM {table} WHERE {pair} = %s AND {author} = %s AND {day} < %s "
        f"ORDER BY {day} DESC LIMIT %s OFFSET %s)"
    )
    # The pair's id as this database keeps it (hex text on SQLite).
    pair_value = DailyAnswer._meta.get_field("pair").get_db_prep_value(pair_id, connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [pair_value, pair_value, author_id, before, HISTORY_PAGE + 1, start])
        rows = cursor.fetchall()
    found: dict[date, dict[int, AnswerRow]] = {}
    for answer_id, author_of, answered_on, content in rows:
        found.setdefault(as_date(answered_on), {})[author_of] = (as_uuid(answer_id), content)
    return found


@dataclass(frozen=True, repr=False)
class DayView(QuietRepr):
    """One day's question and answers as ``user`` may see them.

    ``mine``: their answer (None: not answered, or it won't open);
    ``theirs``: the partner's, only once both have answered (else None);
    ``both``: both have answered; ``partner_answered``: the partner has (said on
    the page so a person knows the other is waiting, never what they wrote)."""

    day: date
    question: Question
    mine: Answer | None
    theirs: Answer | None
    answered: bool
    partner_answered: bool

    @property
    def both(self) -> bool:
        return self.answered and self.partner_answered

    @property
    def label(self) -> str:
        """The day in words, e.g. "Wednesday 25 November 2026"."""
        return f"{long_day(self.day)} {self.day.year}"


def _day_view(
    space: SpaceLike, user: User, day: date, rows: dict[int, AnswerRow], question: Question
) -> DayView:
    own = rows.get(user.pk)
    other = rows.get(space.partner_id)
    both = own is not None and other is not None
    mine = None if own is None else _open_answer(space, own)
    if mine is not None and mine.question in QUESTION_BY_ID:
        question = QUESTION_BY_ID[mine.question]
    return DayView(
        day=day,
        question=question,
        mine=mine,
        # Opened only when both have answered: before, it is not even decrypted.
        theirs=_open_answer(space, other) if both and other is not None else None,
        answered=own is not None,
        partner_answered=other is not None,
    )


def daily_for(*, user: User, space: SpaceLike, day: date) -> DayView:
    """Return ``day``'s question for the pair and what ``user`` may see of it."""
    rows = _answer_rows(pair_id=space.pair_id, day=day).get(day, {})
    return _day_view(space, user, day, rows, question_for(pair_id=space.pair_id, day=day))


@dataclass(frozen=True, repr=False)
class HistoryPage(QuietRepr):
    """One page of earlier questions; ``older``: a page after this one exists."""

    days: list[DayView]
    page: int
    older: bool


def daily_history(*, user: User, space: SpaceLike, before: date, page: int) -> HistoryPage:
    """Return page ``page`` (1 first) of the days before ``before`` that ``user``
    answered, newest first, HISTORY_PAGE a page. Http404 past the last page."""
    start = (page - 1) * HISTORY_PAGE
    by_day = _history_rows(pair_id=space.pair_id, author_id=user.pk, before=before, start=start)
    found = sorted((day for day, rows in by_day.items() if user.pk in rows), reverse=True)
    if page < 1 or (page > 1 and not found):
        raise Http404("No such page.")
    shown = found[:HISTORY_PAGE]
    views = [
        _day_view(
            space, user, day, by_day.get(day, {}), question_for(pair_id=space.pair_id, day=day)
        )
        for day in shown
    ]
    return HistoryPage(days=views, page=page, older=len(found) > HISTORY_PAGE)


# --- the weekly check-in -----------------------------------------------------------


@dataclass(frozen=True, repr=False)
class CheckinDay(QuietRepr):
    weekday: int
    changed_by_me: bool
    chosen: bool


def checkin_day_for(*, user: User, space: SpaceLike) -> CheckinDay:
    """Return the pair's check-in weekday (Sunday until they choose) and who set it."""
    row = RitualSettings.objects.filter(pair_id=space.pair_id).first()
    if row is None:
        return CheckinDay(weekday=DEFAULT_WEEKDAY, changed_by_me=False, chosen=False)
    try:
        weekday = weekday_open(space.box, space.pair_id, row.content)
    except SealError:
        weekday = DEFAULT_WEEKDAY
    return CheckinDay(weekday=weekday, changed_by_me=row.changed_by_id == user.pk, chosen=True)


@dataclass(frozen=True, repr=False)
class CheckinView(QuietRepr):
    """A week's check-in as ``user`` may see it: ``theirs`` only once ``open``
    (both prepared, or one chose to go through it together)."""

    id: UUID | None
    week_of: date
    mine: Part | None
    theirs: Part | None
    prepared: bool
    partner_prepared: bool
    open: bool
    together: bool


def _part(space: SpaceLike, row: CheckinPart | None) -> Part | None:
    if row is None:
        return None
    try:
        return part_open(space.box, row.id, row.content)
    except SealError:
        return None


def _checkin_view(
    user: User, space: SpaceLike, week: CheckinWeek | None, monday: date
) -> CheckinView:
    rows = {} if week is None else {row.author_id: row for row in week.parts.all()}
    own, other = rows.get(user.pk), rows.get(space.partner_id)
    together = week is not None and week.together_at is not None
    is_open = together or (own is not None and other is not None)
    return CheckinView(
        id=None if week is None else week.id,
        week_of=monday,
        mine=_part(space, own),
        theirs=_part(space, other) if is_open else None,
        prepared=own is not None,
        partner_prepared=other is not None,
        open=is_open,
        together=together,
    )


def checkin_this_week(*, user: User, space: SpaceLike, today: date) -> CheckinView:
    """Return the check-in of ``today``'s week."""
    monday = week_of(today)
    week = CheckinWeek.objects.filter(pair_id=space.pair_id, week_of=monday).first()
    return _checkin_view(user, space, week, monday)


def checkin_get(*, user: User, space: SpaceLike, week_id: UUID) -> CheckinView:
    """Return one of the pair's check-ins; Http404 when it is not theirs."""
    week = CheckinWeek.objects.filter(pair_id=space.pair_id, id=week_id).first()
    if week is None:
        raise Http404("No such check-in.")
    return _checkin_view(user, space, week, week.week_of)


@dataclass(frozen=True, repr=False)
class CheckinRow(QuietRepr):
    id: UUID
    week_of: date
    open: bool


def checkin_history(*, space: SpaceLike, before: date, page: int) -> tuple[list[CheckinRow], int]:
    """Return page ``page`` of the pair's past check-ins (weeks before ``before``'s)
    with something prepared, newest first, and the number of pages. Nothing is
    opened: a row says only its week and whether both parts can be seen."""
    weeks = list(
        CheckinWeek.objects.filter(pair_id=space.pair_id, week_of__lt=week_of(before))
        .order_by("-week_of")
        .values_list("id", "week_of", "together_at")
    )
    authors: dict[UUID, int] = {}
    for week_id in CheckinPart.objects.filter(pair_id=space.pair_id).values_list(
        "week_id", flat=True
    ):
        authors[week_id] = authors.get(week_id, 0) + 1
    rows = [
        CheckinRow(
            id=week_id, week_of=monday, open=together is not None or authors.get(week_id, 0) == 2
        )
        for week_id, monday, together in weeks
        if authors.get(week_id)
    ]
    pages = max(1, -(-len(rows) // CHECKIN_HISTORY_PAGE))
    if not 1 <= page <= pages:
        raise Http404("No such page.")
    return rows[(page - 1) * CHECKIN_HISTORY_PAGE : page * CHECKIN_HISTORY_PAGE], pages


def checkin_date(monday: date, weekday: int) -> date:
    """The day of the check-in in the week of ``monday``."""
    return monday + timedelta(days=weekday)


# --- shared moments ---------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class SharedView(QuietRepr):
    """A moment of the space; ``kinds``: the words of its kinds, joined."""

    id: UUID
    occurred_on: date
    mine: bool
    shared: Shared | None
    kinds: str = ""


def shared_moments_for(*, user: User, space: SpaceLike) -> list[SharedView]:
    """Return the latest moments logged in the space (by either), newest first."""
    rows = SharedMoment.objects.filter(pair_id=space.pair_id).values_list(
        "id", "occurred_on", "author_id", "content"
    )[:SHARED_MOMENTS_SHOWN]
    views = []
    for moment_id, occurred_on, author_id, content in rows:
        try:
            shared: Shared | None = shared_open(space.box, moment_id, content)
        except SealError:
            shared = None
        kinds = ", ".join(KIND_LABELS[kind] for kind in shared.kinds) if shared else ""
        views.append(
            SharedView(
                id=moment_id,
                occurred_on=occurred_on,
                mine=author_id == user.pk,
                shared=shared,
                kinds=kinds,
            )
        )
    return views


# --- decks together ---------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class PairSessionView(QuietRepr):
    """A deck session of the pair. ``my_turn``: ``user`` asks the card on the table."""

    id: UUID
    active: bool
    content: SessionContent | None
    card: Card | None
    my_turn: bool
    started_by_me: bool


def _session_view(user: User, space: SpaceLike, row: PairDeckSession) -> PairSessionView:
    try:
        content: SessionContent | None = deck_open(space.box, row.id, row.content)
    except SealError:
        content = None
    started_by_me = row.started_by_id == user.pk
    card = None if content is None or content.current is None else card_get(content.current)
    return PairSessionView(
        id=row.id,
        active=row.state == PairDeckSession.State.ACTIVE,
        content=content,
        card=card,
        # "me" in the decks' session shape is whoever started it.
        my_turn=content is not None and (content.turn == "me") == started_by_me,
        started_by_me=started_by_me,
    )


def pair_session_get(*, user: User, space: SpaceLike, session_id: UUID) -> PairSessionView:
    """Return one of the pair's deck sessions; Http404 when it is not theirs."""
    row = PairDeckSession.objects.filter(pair_id=space.pair_id, id=session_id).first()
    if row is None:
        raise Http404("No such session.")
    return _session_view(user, space, row)


def pair_session_active(*, user: User, space: SpaceLike) -> PairSessionView | None:
    """Return the pair's session going on, if any (the latest)."""
    row = PairDeckSession.objects.filter(
        pair_id=space.pair_id, state=PairDeckSession.State.ACTIVE
    ).first()
    return None if row is None else _session_view(user, space, row)
