"""Pages of moments and nudges: thin views over moments.selectors and moments.services.

Every view needs a login. A moment id always comes back through a selector or a
service scoped to the person, so someone else's id is a 404; person ids posted in
a form are checked again by the services against the person's own people.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nearer.accounts.models import User
from nearer.accounts.services import preferences_get
from nearer.lib.clock import local_now
from nearer.lib.forms import add_errors
from nearer.lib.urls import UrlPattern
from nearer.moments import nudges, selectors, services
from nearer.moments.forms import MomentForm, QuickMomentForm, SnoozeForm
from nearer.moments.rows import drift_sections, moment_rows, moments_nav
from nearer.moments.seen import people_seen_order
from nearer.people.selectors import PersonSummary, people_index, people_rows
from nearer.vault.box import Vault


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _vault(request: HttpRequest) -> Vault:
    return cast(Vault, request.vault)  # type: ignore[attr-defined]


def _prefs(request: HttpRequest) -> dict[str, Any]:
    return preferences_get(user=_user(request), vault=_vault(request))


def _today(request: HttpRequest) -> date:
    return local_now(_prefs(request)).date()


def _safe_next(request: HttpRequest, value: str | None) -> str | None:
    """Return ``value`` when it is a path on this site (never another host), else None."""
    if not value or not value.startswith("/") or value.startswith("//"):
        return None
    if url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return None


def _asked_person(request: HttpRequest, choices: list[tuple[str, str]]) -> str | None:
    """Return ?person=<id> when it names one of the choices (anything else is ignored)."""
    asked = request.GET.get("person", "")
    return asked if asked in {pid for pid, _ in choices} else None


@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Every moment, newest first, a page at a time (?page=N); ?person=<id> for one person's."""
    user, vault = _user(request), _vault(request)
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        number = 1
    # Names are made only for the people on this page of moments.
    people = people_rows(user=user, vault=vault, include_archived=True)
    person = people.get(request.GET.get("person", ""))
    page = selectors.moments_page(
        user=user,
        vault=vault,
        number=number,
        person_id=UUID(person.id) if person else None,
        people=people,
    )
    context = {
        "page": page,
        "rows": moment_rows(page.moments, leave_out=person.id if person else None),
        "person": person,
        "person_url": UrlPattern("people:person", "person_id")(person.id) if person else "",
        "moments_nav": moments_nav("index"),
    }
    return render(request, "moments/index.html", context)


def _circles(people: Mapping[str, PersonSummary]) -> dict[str, str]:
    # The people picker groups everyone by circle.
    return {person_id: person.circle for person_id, person in people.items()}


def _form_page(request: HttpRequest, form: MomentForm, **extra: Any) -> HttpResponse:
    context = {"form": form, **extra}
    return render(request, "moments/moment_form.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def moment_new(request: HttpRequest) -> HttpResponse:
    """The full form: everything about a moment, with ?person=<id> ticked already."""
    user, vault, today = _user(request), _vault(request), _today(request)
    people = people_index(user=user, vault=vault)
    choices = selectors.people_choices(people)
    asked = _asked_person(request, choices)
    initial = {"occurred_on": today, "people": [asked] if asked else []}
    form = MomentForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        today=today,
        people=choices,
        circles=_circles(people),
        order=people_seen_order(user=user, today=today),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.moment_create(
                user=user, vault=vault, **services.moment_fields(form.cleaned_data)
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Moment saved.")
            return redirect("moments:index")
    return _form_page(request, form, moment=None, has_people=bool(choices))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def moment_quick(request: HttpRequest) -> HttpResponse:
    """Log a moment in a few taps: who (prefilled from ?person=), how, save.

    The day is today unless changed; the rest is optional and folded away. After
    saving, the person goes back where they came from (``next``, on this site only).
    """
    user, vault, today = _user(request), _vault(request), _today(request)
    people = people_index(user=user, vault=vault)
    choices = selectors.people_choices(people)
    data = request.POST if request.method == "POST" else None
    posted = request.POST.getlist("people") if data is not None else []
    asked = _asked_person(request, choices)
    prefilled = bool(request.POST.get("prefilled")) if data is not None else asked is not None
    initial = {"occurred_on": today, "people": [asked] if asked else []}
    form = QuickMomentForm(
        data,
        initial=initial,
        today=today,
        people=choices,
        circles=_circles(people),
        order=people_seen_order(user=user, today=today),
        prefilled=prefilled,
    )
    back = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if data is not None and form.is_valid():
        try:
            services.moment_create(
                user=user, vault=vault, **services.moment_fields(form.cleaned_data)
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Moment saved.")
            return redirect(back or "today:index")
    chosen = posted if data is not None else ([asked] if asked else [])
    names = [people[pid].display_name for pid in chosen if pid in people]
    context = {
        "form": form,
        "prefilled": prefilled,
        "with_names": names,
        "next": back or "",
        "has_people": bool(choices),
    }
    return render(request, "moments/quick.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def moment_edit(request: HttpRequest, moment_id: UUID) -> HttpResponse:
    user, vault, today = _user(request), _vault(request), _today(request)
    moment = selectors.moment_for(user=user, vault=vault, moment_id=moment_id)
    if moment.content is None:
        messages.warning(request, "This moment could not be opened, so it can't be edited.")
        return redirect("moments:index")
    people = people_index(user=user, vault=vault, include_archived=True)
    choices = selectors.people_choices(people, keep=moment.person_ids)
    content = moment.content
    initial = {
        "people": moment.person_ids,
        "how": content.how,
        "occurred_on": moment.occurred_on,
        "at": content.time or "",
        "minutes": content.minutes,
        "kinds": list(content.kinds),
        "closeness": str(content.closeness) if content.closeness else "",
        "opened_up": content.opened_up,
        "note": content.note,
    }
    form = MomentForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        today=today,
        people=choices,
        circles=_circles(people),
        order=people_seen_order(user=user, today=today),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.moment_update(
                user=user,
                vault=vault,
                moment_id=moment.id,
                **services.moment_fields(form.cleaned_data),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Moment saved.")
            return redirect("moments:index")
    return _form_page(request, form, moment=moment, has_people=True)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def moment_delete(request: HttpRequest, moment_id: UUID) -> HttpResponse:
    """GET asks for confirmation; POST deletes for good (the clocks move back)."""
    user = _user(request)
    moment = selectors.moment_for(user=user, vault=_vault(request), moment_id=moment_id)
    if request.method == "POST":
        services.moment_delete(user=user, vault=_vault(request), moment_id=moment.id)
        messages.success(request, "The moment is deleted.")
        return redirect("moments:index")
    return render(request, "moments/moment_delete.html", {"moment": moment})


@login_required
@require_POST
def nudge_snooze(request: HttpRequest, person_id: UUID) -> HttpResponse:
    """Quiet the nudge about one person for a week (or the chosen time)."""
    user = _user(request)
    form = SnoozeForm(request.POST)
    days = form.cleaned_data["days"] if form.is_valid() else 7
    # The person's existence is checked by the service (Http404 for anyone else's).
    services.nudge_snooze(
        user=user,
        person_id=person_id,
        until=_today(request) + timedelta(days=days),
        vault=_vault(request),
    )
    messages.success(request, "Nudge quieted for now.")
    return redirect(_safe_next(request, request.POST.get("next")) or "today:index")


@login_required
@require_safe
def drifting(request: HttpRequest) -> HttpResponse:
    """Everyone by time since the latest moment together, per circle."""
    user, vault = _user(request), _vault(request)
    prefs = _prefs(request)
    today = local_now(prefs).date()
    # Straight from the index's rows and the clear dates: no summary or clock objects.
    people = people_rows(user=user, vault=vault)
    groups = nudges.drifting_now(user=user, people=people, today=today, zone=_zone(prefs))
    context = {
        "sections": drift_sections(groups),
        "any_people": any(group.rows for group in groups),
        "moments_nav": moments_nav("drifting"),
    }
    return render(request, "moments/drifting.html", context)


def _zone(prefs: dict[str, Any]) -> zoneinfo.ZoneInfo | None:
    zone = prefs.get("time_zone")
    if isinstance(zone, str) and zone:
        try:
            return zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None
    return None
