"""Unlocks the vault for each request of a logged-in person, in memory only."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.encoding import escape_uri_path
from django.utils.http import url_has_allowed_host_and_scheme

from nearer.vault import session as vault_session

BOUNCE_PARAM = "unlock"


def _mark_login_redirect_as_ended(response: HttpResponse) -> None:
    """Add ``ended=1`` to a redirect to the login page."""
    location = response.get("Location", "")
    login_path = reverse("accounts:login")
    is_login_redirect = response.status_code in (301, 302, 303) and location.startswith(login_path)
    if is_login_redirect and "ended=1" not in location:
        joiner = "&" if "?" in location else "?"
        response["Location"] = f"{location}{joiner}ended=1"


def _carry_on_logged_out(request: HttpRequest) -> None:
    """Treat ``request`` as logged out, leaving its session row as it is.

    The key cookie did not open the session, so whoever sent the session id may not
    be its owner (an id seen in a log or over a shoulder): deleting or rewriting the
    row would log the owner out. The request gets a new, empty session instead; the
    response then drops this browser's session cookie, and anything it stores (a
    later login here) goes into a row of its own. The owner's row ends with its idle
    timeout, or when the owner logs out.
    """
    engine = import_module(settings.SESSION_ENGINE)
    request.session = engine.SessionStore()
    request.user = AnonymousUser()


class VaultMiddleware:
    """Sets ``request.vault`` for a logged-in person, or ends a session it cannot open.

    A request whose session key cannot be unlocked is sent to the login page with a
    calm message: past the absolute timeout the session is logged out (its row goes);
    with the key cookie missing or wrong the request is only treated as logged out,
    and the session is left to its owner (see ``_carry_on_logged_out``).
    A top-level navigation from another site does not carry our SameSite=Strict
    key cookie, so a GET first gets one same-site reload before giving up.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.vault = None  # type: ignore[attr-defined]
        user = request.user
        if user.is_authenticated:
            vault = None
            if not vault_session.session_expired(request):
                vault = vault_session.vault_from_request(request, user_id=user.pk)
            if vault is None:
                early = self._locked(request)
                self._finish(request, early)
                return early
            request.vault = vault  # type: ignore[attr-defined]
            vault_session.touch(request)
        response = self.get_response(request)
        self._finish(request, response)
        return response

    def _locked(self, request: HttpRequest) -> HttpResponse:
        cookie_missing = settings.VAULT_COOKIE_NAME not in request.COOKIES
        if (
            request.method == "GET"
            and cookie_missing
            and not vault_session.session_expired(request)
            and BOUNCE_PARAM not in request.GET
        ):
            query = request.GET.copy()
            query[BOUNCE_PARAM] = "1"
            target = f"{escape_uri_path(request.path)}?{query.urlencode()}"
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                # A path like //evil.example/ would make the reload leave the site.
                target = f"{reverse('today:index')}?{BOUNCE_PARAM}=1"
            return render(request, "vault/unlock_bounce.html", {"target": target})
        if vault_session.session_expired(request):
            # The session's own lifetime is over, so its row goes.
            logout(request)
        else:
            _carry_on_logged_out(request)
        vault_session.vault_end(request)
        target = request.get_full_path() if request.method == "GET" else request.path
        login_query = urlencode({"next": target, "ended": "1"})
        return HttpResponseRedirect(f"{reverse('accounts:login')}?{login_query}")

    @staticmethod
    def _finish(request: HttpRequest, response: HttpResponse) -> None:
        secret = getattr(request, vault_session.NEW_COOKIE_ATTR, None)
        if secret:
            response.set_cookie(
                settings.VAULT_COOKIE_NAME,
                secret,
                max_age=None,
                httponly=True,
                samesite="Strict",
                secure=settings.HTTPS,
            )
        elif getattr(request, vault_session.DROP_COOKIE_ATTR, False):
            response.delete_cookie(settings.VAULT_COOKIE_NAME, samesite="Strict")
        elif not request.user.is_authenticated and settings.VAULT_COOKIE_NAME in request.COOKIES:
            # A key cookie without a live session: the session timed out. Drop the
            # stale half, and tell the login page so it can say what happened.
            response.delete_cookie(settings.VAULT_COOKIE_NAME, samesite="Strict")
            _mark_login_redirect_as_ended(response)
