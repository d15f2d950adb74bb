"""The Today page and the shared error pages."""

from __future__ import annotations

from typing import cast
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from nearer.accounts.models import User
from nearer.accounts.services import preferences_get
from nearer.checkins.today import today_context as checkins_today
from nearer.journal.prompts import prompt_by_key
from nearer.journal.rows import entry_rows
from nearer.journal.selectors import entries_recent, prompt_for_day
from nearer.journal.services import prompt_pick, recent_prompt_keys
from nearer.lib.clock import local_now
from nearer.lib.dates import DAY_NAMES, MONTH_NAMES
from nearer.lib.urls import url_for
from nearer.moments.today import today_context as moments_today
from nearer.review.today import today_context as review_today
from nearer.scales.today import today_context as scales_today
from nearer.vault.box import Vault

__all__ = ["another_prompt", "greeting_for", "index"]

RECENT_ENTRIES = 5
# Today names at most this many people: a warm word about one or two, never a count
# of everyone waiting (the rest are on the People page).
PEOPLE_SHOWN = 2


def next_step_of(context: dict[str, object]) -> str:
    """Return the one next step Today puts beside the check-in on a phone's first screen.

    A person to reach out to comes first (that is what Nearer is for), then a scale
    that is due, then a prompt to write: always one of the three, never a list.
    """
    if context.get("moments_nudges"):
        return "person"
    if context.get("scales_due"):
        return "scale"
    return "prompt"


def greeting_for(hour: int) -> str:
    """Return a greeting that fits the hour of the day (0–23)."""
    if 5 <= hour < 12:
        return "Good morning"
    if 12 <= hour < 18:
        return "Good afternoon"
    if 18 <= hour < 23:
        return "Good evening"
    return "Hello"


@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Greeting, a prompt for the day, a way to write, and the latest entries.

    Cheap by design: one read of the preferences and the five newest entries are
    all that is opened.
    """
    user = cast(User, request.user)
    vault = cast(Vault, request.vault)  # type: ignore[attr-defined]
    prefs = preferences_get(user=user, vault=vault)
    now = local_now(prefs)
    name = prefs.get("display_name") or user.username
    # The same prompt all day (showing it does not count as "seen"), skipping the
    # ones "give me a prompt" offered lately; or the one "Another prompt" just chose
    # (its key in the address: prompts are our own, the same for everyone).
    prompt = prompt_by_key(request.GET.get("prompt")) or prompt_for_day(
        user=user, day=now.date(), recent=recent_prompt_keys(prefs)
    )
    recent = entries_recent(user=user, vault=vault, limit=RECENT_ENTRIES)
    context = {
        "greeting": greeting_for(now.hour),
        "name": name,
        "now": now,
        # As the date filter's "l, j F" would say, without its machinery.
        "today_words": f"{DAY_NAMES[now.weekday()]}, {now.day} {MONTH_NAMES[now.month - 1]}",
        "prompt": prompt,
        "recent": recent,
        "recent_rows": entry_rows(recent, show_date=True),
    }
    # Each part of Today comes from its own app, in the page's calm order: how you
    # feel, a scale that is due, the week's review on its day, the people to connect
    # with, then the journal.
    for part in (checkins_today, scales_today, review_today, moments_today):
        context.update(part(user=user, vault=vault, today=now.date(), prefs=prefs))
    nudges = cast("list[dict[str, object]]", context.get("moments_nudges") or [])
    context["moments_nudges"] = nudges[:PEOPLE_SHOWN]
    # No count of everyone else waiting: "See everyone" leads to the People pages.
    context["moments_more"] = 0
    context["today_next"] = next_step_of(context)
    # One CSRF token for the page: every {% csrf_token %} (the prompt and each
    # snooze form) takes this one instead of asking for another.
    context["csrf_token"] = get_token(request)
    # The page's own links, from the cache rather than {% url %} on every visit
    # (Today is benchmarked against a bare page).
    context["journal_new_url"] = url_for("journal:new")
    context["another_prompt_url"] = url_for("today:another_prompt")
    context["journal_index_url"] = url_for("journal:index")
    return render(request, "today/index.html", context)


@login_required
@require_POST
def another_prompt(request: HttpRequest) -> HttpResponse:
    """Choose another prompt and show it on Today; writing stays the person's choice."""
    prompt = prompt_pick(
        user=cast(User, request.user),
        vault=cast(Vault, request.vault),  # type: ignore[attr-defined]
        theme=None,
    )
    return redirect(f"{url_for('today:index')}?{urlencode({'prompt': prompt.key})}#today-prompt")


def _error(request: HttpRequest, status: int, title: str, text: str) -> HttpResponse:
    return render(
        request, "today/error.html", {"title": title, "text": text, "status": status}, status=status
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        400,
        "Something in that request wasn't right",
        "Nothing was changed. Please go back and try again.",
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        403,
        "That isn't allowed",
        "Nothing was changed. If you think this is a mistake, go back and try again.",
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        404,
        "We couldn't find that page",
        "It may have been deleted, or the link is not quite right.",
    )


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(
        request,
        500,
        "Something went wrong on our side",
        "Your saved words are safe. Please try again in a moment.",
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error(
        request,
        403,
        "This page was open for too long",
        "For your safety nothing was saved from that form. Go back, reload the page, "
        "and send it again.",
    )
