"""The weekly review's pages: the review itself, save, dismiss, and its settings."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nearer.accounts.current import current_user, current_vault
from nearer.accounts.services import preferences_get
from nearer.lib.clock import local_now
from nearer.lib.drafts import forget_drafts
from nearer.lib.forms import add_errors
from nearer.lib.urls import url_for
from nearer.review import services
from nearer.review.forms import AnswerForm, SettingsForm
from nearer.review.selectors import week_review
from nearer.review.week import (
    day_name,
    earliest_week,
    review_day,
    review_enabled,
    week_start,
    week_words,
)

_WEEK = timedelta(weeks=1)
WEEK_REFUSED = "That week can't be reviewed here; this is the review of the week you are in."


def draft_key(start: date) -> str:
    """The browser draft of a week's answer (nearer.js keeps it until the save lands)."""
    return f"review:{start.isoformat()}"


def _week(value: str | None, today: date) -> date | None:
    """The Monday of ?week=YYYY-MM-DD when it is a week of the last year up to this one."""
    if not value:
        return week_start(today)
    try:
        start = week_start(date.fromisoformat(value[:10]))
    except ValueError:
        return None
    if not earliest_week(today) <= start <= week_start(today):
        return None
    return start


def _page(
    request: HttpRequest, start: date, today: date, prefs: dict[str, Any], form: AnswerForm
) -> HttpResponse:
    user, vault = current_user(request), current_vault(request)
    review = week_review(user=user, vault=vault, start=start, today=today, prefs=prefs)
    this_week = week_start(today)
    earlier = _week((start - _WEEK).isoformat(), today)
    context = {
        "review": review,
        "form": form,
        "week_words": week_words(start),
        "is_this_week": start == this_week,
        "earlier_week": earlier,
        "later_week": None if start == this_week else start + _WEEK,
        "draft_key": draft_key(start),
        "enabled": review_enabled(prefs),
        "day_name": day_name(review_day(prefs)),
    }
    return render(request, "review/index.html", context, status=400 if form.errors else 200)


def _today(request: HttpRequest) -> tuple[date, dict[str, Any]]:
    prefs = preferences_get(user=current_user(request), vault=current_vault(request))
    return local_now(prefs).date(), prefs


@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """The review of this week, or of ?week= (a Monday of the last year)."""
    today, prefs = _today(request)
    start = _week(request.GET.get("week"), today)
    if start is None:
        messages.info(request, WEEK_REFUSED)
        start = week_start(today)
    return _page(request, start, today, prefs, AnswerForm())


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def save(request: HttpRequest) -> HttpResponse:
    """Save the week's review and the answer as one journal entry, then show it.

    A GET comes back here after logging in again (a session timed out while the
    person was writing): it leads to the review of that week, where the kept draft
    of the answer is restored and sent again (nearer.js).
    """
    user, vault = current_user(request), current_vault(request)
    today, prefs = _today(request)
    start = _week(request.POST.get("week") or request.GET.get("week"), today)
    if start is None:
        messages.info(request, WEEK_REFUSED)
        return redirect(url_for("review:index"))
    if request.method != "POST":
        return redirect(f"{url_for('review:index')}?week={start.isoformat()}")
    form = AnswerForm(request.POST)
    if form.is_valid():
        review = week_review(user=user, vault=vault, start=start, today=today, prefs=prefs)
        try:
            entry = services.review_save(
                user=user,
                vault=vault,
                review=review,
                answer=form.cleaned_data["answer"],
                today=today,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            forget_drafts(request, draft_key(start))
            messages.success(request, "Saved in your journal.")
            return redirect("journal:entry", entry_id=entry.id)
    return _page(request, start, today, prefs, form)


@login_required
@require_POST
def dismiss(request: HttpRequest) -> HttpResponse:
    """Set this week's review aside; Today offers the next one next week."""
    today, _prefs = _today(request)
    start = _week(request.POST.get("week"), today)
    if start is None:
        messages.info(request, WEEK_REFUSED)
        return redirect(url_for("review:index"))
    services.review_dismiss(user=current_user(request), vault=current_vault(request), start=start)
    messages.success(request, "Set aside for this week. The review is here whenever you want it.")
    return redirect(url_for("today:index"))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def settings_view(request: HttpRequest) -> HttpResponse:
    """Opt in to the weekly review (off by default) and pick its day."""
    user, vault = current_user(request), current_vault(request)
    prefs = preferences_get(user=user, vault=vault)
    initial = {"enabled": review_enabled(prefs), "day": str(review_day(prefs))}
    form = SettingsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_settings_update(
                user=user,
                vault=vault,
                enabled=form.cleaned_data["enabled"],
                day=form.cleaned_data["day"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            if form.cleaned_data["enabled"]:
                words = (
                    f"Saved. Today will offer the review on {day_name(form.cleaned_data['day'])}s."
                )
            else:
                words = "Saved. Today won't offer the review; it is still here any day."
            messages.success(request, words)
            return redirect(url_for("review:settings"))
    status = 400 if form.errors else 200
    return render(request, "review/settings.html", {"form": form}, status=status)
