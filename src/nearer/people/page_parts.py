"""What other apps add to a person's page, without the people app importing them.

Moments sit above people (a moment names its people), so if the person page imported
moments the two apps would import each other. Instead an app that adds a part to the
page registers it here from its ``AppConfig.ready()``, and the page asks each part for
its template context in the order they were registered.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from nearer.accounts.models import User
    from nearer.people.selectors import PersonView
    from nearer.vault.box import Vault


class PersonPart(Protocol):
    def __call__(
        self, *, user: User, vault: Vault, person: PersonView, today: date
    ) -> dict[str, Any]: ...


_PARTS: list[PersonPart] = []


def register(part: PersonPart) -> PersonPart:
    """Add ``part`` to every person's page (once, however often ``ready()`` runs)."""
    if part not in _PARTS:
        _PARTS.append(part)
    return part


def parts_context(*, user: User, vault: Vault, person: PersonView, today: date) -> dict[str, Any]:
    """Return the context every registered part adds for ``person`` (already ``user``'s)."""
    context: dict[str, Any] = {}
    for part in _PARTS:
        context.update(part(user=user, vault=vault, person=person, today=today))
    return context
