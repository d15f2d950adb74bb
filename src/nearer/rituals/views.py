"""Pages of the rituals: the daily question, the weekly check-in, shared moments
and decks together.

Thin views over selectors and services. Each opens the person's space first; a
person with no open space (never paired, or the space has ended) is sent to the
space's home, which says which. Every change is a POST that redirects; a POST
first brings the person's side of the space up to date (their copy of the pair
key, their partner in People, moments the partner logged): reads never write.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nearer.accounts.current import current_day, current_user, current_vault
from nearer.decks.catalogue import DEPTH_LABELS, THEME_LABELS
from nearer.lib.forms import add_errors
from nearer.lib.urls import UrlPattern, url_for
from nearer.rituals import deck_services, services
from nearer.rituals.content import REACTION_LABELS, WEEKDAY_LABELS
from nearer.rituals.forms import (
    AnswerForm,
    CheckinDayForm,
    PartForm,
    ReactForm,
    SessionStartForm,
    SessionStepForm,
    SharedMomentForm,
)
from nearer.rituals.history_rows import history_items
from nearer.rituals.questions import question_labels
from nearer.rituals.selectors import (
    checkin_date,
    checkin_day_for,
    checkin_get,
    checkin_history,
    checkin_this_week,
    daily_for,
    daily_history,
    pair_session_active,
    pair_session_get,
    shared_moments_for,
)
from nearer.together.names import member_name_open
from nearer.together.services import pair_refresh
from nearer.together.space import Space, pair_key_open, space_of
from nearer.vault.crypto import SealError

P = ParamSpec("P")
# Where in_space leaves the partner's chosen name for the page.
_PARTNER_NAME = "rituals_partner_name"
View = Callable[Concatenate[HttpRequest, Space, P], HttpResponse]
MAX_PAGE = 10_000


def in_space(view: View[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Open the person's space for ``view``; without one, go to the space's home (or
    404 for the address of a row: a row of a space that is not theirs, or has ended).

    On a POST, first bring the person's side of the space up to date."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        user, vault = current_user(request), current_vault(request)
        if request.method == "POST":
            pair_refresh(user=user, vault=vault)
        opened = pair_key_open(user=user, vault=vault)
        if opened is None:
            if kwargs:
                # An address of one of a space's rows: not this person's to see.
                raise Http404("No such page.")
            return redirect(url_for("together:index"))
        space = space_of(opened)
        if request.method == "POST":
            services.shared_moments_bring_in(
                user=user, vault=vault, space=space, today=current_day(request)
            )
        # The partner's chosen name, from the member row the space was opened with.
        name = member_name_open(space.box, space.partner_id, opened.partner.shown_name)
        setattr(request, _PARTNER_NAME, name)
        try:
            return view(request, space, *args, **kwargs)
        except services.SpaceEnded:
            return redirect(url_for("together:index"))

    return cast(Callable[Concatenate[HttpRequest, P], HttpResponse], login_required(wrapped))


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1")
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        raise Http404("No such page.")
    return int(raw)


# The rituals' own addresses without an id, for their pages' links and forms.
_LINKS = (
    "question",
    "question_answer",
    "question_react",
    "question_history",
    "checkin",
    "checkin_day",
    "checkin_prepare",
    "checkin_together",
    "checkin_history",
    "moments",
    "decks",
    "decks_start",
)


def _links() -> dict[str, str]:
    # url_for is cached: no reverse() for each link of each page.
    links = {name: url_for(f"rituals:{name}") for name in _LINKS}
    links["space"] = url_for("together:index")
    return links


def _base(request: HttpRequest) -> dict[str, object]:
    return {"partner": getattr(request, _PARTNER_NAME), "links": _links()}


# --- the daily question ------------------------------------------------------------


def _question_context(
    request: HttpRequest,
    space: Space,
    *,
    answer_form: AnswerForm | None = None,
    react_form: ReactForm | None = None,
) -> dict[str, object]:
    today = current_day(request)
    view = daily_for(user=current_user(request), space=space, day=today)
    theme, depth = question_labels(view.question)
    mine = view.mine
    if answer_form is None:
        answer_form = AnswerForm(initial={"day": today, "answer": mine.answer if mine else ""})
    if react_form is None:
        react_form = ReactForm(
            initial={
                "day": today,
                "reaction": mine.reaction if mine else "",
                "reply": mine.reply if mine else "",
            }
        )
    return {
        **_base(request),
        "view": view,
        "theme_label": theme,
        "depth_label": depth,
        "answer_form": answer_form,
        "react_form": react_form,
        "reaction_labels": REACTION_LABELS,
    }


@require_safe
@in_space
def question(request: HttpRequest, space: Space) -> HttpResponse:
    """Today's question: answer it; the partner's answer once both have."""
    return render(request, "rituals/question.html", _question_context(request, space))


@require_POST
@in_space
def question_answer(request: HttpRequest, space: Space) -> HttpResponse:
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.daily_answer(
                user=current_user(request),
                space=space,
                day=form.cleaned_data["day"],
                today=current_day(request),
                text=form.cleaned_data["answer"],
            )
        except ValidationError as exc:
            add_errors(form, exc, unnamed="answer")
        else:
            messages.success(request, "Your answer is kept.")
            return redirect(url_for("rituals:question"))
    context = _question_context(request, space, answer_form=form)
    return render(request, "rituals/question.html", context, status=400)


@require_POST
@in_space
def question_react(request: HttpRequest, space: Space) -> HttpResponse:
    form = ReactForm(request.POST)
    if form.is_valid():
        try:
            services.daily_react(
                user=current_user(request),
                space=space,
                day=form.cleaned_data["day"],
                reaction=form.cleaned_data["reaction"],
                reply=form.cleaned_data["reply"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Your reaction is kept.")
            return redirect(url_for("rituals:question"))
    context = _question_context(request, space, react_form=form)
    return render(request, "rituals/question.html", context, status=400)


@require_safe
@in_space
def question_history(request: HttpRequest, space: Space) -> HttpResponse:
    """The days before today whose question the person answered, both answers once
    both have answered, newest first."""
    page = daily_history(
        user=current_user(request),
        space=space,
        before=current_day(request),
        page=_page_number(request),
    )
    base = _base(request)
    return render(
        request,
        "rituals/question_history.html",
        {**base, "history": page, "history_rows": history_items(page.days, str(base["partner"]))},
    )


# --- the weekly check-in -----------------------------------------------------------


def _checkin_context(
    request: HttpRequest,
    space: Space,
    *,
    part_form: PartForm | None = None,
    day_form: CheckinDayForm | None = None,
) -> dict[str, object]:
    user = current_user(request)
    today = current_day(request)
    view = checkin_this_week(user=user, space=space, today=today)
    day = checkin_day_for(user=user, space=space)
    if part_form is None:
        part_form = PartForm(initial=view.mine.as_json() if view.mine else {})
    if day_form is None:
        day_form = CheckinDayForm(initial={"weekday": str(day.weekday)})
    return {
        **_base(request),
        "view": view,
        "day": day,
        "weekday_label": WEEKDAY_LABELS[day.weekday],
        "checkin_on": checkin_date(view.week_of, day.weekday),
        "today": today,
        "part_form": part_form,
        "day_form": day_form,
    }


@require_safe
@in_space
def checkin(request: HttpRequest, space: Space) -> HttpResponse:
    """This week's check-in: its day, what the person prepares, and going through it."""
    return render(request, "rituals/checkin.html", _checkin_context(request, space))


@require_POST
@in_space
def checkin_day(request: HttpRequest, space: Space) -> HttpResponse:
    form = CheckinDayForm(request.POST)
    if form.is_valid():
        try:
            services.checkin_day_set(
                user=current_user(request), space=space, weekday=form.cleaned_data["weekday"]
            )
        except ValidationError as exc:
            add_errors(form, exc, unnamed="weekday")
        else:
            messages.success(
                request, f"Your check-in day is {WEEKDAY_LABELS[form.cleaned_data['weekday']]} now."
            )
            return redirect(url_for("rituals:checkin"))
    context = _checkin_context(request, space, day_form=form)
    return render(request, "rituals/checkin.html", context, status=400)


@require_POST
@in_space
def checkin_prepare(request: HttpRequest, space: Space) -> HttpResponse:
    form = PartForm(request.POST)
    if form.is_valid():
        try:
            services.checkin_prepare(
                user=current_user(request),
                space=space,
                today=current_day(request),
                fields=form.cleaned_data,
            )
        except ValidationError as exc:
            add_errors(form, exc, unnamed="appreciations")
        else:
            messages.success(request, "What you prepared is kept. Only you see it for now.")
            return redirect(url_for("rituals:checkin"))
    context = _checkin_context(request, space, part_form=form)
    return render(request, "rituals/checkin.html", context, status=400)


@require_POST
@in_space
def checkin_together(request: HttpRequest, space: Space) -> HttpResponse:
    week = services.checkin_together(
        user=current_user(request), space=space, today=current_day(request)
    )
    return redirect(url_for("rituals:checkin_week", week.id))


@require_safe
@in_space
def checkin_week(request: HttpRequest, space: Space, week_id: UUID) -> HttpResponse:
    """One week's check-in to go through together, and afterwards its record."""
    view = checkin_get(user=current_user(request), space=space, week_id=week_id)
    return render(request, "rituals/checkin_week.html", {**_base(request), "view": view})


@require_safe
@in_space
def checkin_past(request: HttpRequest, space: Space) -> HttpResponse:
    """Past weeks' check-ins, newest first."""
    page = _page_number(request)
    found, pages = checkin_history(space=space, before=current_day(request), page=page)
    week_url = UrlPattern("rituals:checkin_week", "week_id")
    rows = [(row, week_url(row.id)) for row in found]
    context = {**_base(request), "rows": rows, "page": page, "pages": pages}
    return render(request, "rituals/checkin_history.html", context)


# --- shared moments ---------------------------------------------------------------


def _moments_context(
    space: Space, request: HttpRequest, form: SharedMomentForm
) -> dict[str, object]:
    return {
        **_base(request),
        "form": form,
        "moments": shared_moments_for(user=current_user(request), space=space),
    }


@require_http_methods(["GET", "HEAD", "POST"])
@in_space
def shared_moments(request: HttpRequest, space: Space) -> HttpResponse:
    """Moments logged in the space (by either), and the form to log one."""
    if request.method != "POST":
        form = SharedMomentForm(initial={"day": current_day(request), "kinds": ["emotional"]})
        return render(request, "rituals/moments.html", _moments_context(space, request, form))
    form = SharedMomentForm(request.POST)
    if form.is_valid():
        try:
            services.shared_moment_log(
                user=current_user(request),
                vault=current_vault(request),
                space=space,
                day=form.cleaned_data["day"],
                today=current_day(request),
                kinds=form.cleaned_data["kinds"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            add_errors(form, exc, unnamed="note")
        else:
            messages.success(request, "Logged for both of you.")
            return redirect(url_for("rituals:moments"))
    return render(
        request, "rituals/moments.html", _moments_context(space, request, form), status=400
    )


# --- decks together ---------------------------------------------------------------


@require_safe
@in_space
def decks(request: HttpRequest, space: Space) -> HttpResponse:
    """Start a deck session together, or go back to the one going on."""
    going = pair_session_active(user=current_user(request), space=space)
    context = {**_base(request), "going": going, "form": SessionStartForm()}
    return render(request, "rituals/decks.html", context)


@require_POST
@in_space
def decks_start(request: HttpRequest, space: Space) -> HttpResponse:
    form = SessionStartForm(request.POST)
    if form.is_valid():
        session = deck_services.pair_session_start(
            user=current_user(request), space=space, length=form.cleaned_data["length"]
        )
        return redirect(url_for("rituals:deck", session.id))
    going = pair_session_active(user=current_user(request), space=space)
    context = {**_base(request), "going": going, "form": form}
    return render(request, "rituals/decks.html", context, status=400)


@require_safe
@in_space
def deck(request: HttpRequest, space: Space, session_id: UUID) -> HttpResponse:
    """A session going on: the card, who asks it, the steps; an ended one: its end."""
    session = pair_session_get(user=current_user(request), space=space, session_id=session_id)
    card = session.card
    content = session.content
    context = {
        **_base(request),
        "session": session,
        "card": card,
        "theme_label": "" if card is None else THEME_LABELS.get(card.theme, ""),
        "depth_label": "" if content is None else DEPTH_LABELS[content.current_depth],
        "deepest_label": "" if content is None else DEPTH_LABELS.get(content.deepest, ""),
        "number": 1 if content is None else content.answered + 1,
        "step_url": url_for("rituals:deck_step", session.id),
    }
    return render(request, "rituals/deck.html", context)


@require_POST
@in_space
def deck_step(request: HttpRequest, space: Space, session_id: UUID) -> HttpResponse:
    form = SessionStepForm(request.POST)
    # The session must be the pair's, whatever was posted.
    pair_session_get(user=current_user(request), space=space, session_id=session_id)
    if not form.is_valid():
        messages.info(request, "That did not come through. Here is where you are.")
        return redirect(url_for("rituals:deck", session_id))
    # A session that won't open: its page says so and offers nothing to press.
    with contextlib.suppress(SealError):
        deck_services.pair_session_step(
            user=current_user(request),
            vault=current_vault(request),
            space=space,
            session_id=session_id,
            step=form.cleaned_data["step"],
            answered=form.cleaned_data["answered"],
            card_id=form.cleaned_data["card"],
            today=current_day(request),
        )
    return redirect(url_for("rituals:deck", session_id))
