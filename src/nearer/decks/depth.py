"""How deep a person has gone with each of their people in deck sessions (kind
``decks.depth``).

The value, for the whole account: person id -> (deepest depth reached, sessions
ended). A person's page and the summary page read it without opening every
session. It is derived data kept the one way all derived data is
(``vault.derived``): ``session_services`` changes it in the transaction that ends
a session, a reader whose value is missing or old works it out from the sessions
and writes nothing, and the refresh at login rebuilds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from nearer.accounts.models import User
from nearer.decks.models import DeckSession
from nearer.decks.session_content import content_open
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError
from nearer.vault.derived import Kind, derived_change, derived_read, register

VERSION = 1


@dataclass(frozen=True, slots=True)
class Depth:
    """Deepest depth reached with one person (0: no card talked through yet) and how
    many sessions with them have ended."""

    deepest: int
    sessions: int


Depths = dict[str, Depth]


def _compute(owner_id: int, vault: Vault, subject: UUID) -> Depths:
    """The depths worked out from every ended session of the owner (those that open)."""
    value: Depths = {}
    rows = DeckSession.objects.filter(owner_id=owner_id, state=DeckSession.State.ENDED).values_list(
        "id", "person_id", "content"
    )
    for session_id, person_id, sealed in rows.iterator(chunk_size=500):
        try:
            deepest = content_open(vault, session_id, sealed).deepest
        except SealError:
            deepest = 0  # counted as a session; its depth can't be read
        value = depth_added(value, person_id=person_id, deepest=deepest)
    return value


def depth_added(value: Depths, *, person_id: UUID | str, deepest: int) -> Depths:
    """Return ``value`` with one more ended session with ``person_id`` that reached
    ``deepest``."""
    key = str(person_id)
    before = value.get(key, Depth(deepest=0, sessions=0))
    return {
        **value,
        key: Depth(deepest=max(before.deepest, deepest), sessions=before.sessions + 1),
    }


def _decode(raw: Any) -> Depths:
    if type(raw) is not dict:
        raise SealError("deck depths are not an object")
    value: Depths = {}
    for key, pair in raw.items():
        if (
            type(key) is not str
            or type(pair) is not list
            or len(pair) != 2
            or any(type(number) is not int for number in pair)
            or pair[0] not in (0, 1, 2, 3)
            or pair[1] < 1
        ):
            raise SealError("deck depths have an unexpected shape")
        try:
            UUID(key)
        except ValueError:
            raise SealError("deck depths name a person oddly") from None
        value[key] = Depth(deepest=pair[0], sessions=pair[1])
    return value


DEPTH = register(
    Kind[Depths](
        name="decks.depth",
        version=VERSION,
        compute=_compute,
        encode=lambda value: {key: [depth.deepest, depth.sessions] for key, depth in value.items()},
        decode=_decode,
    )
)


def depths_read(*, user: User, vault: Vault) -> Depths:
    """Return ``user``'s depths by person id string (never writes)."""
    return derived_read(DEPTH, user=user, vault=vault)


def deepest_by_person(*, user: User, vault: Vault) -> dict[UUID, int]:
    """Return the deepest depth (1–3) reached with each person ``user`` has talked a
    card through with in a session. People deleted since may be among them: join
    with People to show only those still there."""
    return {
        UUID(key): depth.deepest
        for key, depth in depths_read(user=user, vault=vault).items()
        if depth.deepest
    }


def depth_session_ended(*, user: User, vault: Vault, person_id: UUID, deepest: int) -> None:
    """Count one ended session (inside the service's transaction, after saving it)."""
    derived_change(
        DEPTH,
        user=user,
        vault=vault,
        change=lambda value: depth_added(value, person_id=person_id, deepest=deepest),
    )
