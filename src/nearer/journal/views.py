"""Journal pages: thin views over journal.selectors and journal.services.

Every view needs a login; an entry id always comes back through a selector or
service scoped to the person, so someone else's id is a 404. Search is a POST so
the words never appear in a URL or an access log; it redirects to a results page
named by a random id under which the words are kept sealed (``vault.search_words``).
"""

from __future__ import annotations

import calendar
import uuid
from datetime import date
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nearer.accounts.current import current_day, current_day_near_month, current_user, current_vault
from nearer.journal import rules, selectors, services
from nearer.journal.forms import EntryForm, PromptPickForm, SearchForm
from nearer.journal.prompts import PROMPTS, THEMES, prompt_by_key
from nearer.journal.rows import (
    CalendarDay,
    calendar_rows,
    day_anchor,
    day_sections,
    hit_rows,
)
from nearer.lib.dates import MONTH_NAMES, month_year
from nearer.lib.drafts import forget_drafts, saved_drafts
from nearer.lib.forms import add_errors
from nearer.vault.search_words import SeeOther, search_keep, search_words

NEW_DRAFT = "journal:new"
# The calendar goes as far as entry dates may: from MIN_YEAR to next year.
MAX_YEARS_AHEAD = 1


def edit_draft_key(entry_id: UUID) -> str:
    return f"journal:edit:{entry_id}"


def _month_url(day: date) -> str:
    return reverse("journal:month", kwargs={"year": day.year, "month": day.month})


@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """The person's current month, shown at /journal/ itself.

    The Journal link of every page points here; a redirect to the month's own URL
    cost a second request (session, login and vault each time) for every visit.
    """
    today = current_day(request)
    return month(request, today.year, today.month)


def _weeks(year: int, month: int, counts: dict[int, int], today: date) -> list[list[CalendarDay]]:
    """Return the month as weeks of seven days (Monday first), padded with empty cells."""
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                CalendarDay(day.day, counts.get(day.day, 0), day == today, day_anchor(day))
                if day.month == month
                else CalendarDay()
                for day in week
            ]
        )
    return weeks


def _month_in_range(year: int, month: int, today: date) -> bool:
    return 1 <= month <= 12 and rules.MIN_YEAR <= year <= today.year + MAX_YEARS_AHEAD


def _shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


@login_required
@require_safe
def month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    """One month: an accessible calendar, then the month's entries by day, newest first."""
    if not 1 <= month <= 12:
        raise Http404("No such month.")
    today = current_day_near_month(request, year, month)
    if not _month_in_range(year, month, today):
        raise Http404("No such month.")
    entries = selectors.entries_in_month(
        user=current_user(request), vault=current_vault(request), year=year, month=month
    )
    counts: dict[int, int] = {}
    by_day: dict[date, list[selectors.EntryView]] = {}
    for entry in entries:
        counts[entry.entry_date.day] = counts.get(entry.entry_date.day, 0) + 1
        by_day.setdefault(entry.entry_date, []).append(entry)
    around = []
    for step, rel in ((-1, "prev"), (1, "next")):
        other_year, other_month = _shift_month(year, month, step)
        if _month_in_range(other_year, other_month, today):
            around.append(
                {
                    "rel": rel,
                    "year": other_year,
                    "month": other_month,
                    "name": MONTH_NAMES[other_month - 1],
                    "show_year": other_year != year,
                }
            )
    context = {
        "label": month_year(year, month),
        "calendar_rows": calendar_rows(_weeks(year, month, counts, today)),
        "day_sections": day_sections(by_day.items()),
        "entry_total": len(entries),
        "prev": next((m for m in around if m["rel"] == "prev"), None),
        "next": next((m for m in around if m["rel"] == "next"), None),
        "year": year,
        # "This month" links to /journal/, which finds the person's month itself.
        "this_month": (year, month) == (today.year, today.month),
        # "Write an entry" from a past month dates it that month's first day.
        "write_date": date(year, month, 1) if (year, month) < (today.year, today.month) else None,
        "draft_saved": saved_drafts(request),
    }
    return render(request, "journal/month.html", context)


def _entry_form_page(
    request: HttpRequest, form: EntryForm, *, draft_key: str, **extra: Any
) -> HttpResponse:
    context = {"form": form, "draft_key": draft_key, **extra}
    return render(request, "journal/entry_form.html", context)


def _date_from_query(value: str, today: date) -> date | None:
    """Return a valid entry date from ?date=YYYY-MM-DD, or None (then today is used)."""
    try:
        return rules.entry_date_by_person(date.fromisoformat(value), today=today)
    except (ValueError, ValidationError):
        return None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_new(request: HttpRequest) -> HttpResponse:
    """Write a new entry; with ?prompt=<key>, a guided one answering that prompt."""
    user, vault, today = current_user(request), current_vault(request), current_day(request)
    prompt = prompt_by_key(request.POST.get("prompt") or request.GET.get("prompt"))
    initial: dict[str, Any] = {
        "entry_date": today,
        "prompt": prompt.key if prompt else "",
        "draft_id": uuid.uuid4(),
    }
    asked_date = _date_from_query(request.GET.get("date", ""), today)
    if asked_date is not None:
        initial["entry_date"] = asked_date
    form = EntryForm(
        request.POST if request.method == "POST" else None, initial=initial, today=today
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        draft_id = data.get("draft_id")
        fields = {
            "entry_date": data["entry_date"],
            "title": data["title"],
            "body": data["body"],
            "tags": data["tags"],
        }
        try:
            if draft_id is not None and selectors.entry_exists(user=user, entry_id=draft_id):
                # The same draft again (a retry after a dropped connection or a login,
                # or Save pressed on a page brought back with Back): keep the latest
                # words in the one entry instead of making a second.
                entry = services.entry_update(user=user, vault=vault, entry_id=draft_id, **fields)
            else:
                entry = services.entry_create(
                    user=user,
                    vault=vault,
                    prompt_key=prompt.key if prompt else None,
                    entry_id=draft_id,
                    **fields,
                )
        except ValidationError as exc:
            add_errors(form, exc)
        except IntegrityError:
            # The same draft arrived twice at the same moment: the other copy won.
            if draft_id is None or not selectors.entry_exists(user=user, entry_id=draft_id):
                raise
            forget_drafts(request, NEW_DRAFT)
            return redirect("journal:entry", entry_id=draft_id)
        else:
            forget_drafts(request, NEW_DRAFT)
            messages.success(request, "Saved.")
            return redirect("journal:entry", entry_id=entry.id)
    return _entry_form_page(request, form, draft_key=NEW_DRAFT, prompt=prompt, entry=None)


@login_required
@require_safe
def entry_detail(request: HttpRequest, entry_id: UUID) -> HttpResponse:
    entry = selectors.entry_for(
        user=current_user(request), vault=current_vault(request), entry_id=entry_id
    )
    context = {"entry": entry, "draft_saved": saved_drafts(request)}
    return render(request, "journal/entry_detail.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_edit(request: HttpRequest, entry_id: UUID) -> HttpResponse:
    """Change an entry's date, title, text or tags (a guided entry keeps its prompt)."""
    user, vault = current_user(request), current_vault(request)
    entry = selectors.entry_for(user=user, vault=vault, entry_id=entry_id)
    if not entry.readable:
        messages.warning(request, "This entry could not be opened, so it can't be edited.")
        return redirect("journal:entry", entry_id=entry.id)
    initial = {
        "entry_date": entry.entry_date,
        "title": entry.title,
        "body": entry.body,
        "tags": ", ".join(entry.tags),
    }
    form = EntryForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        today=current_day(request),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.entry_update(
                user=user,
                vault=vault,
                entry_id=entry.id,
                entry_date=data["entry_date"],
                title=data["title"],
                body=data["body"],
                tags=data["tags"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            forget_drafts(request, edit_draft_key(entry.id))
            messages.success(request, "Saved.")
            return redirect("journal:entry", entry_id=entry.id)
    return _entry_form_page(
        request, form, draft_key=edit_draft_key(entry.id), prompt=entry.prompt, entry=entry
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_delete(request: HttpRequest, entry_id: UUID) -> HttpResponse:
    """GET asks for confirmation; POST deletes for good and returns to the month."""
    user, vault = current_user(request), current_vault(request)
    entry = selectors.entry_for(user=user, vault=vault, entry_id=entry_id)
    if request.method == "POST":
        services.entry_delete(user=user, vault=vault, entry_id=entry.id)
        forget_drafts(request, edit_draft_key(entry.id))
        messages.success(request, "The entry is deleted.")
        return redirect(_month_url(entry.entry_date))
    return render(request, "journal/entry_delete.html", {"entry": entry})


SEARCH_PLACE = "journal"


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def search(request: HttpRequest) -> HttpResponse:
    """GET shows the form; POST keeps the words sealed for an hour and sends the browser
    to their results page (303), so Back and reload never ask to send the form again."""
    form = SearchForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        search_id = search_keep(
            request,
            current_vault(request),
            place=SEARCH_PLACE,
            words={"q": form.cleaned_data["q"], "tag": form.cleaned_data["tag"] or ""},
        )
        return SeeOther(reverse("journal:search_results", kwargs={"search_id": search_id}))
    context = {"form": form, "results": None, "rows": "", "expired": False}
    return render(request, "journal/search.html", context)


@login_required
@require_safe
def search_results(request: HttpRequest, search_id: str) -> HttpResponse:
    """The results of a kept search, newest first, a page at a time (?older=<cursor>).

    An unknown or expired id (another session's, or after an hour) is a calm page
    with the empty form, "search again" (status 404)."""
    vault = current_vault(request)
    words = search_words(request, vault, place=SEARCH_PLACE, search_id=search_id)
    if words is None:
        expired = {"form": SearchForm(), "results": None, "rows": "", "expired": True}
        # 404: the id names nothing (the sweep of ids checks a stranger gets one), but
        # the page is the search form with a calm word, not an error page.
        return render(request, "journal/search.html", expired, status=404)
    older = selectors.cursor_from_text(request.GET.get("older", ""))
    page = selectors.entries_search_page(
        user=current_user(request),
        vault=vault,
        query=words.get("q", ""),
        tag=words.get("tag") or None,
        older=older,
    )
    here = reverse("journal:search_results", kwargs={"search_id": search_id})
    context: dict[str, Any] = {
        "form": SearchForm(initial=words),
        "results": page,
        "rows": hit_rows(page.hits),
        "first_page": older is None,
        "older_url": (
            f"{here}?{urlencode({'older': selectors.cursor_text(page.older)})}"
            if page.older is not None
            else ""
        ),
        "newest_url": here if older is not None else "",
        # Every key the template reads is given: a missing one is logged with the
        # whole context (the hits' words) by Django's template debug logging.
        "expired": False,
    }
    return render(request, "journal/search.html", context)


@login_required
@require_safe
def tags(request: HttpRequest) -> HttpResponse:
    tag_counts = selectors.tags_for(user=current_user(request), vault=current_vault(request))
    return render(request, "journal/tags.html", {"tag_counts": tag_counts})


@login_required
@require_safe
def prompts(request: HttpRequest) -> HttpResponse:
    """Every built-in prompt by theme, each with a link to write about it."""
    themes = [(theme, [p for p in PROMPTS if p.theme == theme.key]) for theme in THEMES]
    return render(request, "journal/prompts.html", {"themes": themes, "pick": PromptPickForm()})


@login_required
@require_POST
def prompt_pick(request: HttpRequest) -> HttpResponse:
    """ "Give me a prompt": one not shown recently, then straight to writing about it."""
    form = PromptPickForm(request.POST)
    theme = form.cleaned_data["theme"] if form.is_valid() else None
    prompt = services.prompt_pick(
        user=current_user(request), vault=current_vault(request), theme=theme or None
    )
    return redirect(f"{reverse('journal:new')}?{urlencode({'prompt': prompt.key})}")
