"""The check-ins' view of People: names to choose from, and which ids are really theirs.

Everything goes through ``people_index`` of the people app (one sealed blob for
all of a person's people). When that index will not open, a check-in can still be
written, without "who contributed".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nearer.accounts.models import User
from nearer.lib.private import QuietRepr
from nearer.people.labels import short_labels
from nearer.people.selectors import people_index
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError


@dataclass(frozen=True, slots=True, repr=False)
class PersonName(QuietRepr):
    id: str
    name: str
    archived: bool


def people_names(*, user: User, vault: Vault) -> dict[str, PersonName]:
    """Return every one of ``user``'s people (archived too) by id string, in People's order.

    Each name is the person's short label (``people.labels``: "Emma R." beside "Emma T.").
    """
    try:
        index = people_index(user=user, vault=vault, include_archived=True)
    except SealError:
        return {}
    labels = short_labels(index.values())
    return {key: PersonName(key, labels[key], summary.archived) for key, summary in index.items()}


def choices(names: dict[str, PersonName], *, keep: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Return (id, name) to offer as checkboxes: current people, plus ``keep`` if archived."""
    kept = set(keep)
    return [(p.id, p.name) for p in names.values() if not p.archived or p.id in kept]
