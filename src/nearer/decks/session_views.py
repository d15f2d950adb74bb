"""Pages of a deck session with one person: the list, the start, the card, the end.

Thin views over session_selectors and session_services. Every change is a POST
that redirects to the session's own address, so a reload shows the same card and
a GET never writes. A step carries the card it was shown with; an old one
changes nothing (see session_services).
"""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nearer.accounts.current import current_day, current_user, current_vault
from nearer.accounts.models import User
from nearer.decks import session_services
from nearer.decks.catalogue import DEPTH_LABELS, THEME_LABELS
from nearer.decks.models import DeckSession
from nearer.decks.session_forms import SessionLogForm, SessionStartForm, SessionStepForm
from nearer.decks.session_selectors import SessionView, session_get, sessions_for
from nearer.lib.forms import add_errors
from nearer.lib.urls import url_for
from nearer.people.selectors import people_list
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError


def _start_form(user: User, vault: Vault, data: object = None) -> SessionStartForm:
    people = [(person.id, person.display_name) for person in people_list(user=user, vault=vault)]
    return SessionStartForm(data, people=people)


def _new_context(form: SessionStartForm) -> dict[str, object]:
    # One choice is the "Choose someone" prompt: more means the person has people.
    return {"form": form, "has_people": len(form.fields["person"].choices) > 1}  # type: ignore[attr-defined]


def _page(session_id: UUID) -> str:
    return url_for("decks:session", session_id)


@login_required
@require_safe
def session_index(request: HttpRequest) -> HttpResponse:
    """The sessions going on (to resume) and the latest ended ones."""
    active, ended = sessions_for(user=current_user(request), vault=current_vault(request))
    return render(request, "decks/session_index.html", {"active": active, "ended": ended})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def session_new(request: HttpRequest) -> HttpResponse:
    """Choose who with and how long; the POST starts the session and shows its first card."""
    user, vault = current_user(request), current_vault(request)
    if request.method != "POST":
        form = _start_form(user, vault)
        chosen = request.GET.get("person", "")
        if chosen in dict(form.fields["person"].choices):  # type: ignore[attr-defined]
            form.initial["person"] = chosen
        return render(request, "decks/session_new.html", _new_context(form))
    form = _start_form(user, vault, request.POST)
    if form.is_valid():
        try:
            session = session_services.session_start(
                user=user,
                vault=vault,
                person_id=UUID(form.cleaned_data["person"]),
                length=form.cleaned_data["length"],
                start_id=form.cleaned_data["start"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return redirect(_page(session.id))
    return render(request, "decks/session_new.html", _new_context(form), status=400)


def _card_context(session: SessionView) -> dict[str, object]:
    card = session.card
    content = session.content
    return {
        "session": session,
        "card": card,
        "theme_label": "" if card is None else THEME_LABELS.get(card.theme, ""),
        "depth_label": "" if content is None else DEPTH_LABELS[content.current_depth],
        "number": 1 if content is None else content.answered + 1,
        "step_url": url_for("decks:session_step", session.id),
    }


def _summary_context(session: SessionView) -> dict[str, object]:
    deepest = 0 if session.content is None else session.content.deepest
    return {
        "session": session,
        "deepest": deepest,
        "deepest_label": DEPTH_LABELS.get(deepest, ""),
        "answered": 0 if session.content is None else session.content.answered,
        "form": SessionLogForm(auto_id="log-%s"),
        "log_url": url_for("decks:session_log", session.id),
        "person_url": url_for("people:person", session.person_id),
    }


@login_required
@require_safe
def session_page(request: HttpRequest, session_id: UUID) -> HttpResponse:
    """A session going on: one card in large type, whose turn, its depth, and the
    steps. An ended one: how deep it went and the log."""
    session = session_get(
        user=current_user(request), vault=current_vault(request), session_id=session_id
    )
    if session.content is None:
        return render(request, "decks/session_unreadable.html", {"session": session})
    if session.active:
        return render(request, "decks/session_card.html", _card_context(session))
    return render(request, "decks/session_summary.html", _summary_context(session))


@login_required
@require_POST
def session_step(request: HttpRequest, session_id: UUID) -> HttpResponse:
    """Next card, Skip this card or Stop here; then the session's page again."""
    user, vault = current_user(request), current_vault(request)
    form = SessionStepForm(request.POST)
    if not form.is_valid():
        messages.info(request, "That did not come through. Here is where you are.")
        return redirect(_page(session_get(user=user, vault=vault, session_id=session_id).id))
    try:
        session_services.session_step(
            user=user,
            vault=vault,
            session_id=session_id,
            step=form.cleaned_data["step"],
            answered=form.cleaned_data["answered"],
            card_id=form.cleaned_data["card"],
        )
    except DeckSession.DoesNotExist:
        raise Http404("No such session.") from None
    except SealError:
        pass  # the page says it can't be read and offers nothing to press
    return redirect(_page(session_id))


@login_required
@require_POST
def session_log(request: HttpRequest, session_id: UUID) -> HttpResponse:
    """Log an ended session as a moment with its person, once."""
    user, vault = current_user(request), current_vault(request)
    session = session_get(user=user, vault=vault, session_id=session_id)
    if session.active or session.content is None:
        return redirect(_page(session.id))
    form = SessionLogForm(request.POST, auto_id="log-%s")
    if form.is_valid():
        try:
            session_services.session_log(
                user=user,
                vault=vault,
                session_id=session.id,
                occurred_on=current_day(request),
                opened_up=form.cleaned_data["opened_up"],
                kinds=tuple(form.cleaned_data["kinds"]),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            # No name: a message waits in the session row, which is not sealed.
            messages.success(request, "Logged as a moment together.")
            return redirect(_page(session.id))
    context = {**_summary_context(session), "form": form}
    return render(request, "decks/session_summary.html", context, status=400)
