"""What scales adds to the Today page: at most one calm offer of a scale that is due."""

from __future__ import annotations

from datetime import date
from typing import Any

from nearer.accounts.models import User
from nearer.scales.schedule import next_due, state_of
from nearer.vault.box import Vault


def today_context(
    *, user: User, vault: Vault, today: date, prefs: dict[str, Any]
) -> dict[str, Any]:
    """Return the template context of this app's part of Today (names prefixed scales_).

    Works from the already opened preferences alone: no result is read.
    """
    state = state_of(prefs)
    due = next_due(state, today)
    return {
        "scales_due": due,
        "scales_due_last": state.last.get(due.key) if due else None,
    }
