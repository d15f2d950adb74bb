"""Pairing two test people the way people pair: an invite, then its acceptance."""

from __future__ import annotations

from nearer.conftest import Person
from nearer.together import services
from nearer.together.space import Space

INVITER_NAME = "Inviter Quillfeather"
ACCEPTER_NAME = "Accepter Marchbank"


def pair_up(inviter: Person, accepter: Person) -> Space:
    """Pair the two through the services; return the accepter's open space."""
    made = services.invite_create(user=inviter.user, vault=inviter.vault, name=INVITER_NAME)
    return services.invite_accept(
        user=accepter.user, vault=accepter.vault, code=made.code, name=ACCEPTER_NAME
    )
