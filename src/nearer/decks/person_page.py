"""What the decks add to a person's page: how deep sessions with them went, and the
link to start one."""

from __future__ import annotations

from datetime import date
from typing import Any

from nearer.accounts.models import User
from nearer.decks.catalogue import DEPTH_LABELS
from nearer.decks.depth import depths_read
from nearer.lib.urls import url_for
from nearer.people.selectors import PersonView
from nearer.vault.box import Vault


def person_context(*, user: User, vault: Vault, person: PersonView, today: date) -> dict[str, Any]:
    """Return the context of "decks/_person_decks.html" (names prefixed decks_).

    ``person`` must already be known to be ``user``'s. One sealed blob is opened.
    """
    depth = depths_read(user=user, vault=vault).get(str(person.id))
    deepest = 0 if depth is None else depth.deepest
    return {
        "decks_deepest": deepest,
        "decks_deepest_label": DEPTH_LABELS.get(deepest, ""),
        "decks_sessions": 0 if depth is None else depth.sessions,
        "decks_can_start": not person.archived,
        "decks_name": person.display_name,
        "decks_start_url": f"{url_for('decks:session_new')}?person={person.id}",
    }
