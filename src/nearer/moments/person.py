"""What moments adds to a person's page (filled in by the moments app)."""

from __future__ import annotations

from datetime import date
from typing import Any

from nearer.accounts.models import User
from nearer.people.selectors import PersonView
from nearer.vault.box import Vault


def person_context(*, user: User, vault: Vault, person: PersonView, today: date) -> dict[str, Any]:
    """Return the template context of "moments/_person_moments.html" (names prefixed moments_)."""
    return {}
