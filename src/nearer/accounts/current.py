"""What a logged-in request carries: its person, their unlocked vault, their day.

Views use these instead of casting ``request.user`` and ``request.vault`` each in
their own way; ``@login_required`` (and the vault middleware) guarantee both.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from django.http import HttpRequest

from nearer.accounts.models import User
from nearer.accounts.services import preferences_get
from nearer.today.clock import local_now
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
