"""What a logged-in request carries: its person, their unlocked vault, their day.

Views use these instead of casting ``request.user`` and ``request.vault`` each in
their own way; ``@login_required`` (and the vault middleware) guarantee both.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import cast

from django.http import HttpRequest
from django.utils import timezone

from nearer.accounts.models import User
from nearer.accounts.services import preferences_get
from nearer.lib.clock import local_now
from nearer.vault.box import Vault


def current_user(request: HttpRequest) -> User:
    """Return the logged-in person of ``request``."""
    return cast(User, request.user)


def current_vault(request: HttpRequest) -> Vault:
    """Return the vault the middleware unlocked for ``request``."""
    return cast(Vault, request.vault)  # type: ignore[attr-defined]


def current_day(request: HttpRequest) -> date:
    """Return today's date on the person's own clock (their chosen time zone)."""
    prefs = preferences_get(user=current_user(request), vault=current_vault(request))
    return local_now(prefs).date()


_TWO_DAYS = timedelta(days=2)


def current_day_near_month(request: HttpRequest, year: int, month: int) -> date:
    """Return the person's today when it could fall in this month, else the server's.

    Any two time zones are less than two days apart, so for a month that does not
    touch the server's today ±2 days the person's date changes nothing on a month
    page, and their preferences need not be opened (month pages are benchmarked).
    """
    server = timezone.localdate()
    near = {(day.year, day.month) for day in (server - _TWO_DAYS, server + _TWO_DAYS)}
    return current_day(request) if (year, month) in near else server
