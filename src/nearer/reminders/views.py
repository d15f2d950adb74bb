"""The reminders page, and the unsubscribe link an email carries (no login needed)."""

from __future__ import annotations

from datetime import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from nearer.accounts.current import current_user, current_vault
from nearer.lib.forms import add_errors
from nearer.lib.urls import url_for
from nearer.reminders import selectors, services
from nearer.reminders.forms import RemindersForm
from nearer.reminders.models import KINDS, Reminder
from nearer.reminders.sending import SENTENCES
from nearer.reminders.tokens import token_read


def _hour_minute(value: time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def _initial(reminder: Reminder | None) -> dict[str, object]:
    shown = reminder or Reminder()
    initial: dict[str, object] = {kind: getattr(shown, kind) for kind in KINDS}
    initial.update(
        send_at=_hour_minute(shown.send_at),
        quiet_from=_hour_minute(shown.quiet_from),
        quiet_until=_hour_minute(shown.quiet_until),
    )
    return initial


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def settings_view(request: HttpRequest) -> HttpResponse:
    """Choose the kinds of reminder, the time of day and quiet hours."""
    user, vault = current_user(request), current_vault(request)
    reminder = selectors.reminder_of(user=user)
    form = RemindersForm(
        request.POST if request.method == "POST" else None, initial=_initial(reminder)
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.reminders_update(
                user=user,
                vault=vault,
                kinds=form.kinds(),
                send_at=form.cleaned_data["send_at"],
                quiet_from=form.cleaned_data["quiet_from"],
                quiet_until=form.cleaned_data["quiet_until"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            if not saved.kinds_on():
                messages.success(request, "Saved. No reminders will be sent.")
            elif user.email and user.email_verified_at is not None:
                messages.success(request, "Saved. Reminders will come to your verified email.")
            else:
                messages.success(
                    request, "Saved. Reminders will start once your email is verified."
                )
            return redirect(url_for("reminders:settings"))
    context = {
        "form": form,
        "has_email": bool(user.email),
        "verified": bool(user.email) and user.email_verified_at is not None,
        "email_url": f"{url_for('accounts:settings')}#email",
    }
    return render(request, "reminders/settings.html", context, status=400 if form.errors else 200)


# Mail clients POST here without a session or CSRF token (RFC 8058 one-click): the
# signed token is the whole of the authority, and all it can do is turn one kind off.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET: one button to stop a kind of reminder. POST: stop it (no login needed)."""
    link = token_read(token)
    if link is None:
        return render(request, "reminders/unsubscribe_unknown.html", status=400)
    sentence = SENTENCES[link.kind]
    if request.method == "POST":
        if not services.reminder_unsubscribe(link=link):
            return render(request, "reminders/unsubscribe_unknown.html", status=400)
        return render(request, "reminders/unsubscribed.html", {"sentence": sentence})
    return render(request, "reminders/unsubscribe.html", {"sentence": sentence})
