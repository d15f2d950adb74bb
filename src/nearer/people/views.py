"""People pages: thin views over people.selectors and people.services.

Every view needs a login; a person or date id always goes through a selector or
service scoped to the user, so someone else's id is a 404. Search is a POST so
names never appear in a URL or an access log; it redirects to a results page named
by a random id under which the words are kept sealed (``vault.search_words``).
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nearer.accounts.current import current_day, current_user, current_vault
from nearer.lib.charts import chart_range
from nearer.lib.forms import add_errors
from nearer.people import detail, rules, selectors, services
from nearer.people.content import CIRCLES
from nearer.people.forms import ClosenessForm, DateForm, PersonForm, SearchForm
from nearer.people.page_parts import parts_context
from nearer.people.rows import person_rows, rhythm_text
from nearer.vault.search_words import SeeOther, search_keep, search_words


def _sections(people: list[selectors.PersonSummary]) -> list[dict[str, Any]]:
    by_circle: dict[str, list[selectors.PersonSummary]] = {key: [] for key, _ in CIRCLES}
    for person in people:
        by_circle[person.circle].append(person)
    return [
        {
            "key": key,
            "label": label,
            "count": len(by_circle[key]),
            "rows": person_rows(by_circle[key]),
        }
        for key, label in CIRCLES
    ]


SEARCH_PLACE = "people"


def _index_page(
    request: HttpRequest, form: SearchForm, *, query: str = "", status: int = 200, **extra: Any
) -> HttpResponse:
    people = selectors.people_list(
        user=current_user(request), vault=current_vault(request), query=query
    )
    context = {
        "form": form,
        "typed": query,
        "searched": bool(query),
        "total": len(people),
        "sections": _sections(people),
        "expired": False,
        **extra,
    }
    return render(request, "people/index.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    """Everyone by circle. POST keeps the words looked for (names, what they're called,
    relationships) sealed for an hour and sends the browser to their results (303), so
    Back and reload never ask to send the form again (``vault.search_words``)."""
    form = SearchForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid() and form.cleaned_data["q"]:
            search_id = search_keep(
                request,
                current_vault(request),
                place=SEARCH_PLACE,
                words={"q": form.cleaned_data["q"]},
            )
            return SeeOther(reverse("people:search_results", kwargs={"search_id": search_id}))
        if form.is_valid():
            return SeeOther(reverse("people:index"))  # nothing typed: everyone
        return _index_page(request, form, typed=request.POST.get("q", ""))
    return _index_page(request, form)


@login_required
@require_safe
def search_results(request: HttpRequest, search_id: str) -> HttpResponse:
    """The people a kept search found; an unknown or expired id is everyone, with a calm
    word to search again (status 404: the id names nothing)."""
    words = search_words(request, current_vault(request), place=SEARCH_PLACE, search_id=search_id)
    if words is None:
        return _index_page(request, SearchForm(), status=404, expired=True)
    return _index_page(request, SearchForm(initial=words), query=words.get("q", ""))


@login_required
@require_safe
def archived(request: HttpRequest) -> HttpResponse:
    people = selectors.people_list(
        user=current_user(request), vault=current_vault(request), archived=True
    )
    context = {"total": len(people), "rows": person_rows(people)}
    return render(request, "people/archived.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def person_new(request: HttpRequest) -> HttpResponse:
    """Add someone, with one important date if wished (more on their edit page)."""
    user, vault, today = current_user(request), current_vault(request), current_day(request)
    data = request.POST if request.method == "POST" else None
    form = PersonForm(data)
    date_form = DateForm(data, prefix="date", today=today, optional=True)
    if request.method == "POST":
        person_ok, date_ok = form.is_valid(), date_form.is_valid()
        if person_ok and date_ok:
            dates = [date_form.draft] if date_form.draft else []
            try:
                person = services.person_create(
                    user=user, vault=vault, details=form.details(), dates=dates
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, "Added.")
                return redirect("people:person", person_id=person.id)
    context = {"form": form, "date_form": date_form, "person": None}
    return render(request, "people/person_form.html", context)


def _dates_context(request: HttpRequest, person_id: UUID, today: date) -> dict[str, Any]:
    """The edit page's dates; ``person_id`` is one the page has just read scoped to the user."""
    dates = selectors.person_dates(
        user=current_user(request),
        vault=current_vault(request),
        person_id=person_id,
        today=today,
        # No second question to the people table whether the person is the user's.
        known_theirs=True,
    )
    return {
        "dates": dates,
        "dates_full": len(dates) >= rules.MAX_DATES,
        "max_dates": rules.MAX_DATES,
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def person_edit(request: HttpRequest, person_id: UUID) -> HttpResponse:
    """Change someone's details; their dates are listed with Remove buttons and a link to add."""
    user, vault = current_user(request), current_vault(request)
    person = selectors.person_get(user=user, vault=vault, person_id=person_id)
    initial = PersonForm.initial_of(person.details) if person.readable else {}
    form = PersonForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(
                user=user, vault=vault, person_id=person.id, details=form.details()
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Saved.")
            return redirect("people:person", person_id=person.id)
    context = {
        "form": form,
        "person": person,
        **_dates_context(request, person.id, current_day(request)),
    }
    return render(request, "people/person_form.html", context)


@login_required
@require_safe
def person_detail(request: HttpRequest, person_id: UUID) -> HttpResponse:
    """A person's page: details, notes, upcoming dates, closeness over time, moments.

    The header is a template, the long parts below the moments are built by
    ``people.detail``; the closeness history comes from the sealed ratings summary on
    the person's row, read with the person.
    """
    user, vault, today = current_user(request), current_vault(request), current_day(request)
    person, history = selectors.person_page(user=user, vault=vault, person_id=person_id)
    # person_page has just read the person scoped to the user: no second ownership query.
    dates = selectors.person_dates(
        user=user, vault=vault, person_id=person.id, today=today, known_theirs=True
    )
    urls = detail.person_urls(person.id)
    details = person.details
    context = {
        "person": person,
        # people/_person_header.html
        "details": details,
        "circle_label": dict(CIRCLES)[details.circle],
        "rhythm": rhythm_text(details.rhythm_days, details.too_long_days),
        "offer_rating": detail.offers_rating(person, history, today),
        "urls": urls,
        "bottom": detail.bottom_html(
            person=person,
            dates=dates,
            history=history,
            urls=urls,
            chosen=chart_range(request.GET.get("range")),
            today=today,
        ),
        **parts_context(user=user, vault=vault, person=person, today=today),
    }
    return render(request, "people/person_detail.html", context)


@login_required
@require_POST
def person_archive(request: HttpRequest, person_id: UUID) -> HttpResponse:
    user, vault = current_user(request), current_vault(request)
    person = selectors.person_get(user=user, vault=vault, person_id=person_id)
    try:
        services.person_archive(user=user, vault=vault, person_id=person.id)
    except ValidationError as exc:
        messages.warning(request, " ".join(exc.messages))
    else:
        messages.success(request, "Archived. They're out of your lists and nudges until restored.")
    return redirect("people:person", person_id=person.id)


@login_required
@require_POST
def person_restore(request: HttpRequest, person_id: UUID) -> HttpResponse:
    user, vault = current_user(request), current_vault(request)
    person = selectors.person_get(user=user, vault=vault, person_id=person_id)
    try:
        services.person_restore(user=user, vault=vault, person_id=person.id)
    except ValidationError as exc:
        messages.warning(request, " ".join(exc.messages))
    else:
        messages.success(request, "Restored.")
    return redirect("people:person", person_id=person.id)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def person_delete(request: HttpRequest, person_id: UUID) -> HttpResponse:
    """GET asks for confirmation; POST deletes for good and returns to the list."""
    user, vault = current_user(request), current_vault(request)
    person = selectors.person_get(user=user, vault=vault, person_id=person_id)
    if request.method == "POST":
        services.person_delete(user=user, vault=vault, person_id=person.id)
        messages.success(request, "Deleted.")
        return redirect("people:index")
    return render(request, "people/person_delete.html", {"person": person})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def date_new(request: HttpRequest, person_id: UUID) -> HttpResponse:
    """Add an important date to someone."""
    user, vault, today = current_user(request), current_vault(request), current_day(request)
    person = selectors.person_get(user=user, vault=vault, person_id=person_id)
    form = DateForm(request.POST if request.method == "POST" else None, today=today)
    if request.method == "POST" and form.is_valid() and form.draft is not None:
        try:
            services.date_add(user=user, vault=vault, person_id=person.id, draft=form.draft)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Date added.")
            return redirect("people:edit", person_id=person.id)
    context = {"form": form, "person": person, "limit": rules.MAX_DATES_TEXT}
    return render(request, "people/date_form.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def date_edit(request: HttpRequest, date_id: UUID) -> HttpResponse:
    """Change an important date: its kind, name, day, month or year."""
    user, vault, today = current_user(request), current_vault(request), current_day(request)
    view, person_id = selectors.date_get(user=user, vault=vault, date_id=date_id, today=today)
    person = selectors.person_get(user=user, vault=vault, person_id=person_id)
    initial = {
        "kind": view.kind or "custom",
        "label": view.label,
        "day": view.day,
        "month": view.month,
        "year": view.year,
    }
    form = DateForm(
        request.POST if request.method == "POST" else None, today=today, initial=initial
    )
    if request.method == "POST" and form.is_valid() and form.draft is not None:
        try:
            services.date_update(user=user, vault=vault, date_id=view.id, draft=form.draft)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Date changed.")
            return redirect("people:edit", person_id=person.id)
    context = {"form": form, "person": person, "changing": True}
    return render(request, "people/date_form.html", context)


@login_required
@require_POST
def date_delete(request: HttpRequest, date_id: UUID) -> HttpResponse:
    person_id = services.date_delete(
        user=current_user(request), date_id=date_id, vault=current_vault(request)
    )
    messages.success(request, "Date removed.")
    return redirect("people:edit", person_id=person_id)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def closeness(request: HttpRequest, person_id: UUID) -> HttpResponse:
    """The closeness picture: choose one of seven pairs of circles (a radio group)."""
    user, vault, today = current_user(request), current_vault(request), current_day(request)
    person = selectors.person_get(user=user, vault=vault, person_id=person_id)
    # The pictures' ids ("ios-value_0" …) keep the page's own "ios-" prefix.
    form = ClosenessForm(request.POST if request.method == "POST" else None, auto_id="ios-%s")
    # One rating a day is kept (the chart has one point a day), so a second one today
    # replaces the first: the page says so before and after, never silently.
    rated_today = selectors.closeness_last_rated_on(user=user, person_id=person.id) == today
    if request.method == "POST" and form.is_valid():
        try:
            services.closeness_rate(
                user=user,
                vault=vault,
                person_id=person.id,
                value=form.cleaned_data["value"],
                rated_on=today,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            if rated_today:
                messages.success(
                    request, "Thank you. This replaces the rating you gave earlier today."
                )
            else:
                messages.success(request, "Thank you. It's on the chart below.")
            page = reverse("people:person", kwargs={"person_id": person.id})
            return redirect(page + "#closeness")
    context = {"form": form, "person": person, "rated_today": rated_today}
    return render(request, "people/closeness.html", context)
