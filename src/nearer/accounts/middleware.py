"""The logged-in person of a request, and private responses (no cache keeps a page)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import auth
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthentication
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject

from nearer.accounts.session_store import reading_user_of


def _get_user(request: HttpRequest) -> AbstractBaseUser | AnonymousUser:
    """Django's ``get_user``, letting the backend take the account read with the session."""
    if not hasattr(request, "_cached_user"):
        with reading_user_of(request.session):
            request._cached_user = auth.get_user(request)  # type: ignore[attr-defined]
    return request._cached_user  # type: ignore[attr-defined, no-any-return]


class AuthenticationMiddleware(DjangoAuthentication):
    """Django's, with the account read in the session's own query (``session_store``).

    Everything else is Django's: the backend path and the session's auth hash are
    checked as before, so a password change or "sign out everywhere" still ends it.
    """

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _get_user(request))  # type: ignore[assignment]


class PrivateResponseMiddleware:
    """Adds ``Cache-Control: no-store`` to every page (static files are served earlier)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        add_never_cache_headers(response)
        response["Cache-Control"] = "no-store, private"
        return response
