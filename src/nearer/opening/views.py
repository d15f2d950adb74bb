"""Pages of Opening up: thin views over opening.selectors and opening.services.

Every view needs a login. A share id always comes back through a selector or a
service scoped to the person, so someone else's id is a 404; person ids posted in
a form are checked again by the services against the person's own people.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nearer.accounts.current import current_day, current_user, current_vault

# The journal's draft mechanism: nearer.js keeps what is typed under a form's
# data-draft-key until the next page says it is saved (data-draft-saved).
from nearer.lib.drafts import forget_drafts, saved_drafts
from nearer.lib.forms import add_errors
from nearer.moments.seen import people_seen_order
from nearer.moments.selectors import people_choices
from nearer.opening import selectors, services
from nearer.opening.forms import LetGoForm, PrepareForm, ReflectForm, SharedForm
from nearer.opening.models import Share
from nearer.opening.rows import share_rows
from nearer.people.selectors import PersonSummary, people_index

NEW_DRAFT = "opening:new"


def edit_draft_key(share_id: UUID) -> str:
    return f"opening:edit:{share_id}"


def _circles(people: Mapping[str, PersonSummary]) -> dict[str, str]:
    return {person_id: person.circle for person_id, person in people.items()}


def _share(request: HttpRequest, share_id: UUID) -> selectors.ShareView:
    return selectors.share_for(
        user=current_user(request),
        vault=current_vault(request),
        share_id=share_id,
        today=current_day(request),
    )


def _unreadable(request: HttpRequest, view: selectors.ShareView) -> HttpResponse:
    messages.warning(request, "This share could not be opened, so it can't be changed.")
    return redirect("opening:share", share_id=view.id)


@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Every share: preparing, shared (waiting to reflect), reflected, and let go."""
    groups = selectors.share_groups(
        user=current_user(request), vault=current_vault(request), today=current_day(request)
    )
    rows = {
        "preparing": share_rows(groups.preparing),
        "shared": share_rows(groups.shared),
        "reflected": share_rows(groups.reflected),
        "let_go": share_rows(groups.let_go),
    }
    context = {"groups": groups, "rows": rows, "draft_saved": saved_drafts(request)}
    return render(request, "opening/list.html", context)


def _prepare_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": data["text"],
        "person_ids": data["people"],
        "fear": data.get("fear") or "",
        "hope": data.get("hope") or "",
        "anxiety_before": data.get("anxiety_before"),
    }


def _prepare_page(request: HttpRequest, form: PrepareForm, **extra: Any) -> HttpResponse:
    return render(request, "opening/prepare.html", {"form": form, **extra})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def share_new(request: HttpRequest) -> HttpResponse:
    """Prepare a share in private; ?person=<id> ticks that person already."""
    user, vault = current_user(request), current_vault(request)
    people = people_index(user=user, vault=vault)
    choices = people_choices(people)
    asked = request.GET.get("person", "")
    initial = {
        "draft_id": uuid.uuid4(),
        "people": [asked] if asked in {pid for pid, _ in choices} else [],
    }
    form = PrepareForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        people=choices,
        circles=_circles(people),
        order=people_seen_order(user=user, today=current_day(request)),
    )
    if request.method == "POST" and form.is_valid():
        try:
            # A draft id this person already used (a retry) updates that one share.
            share = services.share_prepare(
                user=user,
                vault=vault,
                share_id=form.cleaned_data.get("draft_id"),
                **_prepare_fields(form.cleaned_data),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            forget_drafts(request, NEW_DRAFT)
            messages.success(request, "Kept. Only you can read it.")
            return redirect("opening:share", share_id=share.id)
    return _prepare_page(request, form, share=None, draft_key=NEW_DRAFT, has_people=bool(choices))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def share_edit(request: HttpRequest, share_id: UUID) -> HttpResponse:
    """Change what a share says, with whom, the fear, the hope and the anxiety before."""
    user, vault = current_user(request), current_vault(request)
    view = _share(request, share_id)
    if view.content is None:
        return _unreadable(request, view)
    people = people_index(user=user, vault=vault, include_archived=True)
    choices = people_choices(people, keep=view.content.people)
    initial = {
        "text": view.content.text,
        "people": list(view.content.people),
        "fear": view.content.fear,
        "hope": view.content.hope,
        "anxiety_before": view.content.anxiety_before,
    }
    form = PrepareForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        people=choices,
        circles=_circles(people),
        order=people_seen_order(user=user, today=current_day(request)),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.share_update(
                user=user, vault=vault, share_id=view.id, **_prepare_fields(form.cleaned_data)
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            forget_drafts(request, edit_draft_key(view.id))
            messages.success(request, "Saved.")
            return redirect("opening:share", share_id=view.id)
    return _prepare_page(
        request, form, share=view, draft_key=edit_draft_key(view.id), has_people=bool(choices)
    )


@login_required
@require_safe
def share_detail(request: HttpRequest, share_id: UUID) -> HttpResponse:
    view = _share(request, share_id)
    context = {"view": view, "draft_saved": saved_drafts(request), "State": Share.State}
    return render(request, "opening/detail.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def share_shared(request: HttpRequest, share_id: UUID) -> HttpResponse:
    """It's shared: when and how (a moment with its people is made the first time)."""
    user, vault, today = current_user(request), current_vault(request), current_day(request)
    view = _share(request, share_id)
    if view.content is None:
        return _unreadable(request, view)
    initial = {"shared_on": view.share.shared_on or today, "how": view.content.how}
    form = SharedForm(
        request.POST if request.method == "POST" else None, initial=initial, today=today
    )
    if request.method == "POST" and form.is_valid():
        first = view.share.shared_on is None
        try:
            services.share_mark_shared(
                user=user,
                vault=vault,
                share_id=view.id,
                shared_on=form.cleaned_data["shared_on"],
                how=form.cleaned_data["how"],
                today=today,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "You shared it. That took courage." if first else "Saved.")
            return redirect("opening:share", share_id=view.id)
    return render(request, "opening/shared.html", {"form": form, "view": view})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def share_reflect(request: HttpRequest, share_id: UUID) -> HttpResponse:
    """How it went: how it was received, anxiety and closeness now, did they open up."""
    user, vault, today = current_user(request), current_vault(request), current_day(request)
    view = _share(request, share_id)
    if view.content is None:
        return _unreadable(request, view)
    if view.share.state not in (Share.State.SHARED, Share.State.REFLECTED):
        messages.info(request, "Mark it shared first; then you can reflect on it.")
        return redirect("opening:share", share_id=view.id)
    content = view.content
    initial = {
        "reception": list(content.reception),
        "reception_note": content.reception_note,
        "anxiety_after": content.anxiety_after,
        "closeness_after": content.closeness_after,
        "reciprocated": content.reciprocated,
    }
    form = ReflectForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.share_reflect(
                user=user,
                vault=vault,
                share_id=view.id,
                reception=data.get("reception") or (),
                reception_note=data.get("reception_note") or "",
                anxiety_after=data.get("anxiety_after"),
                closeness_after=data.get("closeness_after"),
                reciprocated=data.get("reciprocated") or "",
                today=today,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Saved. Thank you for looking back on it.")
            return redirect("opening:share", share_id=view.id)
    return render(request, "opening/reflect.html", {"form": form, "view": view})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def share_let_go(request: HttpRequest, share_id: UUID) -> HttpResponse:
    """ "I decided not to share this", with an optional note."""
    user, vault = current_user(request), current_vault(request)
    view = _share(request, share_id)
    if view.content is None:
        return _unreadable(request, view)
    if view.share.state != Share.State.PREPARING:
        messages.info(request, "Only a share still being prepared can be let go.")
        return redirect("opening:share", share_id=view.id)
    form = LetGoForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.share_let_go(
                user=user, vault=vault, share_id=view.id, note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Let go. You can take it back up any time.")
            return redirect("opening:index")
    return render(request, "opening/let_go.html", {"form": form, "view": view})


@login_required
@require_POST
def share_take_up(request: HttpRequest, share_id: UUID) -> HttpResponse:
    view = _share(request, share_id)
    try:
        services.share_take_up(
            user=current_user(request), vault=current_vault(request), share_id=view.id
        )
    except ValidationError as exc:
        messages.info(request, " ".join(exc.messages))
    else:
        messages.success(request, "Taken back up: it is with what you are preparing.")
    return redirect("opening:share", share_id=view.id)


@login_required
@require_POST
def share_write(request: HttpRequest, share_id: UUID) -> HttpResponse:
    """Write about it: the share's journal entry (made the first time), in its editor."""
    view = _share(request, share_id)
    try:
        entry = services.share_entry_write(
            user=current_user(request),
            vault=current_vault(request),
            share_id=view.id,
            today=current_day(request),
        )
    except ValidationError as exc:
        messages.warning(request, " ".join(exc.messages))
        return redirect("opening:share", share_id=view.id)
    return redirect("journal:edit", entry_id=entry.id)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def share_delete(request: HttpRequest, share_id: UUID) -> HttpResponse:
    """GET asks for confirmation; POST deletes for good and returns to the list."""
    view = _share(request, share_id)
    if request.method == "POST":
        services.share_delete(
            user=current_user(request), vault=current_vault(request), share_id=view.id
        )
        forget_drafts(request, edit_draft_key(view.id))
        messages.success(request, "The share is deleted.")
        return redirect("opening:index")
    return render(request, "opening/delete.html", {"view": view})
