"""Account → Security (sessions, sign-ins), the privacy page and security.txt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from nearer.accounts import services, signins
from nearer.accounts.current import current_user, current_vault
from nearer.accounts.security_txt import security_txt
from nearer.lib.clock import local_now
from nearer.lib.dates import short_date
from nearer.lib.private import QuietRepr


def _ago(then: datetime | None, now: datetime) -> str:
    """When a session was last used, rounded: to the hour within a day, else the day."""
    if then is None:
        return "a while ago"
    hours = int((now - then).total_seconds() // 3600)
    if hours < 1:
        return "within the last hour"
    if hours < 24:
        return "about an hour ago" if hours == 1 else f"about {hours} hours ago"
    days = hours // 24
    return "yesterday" if days == 1 else f"{days} days ago"


def _when(at: datetime, zone: tzinfo | None) -> str:
    local = at.astimezone(zone)
    return f"{short_date(local.date())}, {local:%H:%M}"


@dataclass(frozen=True, repr=False)
class SessionRow(QuietRepr):
    handle: str
    device: str
    used: str
    current: bool


@dataclass(frozen=True, repr=False)
class SignInRow(QuietRepr):
    when: str
    succeeded: bool
    device: str


@login_required
@require_http_methods(["GET", "HEAD"])
def security(request: HttpRequest) -> HttpResponse:
    """The person's sessions (this one marked) and their last sign-ins."""
    user, vault = current_user(request), current_vault(request)
    prefs = services.preferences_get(user=user, vault=vault)
    now = local_now(prefs)
    zone = now.tzinfo
    sessions = [
        SessionRow(handle=s.handle, device=s.device, used=_ago(s.last_used, now), current=s.current)
        for s in signins.sessions_for(
            user=user, vault=vault, current_key=request.session.session_key
        )
    ]
    attempts = [
        SignInRow(when=_when(r.at, zone), succeeded=r.succeeded, device=r.device)
        for r in signins.signins_for(user=user, vault=vault)
    ]
    return render(
        request,
        "accounts/security.html",
        {
            "sessions": sessions,
            "others": sum(1 for s in sessions if not s.current),
            "attempts": attempts,
            "keep": signins.KEEP,
        },
    )


@login_required
@require_POST
def session_end(request: HttpRequest, handle: str) -> HttpResponse:
    """End one of the person's other sessions; any other handle is a 404."""
    ended = signins.session_end(
        user=current_user(request), handle=handle, current_key=request.session.session_key
    )
    if not ended:
        raise Http404("no such session")
    messages.success(request, "That session has ended. It will need the password again.")
    return redirect("accounts:security")


@login_required
@require_POST
def sessions_end_others(request: HttpRequest) -> HttpResponse:
    """Log out everywhere but here."""
    count = signins.sessions_end_others(
        user=current_user(request), current_key=request.session.session_key
    )
    if count:
        messages.success(request, "You are logged out everywhere else. This device stays in.")
    else:
        messages.success(request, "There were no other sessions. Only this device is logged in.")
    return redirect("accounts:security")


@require_http_methods(["GET", "HEAD"])
def privacy(request: HttpRequest) -> HttpResponse:
    """What is kept in the clear, what is sealed, and what the operator can see."""
    return render(request, "accounts/privacy.html", {"signup": settings.SIGNUP})


@require_http_methods(["GET", "HEAD"])
def security_txt_view(request: HttpRequest) -> HttpResponse:
    """RFC 9116's file, when the operator has set a contact; a 404 otherwise."""
    contact = settings.SECURITY_CONTACT
    if not contact:
        raise Http404("no security contact is set")
    body = security_txt(contact=contact, now=timezone.now())
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
