"""Check-in pages: thin views over checkins.selectors and checkins.services.

A check-in takes one or two short steps, POSTs (how someone feels never goes into
a URL or an access log): a tap on the grid (and, with JavaScript, a word and
"Done"), then the emotion word and the optional details. Today's card holds step
one. Every id comes back through a selector or service scoped to the person, so
someone else's id is a 404.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from nearer.accounts.current import current_day, current_day_near_month, current_user, current_vault
from nearer.checkins import selectors, services
from nearer.checkins.content import EMOTION_BY_KEY, GridCell, emotions_for
from nearer.checkins.forms import CheckInForm, FeelingForm, with_scales
from nearer.checkins.kind_words import kind_word
from nearer.checkins.people import PersonName, choices, people_names
from nearer.checkins.rows import (
    calendar_rows,
    checkin_lines,
    day_sections,
    day_url,
    feeling_fields,
    quadrant_key,
    step_one_words,
)
from nearer.lib.dates import MONTH_NAMES, month_year
from nearer.lib.forms import add_errors
from nearer.lib.private import QuietRepr
from nearer.moments.seen import people_seen_order

MIN_YEAR = 1900
PAGE_SIZE = 30


# --- The list ---------------------------------------------------------------------


@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Recent check-ins, newest first, thirty a page (?page=2 for older ones)."""
    try:
        page = max(1, min(int(request.GET.get("page", "1")), 10_000))
    except ValueError:
        page = 1
    checkins, more = selectors.checkins_recent(
        user=current_user(request),
        vault=current_vault(request),
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    context = {
        "lines": checkin_lines(checkins),
        "count": len(checkins),
        "page": page,
        "older": page + 1 if more else None,
        "newer": page - 1 if page > 1 else None,
    }
    return render(request, "checkins/index.html", context)


# --- Checking in: one tap, a word, done -------------------------------------------


@dataclass(frozen=True, slots=True, repr=False)
class _Picker(QuietRepr):
    """What step two's "Who contributed?" needs: everyone, those offered, the order."""

    names: dict[str, PersonName]
    order: list[str]


def _picker(request: HttpRequest) -> _Picker:
    user = current_user(request)
    return _Picker(
        names=people_names(user=user, vault=current_vault(request)),
        order=people_seen_order(user=user, today=current_day(request)),
    )


def _details_form(
    picker: _Picker, chosen: list[str], data: Any = None, initial: dict[str, Any] | None = None
) -> CheckInForm:
    # Newest people first after those seen most: someone just added is likely next.
    offered = list(reversed(choices(picker.names, keep=chosen)))
    return CheckInForm(
        data,
        initial=initial,
        people=[(p.id, p.name) for p in picker.names.values()],
        offered=offered,
        order=picker.order,
    )


def _feeling_page(
    request: HttpRequest,
    *,
    form: FeelingForm | None = None,
    pleasantness: int | None = None,
    energy: int | None = None,
    checkin: selectors.CheckInView | None = None,
    status: int = 200,
) -> HttpResponse:
    error = form.first_error() if form is not None and form.is_bound else ""
    context = {
        "fields": feeling_fields(pleasantness, energy, error),
        "words": step_one_words(),
        "has_errors": bool(error),
        "checkin": checkin,
        "action": _action(checkin),
    }
    return render(request, "checkins/feeling.html", context, status=status)


def _action(checkin: selectors.CheckInView | None) -> str:
    if checkin is None:
        return reverse("checkins:new")
    return reverse("checkins:edit", kwargs={"checkin_id": checkin.id})


def _details_page(
    request: HttpRequest,
    form: CheckInForm,
    *,
    pleasantness: int,
    energy: int,
    checkin: selectors.CheckInView | None = None,
) -> HttpResponse:
    value = form["emotion"].value() if form.is_bound else form.initial.get("emotion")
    context = {
        "form": form,
        "pleasantness": pleasantness,
        "energy": energy,
        "feeling_said": GridCell(pleasantness, energy).said,
        "word_groups": emotions_for(pleasantness, energy),
        "chosen_word": value if isinstance(value, str) else "",
        "has_people": bool(form.fields["people"].choices),  # type: ignore[attr-defined]
        "checkin": checkin,
        "action": _action(checkin),
    }
    return render(request, "checkins/details.html", context)


def _posted_scales(request: HttpRequest) -> tuple[FeelingForm, int | None, int | None]:
    form = FeelingForm(request.POST)
    if form.is_valid():
        return form, form.cleaned_data["pleasantness"], form.cleaned_data["energy"]
    return form, None, None


def _save(
    request: HttpRequest, checkin: selectors.CheckInView | None, *, pleasantness: int, energy: int
) -> HttpResponse:
    """Save step two (or step one with its word, "Done"); or show step two again."""
    user, vault = current_user(request), current_vault(request)
    picker = _picker(request)
    posted_people = [str(v) for v in request.POST.getlist("people")]
    form = _details_form(picker, posted_people, with_scales(request.POST))
    if form.is_valid():
        data = form.cleaned_data
        fields = {
            "pleasantness": data["pleasantness"],
            "energy": data["energy"],
            "emotion": data["emotion"],
            "people": data["people"],
            "tags": data["tags"],
            "note": data["note"],
        }
        try:
            if checkin is not None:
                saved = services.checkin_update(
                    user=user, vault=vault, checkin_id=checkin.id, **fields
                )
            else:
                saved = services.checkin_create(
                    user=user, vault=vault, checkin_id=data.get("checkin_id"), **fields
                )
        except ValidationError as exc:
            add_errors(form, exc)
        except IntegrityError:
            # The same check-in arrived twice at once: the other copy was saved.
            return redirect("checkins:index")
        else:
            if checkin is not None:
                messages.success(request, "Saved.")
            else:
                word = kind_word(checkin_id=saved.id, pleasantness=data["pleasantness"])
                messages.success(request, word, extra_tags="kind-word")
            return redirect(f"{day_url(saved.local_date)}#checkin-{saved.id}")
    return _details_page(request, form, pleasantness=pleasantness, energy=energy, checkin=checkin)


def _flow(request: HttpRequest, checkin: selectors.CheckInView | None) -> HttpResponse:
    """Both steps, for a new check-in (``checkin`` None) or for changing one.

    Step one is the grid; with JavaScript it also shows the words of the chosen
    quadrant and a "Done" that saves at once (three taps). "Next" (the only button
    without JavaScript) leads to step two: the words, who and what contributed, a note.
    """
    step = request.POST.get("step", "") if request.method == "POST" else ""
    content = checkin.content if checkin is not None else None
    if step in ("feeling", "details"):
        scales_form, pleasantness, energy = _posted_scales(request)
        if pleasantness is None or energy is None:
            # Nothing chosen on the grid, or a hand-made POST: ask again.
            return _feeling_page(request, form=scales_form, checkin=checkin)
        if "back" in request.POST:
            # "Change how I feel" on step two.
            return _feeling_page(request, pleasantness=pleasantness, energy=energy, checkin=checkin)
        # "Done" on step one is for a new check-in only: a change saved from there would
        # drop the tags and note it keeps (step one of a change has no "Done").
        if step == "details" or ("done" in request.POST and checkin is None):
            return _save(request, checkin, pleasantness=pleasantness, energy=energy)
        # "Next" on step one: step two, with a word chosen there kept.
        word = request.POST.get("emotion", "")
        initial: dict[str, Any] = {
            "pleasantness": pleasantness,
            "energy": energy,
            "checkin_id": uuid.uuid4(),
        }
        kept: list[str] = []
        if content is not None:
            kept = list(content.people)
            initial.update(emotion=content.emotion, tags=", ".join(content.tags), note=content.note)
        if word in EMOTION_BY_KEY:
            initial["emotion"] = word
        form = _details_form(_picker(request), kept, initial={**initial, "people": kept})
        return _details_page(
            request, form, pleasantness=pleasantness, energy=energy, checkin=checkin
        )

    if content is not None:
        # Changing a check-in starts at step two, with everything filled in.
        kept = list(content.people)
        form = _details_form(
            _picker(request),
            kept,
            initial={
                "pleasantness": content.pleasantness,
                "energy": content.energy,
                "emotion": content.emotion,
                "people": kept,
                "tags": ", ".join(content.tags),
                "note": content.note,
            },
        )
        return _details_page(
            request,
            form,
            pleasantness=content.pleasantness,
            energy=content.energy,
            checkin=checkin,
        )
    return _feeling_page(request, checkin=checkin)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def checkin_new(request: HttpRequest) -> HttpResponse:
    """Check in: how pleasant and how energetic, then a word and, if wished, more."""
    return _flow(request, None)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def checkin_edit(request: HttpRequest, checkin_id: UUID) -> HttpResponse:
    """Change a check-in (when it was made stays)."""
    checkin = selectors.checkin_for(
        user=current_user(request), vault=current_vault(request), checkin_id=checkin_id
    )
    if not checkin.readable:
        messages.warning(request, "This check-in could not be opened, so it can't be changed.")
        return redirect(day_url(checkin.local_date))
    return _flow(request, checkin)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def checkin_delete(request: HttpRequest, checkin_id: UUID) -> HttpResponse:
    """GET asks for confirmation; POST deletes for good and returns to the day."""
    user = current_user(request)
    checkin = selectors.checkin_for(user=user, vault=current_vault(request), checkin_id=checkin_id)
    if request.method == "POST":
        services.checkin_delete(user=user, checkin_id=checkin.id)
        messages.success(request, "The check-in is deleted.")
        return redirect(day_url(checkin.local_date))
    return render(request, "checkins/delete.html", {"checkin": checkin})


# --- Days and months ---------------------------------------------------------------


def _in_range(year: int, today: date) -> bool:
    return MIN_YEAR <= year <= today.year + 1


@login_required
@require_safe
def day(request: HttpRequest, year: int, month: int, day: int) -> HttpResponse:
    """One of the person's days: its latest thirty check-ins in the order they were
    made (?page=2 for the thirty before)."""
    try:
        the_day = date(year, month, day)
    except ValueError:
        raise Http404("No such day.") from None
    today = current_day(request)
    if not _in_range(year, today):
        raise Http404("No such day.")
    try:
        page = max(1, min(int(request.GET.get("page", "1")), 10_000))
    except ValueError:
        page = 1
    user, vault = current_user(request), current_vault(request)
    # The latest check-ins of the day first come into view (a save lands here); page
    # 2 is the thirty before them.
    checkins, earlier = selectors.checkins_on_day(
        user=user, vault=vault, day=the_day, limit=PAGE_SIZE, skip_latest=(page - 1) * PAGE_SIZE
    )
    named = {p for c in checkins if c.content is not None for p in c.content.people}
    names = people_names(user=user, vault=vault) if named else {}
    items = [
        {
            "checkin": c,
            "people": [
                names[p].name if p in names else "Someone no longer in People"
                for p in c.content.people
            ]
            if c.content is not None
            else [],
        }
        for c in checkins
    ]
    before, after = the_day - timedelta(days=1), the_day + timedelta(days=1)
    context = {
        "day": the_day,
        "items": items,
        "is_today": the_day == today,
        "prev_url": day_url(before) if _in_range(before.year, today) else "",
        "next_url": day_url(after) if after <= today else "",
        "month_url": reverse("checkins:month", kwargs={"year": year, "month": month}),
        "month_name": month_year(year, month),
        "page_size": PAGE_SIZE,
        "earlier_page": page + 1 if earlier else None,
        "later_page": page - 1 if page > 1 else None,
    }
    return render(request, "checkins/day.html", context)


@login_required
@require_safe
def calendar(request: HttpRequest) -> HttpResponse:
    """Send the person to the current month of their own calendar."""
    today = current_day(request)
    return redirect("checkins:month", year=today.year, month=today.month)


def _shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


@login_required
@require_safe
def month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    """A month: a calendar whose days show each check-in's quadrant, then the days listed."""
    if not 1 <= month <= 12:
        raise Http404("No such month.")
    today = current_day_near_month(request, year, month)
    if not _in_range(year, today):
        raise Http404("No such month.")
    checkins = selectors.checkins_in_month(
        user=current_user(request), vault=current_vault(request), year=year, month=month
    )
    by_day: dict[date, list[selectors.CheckInView]] = {}
    for checkin in checkins:
        by_day.setdefault(checkin.local_date, []).append(checkin)
    around: dict[str, dict[str, Any] | None] = {}
    for step, rel in ((-1, "prev"), (1, "next")):
        other_year, other_month = _shift_month(year, month, step)
        ok = _in_range(other_year, today) and (other_year, other_month) <= (today.year, today.month)
        around[rel] = (
            {
                "url": f"{reverse('checkins:index')}{other_year}/{other_month}/",
                "name": MONTH_NAMES[other_month - 1],
                "year": other_year,
                "show_year": other_year != year,
            }
            if ok
            else None
        )
    context = {
        "label": month_year(year, month),
        "calendar_rows": calendar_rows(year, month, by_day, today),
        "day_sections": day_sections(sorted(by_day.items(), reverse=True)),
        "total": len(checkins),
        "key": quadrant_key(),
        "prev": around["prev"],
        "next": around["next"],
        "this_month": (year, month) == (today.year, today.month),
    }
    return render(request, "checkins/month.html", context)
