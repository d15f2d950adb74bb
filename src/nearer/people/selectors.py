"""Reads of people, always scoped to one person and opened with their vault."""

from __future__ import annotations

from nearer.accounts.models import User
from nearer.people.index import PersonSummary, index_open
from nearer.vault.box import Vault

__all__ = ["PersonSummary", "people_index"]


def people_index(
    *, user: User, vault: Vault, include_archived: bool = False
) -> dict[str, PersonSummary]:
    """Return ``user``'s people by id string (``str(person.id)``), in the order added.

    One sealed blob is opened, however many people there are; archived people are
    left out unless asked for.
    """
    people = index_open(user=user, vault=vault)
    if include_archived:
        return people
    return {key: summary for key, summary in people.items() if not summary.archived}
