"""What scales adds to the Today page (filled in by the scales app)."""

from __future__ import annotations

from datetime import date
from typing import Any

from nearer.accounts.models import User
from nearer.vault.box import Vault


def today_context(
    *, user: User, vault: Vault, today: date, prefs: dict[str, Any]
) -> dict[str, Any]:
    """Return the template context of this app's part of Today (names prefixed scales_)."""
    return {}
