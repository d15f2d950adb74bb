"""Unlocks the vault for each request of a logged-in person, in memory only."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from nearer.vault import session as vault_session

BOUNCE_PARAM = "unlock"


class VaultMiddleware:
    """Sets ``request.vault`` for a logged-in person, or ends a session it cannot open.

    A session whose key cannot be unlocked (cookie missing or tampered, absolute
    timeout passed) is logged out and sent to the login page with a calm message.
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
            target = f"{request.path}?{query.urlencode()}"
            return render(request, "vault/unlock_bounce.html", {"target": target})
        logout(request)
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
        elif getattr(request, vault_session.DROP_COOKIE_ATTR, False) or (
            not request.user.is_authenticated and settings.VAULT_COOKIE_NAME in request.COOKIES
        ):
            response.delete_cookie(settings.VAULT_COOKIE_NAME, samesite="Strict")
