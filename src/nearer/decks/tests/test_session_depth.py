"""depth: the deepest depth per person (derived value decks.depth), kept and read."""

from __future__ import annotations

from typing import Any

import pytest

from nearer.conftest import Person
from nearer.decks.catalogue import Card
from nearer.decks.depth import DEPTH, Depth, deepest_by_person, depths_read
from nearer.decks.session_services import session_start, session_step
from nearer.decks.tests.session_helpers import friend_of, opened, session_deck
from nearer.vault.crypto import SealError
from nearer.vault.models import DerivedValue

__all__ = ["session_deck"]


def talk(owner: Person, person_id: Any, *, cards: int) -> None:
    session = session_start(user=owner.user, vault=owner.vault, person_id=person_id, length=10)
    for step in ["next"] * cards + ["stop"]:
        content = opened(owner, session)
        if content.current is None:
            break
        session_step(
            user=owner.user,
            vault=owner.vault,
            session_id=session.id,
            step=step,  # type: ignore[arg-type]
            answered=content.answered,
            card_id=content.current,
        )


def test_each_person_keeps_their_deepest_and_a_count_of_sessions(
    alice: Person, session_deck: tuple[Card, ...]
) -> None:
    ida, jo, kit = (friend_of(alice, name) for name in ("Ida Pennyroyal", "Jo Thistlewood", "Kit"))
    talk(alice, ida.id, cards=6)
    talk(alice, ida.id, cards=1)
    talk(alice, jo.id, cards=3)
    talk(alice, kit.id, cards=0)
    depths = depths_read(user=alice.user, vault=alice.vault)
    assert depths == {
        str(ida.id): Depth(deepest=3, sessions=2),
        str(jo.id): Depth(deepest=2, sessions=1),
        str(kit.id): Depth(deepest=0, sessions=1),
    }
    # A person whose sessions never talked a card through has no depth to show.
    assert deepest_by_person(user=alice.user, vault=alice.vault) == {ida.id: 3, jo.id: 2}


@pytest.mark.parametrize("damage", [b"", b"tampered"])
def test_a_damaged_value_is_worked_out_from_the_sessions_without_writing(
    alice: Person, session_deck: tuple[Card, ...], damage: bytes
) -> None:
    ida = friend_of(alice, "Ida Pennyroyal")
    talk(alice, ida.id, cards=3)
    DerivedValue.objects.filter(owner=alice.user, kind=DEPTH.name).update(content=damage)
    assert deepest_by_person(user=alice.user, vault=alice.vault) == {ida.id: 2}
    row = DerivedValue.objects.get(owner=alice.user, kind=DEPTH.name)
    assert bytes(row.content) == damage


def test_another_accounts_sessions_never_count(
    alice: Person, charlie: Person, session_deck: tuple[Card, ...]
) -> None:
    talk(charlie, friend_of(charlie).id, cards=6)
    assert deepest_by_person(user=alice.user, vault=alice.vault) == {}


@pytest.mark.parametrize(
    "raw",
    [
        [],
        {"not-a-uuid": [1, 1]},
        {"6d1f4a52-6a4e-4c55-9a57-2b8f3f3c1d10": [4, 1]},
        {"6d1f4a52-6a4e-4c55-9a57-2b8f3f3c1d10": [2, 0]},
        {"6d1f4a52-6a4e-4c55-9a57-2b8f3f3c1d10": [2]},
        {"6d1f4a52-6a4e-4c55-9a57-2b8f3f3c1d10": ["2", 1]},
    ],
)
def test_an_opened_value_of_another_shape_is_refused(raw: Any) -> None:
    with pytest.raises(SealError):
        DEPTH.decode(raw)
