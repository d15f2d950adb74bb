"""The check-ins' view of People: names to choose from, and which ids are really theirs.

Everything goes through ``people_index`` of the people app (one sealed blob for
all of a person's people). It is imported lazily and guarded, so check-ins keep
working (without "who contributed") in a tree where People is not there yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from nearer.accounts.models import User
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError


@dataclass(frozen=True, slots=True)
class PersonName:
    id: str
    name: str
    archived: bool


def _index_function() -> Callable[..., dict[str, Any]] | None:
    try:
        from nearer.people.selectors import people_index
    except ImportError:  # People not installed in this tree yet
        return None
    return people_index


def people_names(*, user: User, vault: Vault) -> dict[str, PersonName]:
    """Return every one of ``user``'s people (archived too) by id string, in People's order."""
    people_index = _index_function()
    if people_index is None:
        return {}
    try:
        index = people_index(user=user, vault=vault, include_archived=True)
    except SealError:
        return {}
    names: dict[str, PersonName] = {}
    for key, summary in index.items():
        name = getattr(summary, "display_name", "") or getattr(summary, "name", "") or "Someone"
        names[str(key)] = PersonName(str(key), str(name), bool(getattr(summary, "archived", False)))
    return names


def choices(names: dict[str, PersonName], *, keep: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Return (id, name) to offer as checkboxes: current people, plus ``keep`` if archived."""
    kept = set(keep)
    return [(p.id, p.name) for p in names.values() if not p.archived or p.id in kept]
