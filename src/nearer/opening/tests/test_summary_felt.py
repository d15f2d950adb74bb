"""The derived feared-vs-felt value (opening.felt) follows every write of a share."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from nearer.conftest import Person
from nearer.opening.felt import FELT, Felt, felt_read
from nearer.opening.models import Share
from nearer.opening.services import share_delete, share_reflect, share_update
from nearer.opening.tests.conftest import AddPerson, AddShare
from nearer.vault.crypto import SealError
from nearer.vault.models import WHOLE_ACCOUNT, DerivedValue

pytestmark = pytest.mark.django_db

MARCH = date(2025, 3, 4)


def _stored(owner: Person) -> Felt:
    """The value as kept in the database (not worked out): it must exist."""
    row = DerivedValue.objects.get(owner=owner.user, kind=FELT.name)
    assert row.content is not None
    return FELT.decode(owner.vault.open_json(FELT.label, row.subject, bytes(row.content)))


def _computed(owner: Person) -> Felt:
    return FELT.compute(owner.user.pk, owner.vault, WHOLE_ACCOUNT)


def _reflect(owner: Person, share: Share, after: int) -> None:
    share_reflect(
        user=owner.user,
        vault=owner.vault,
        share_id=share.id,
        reception=[],
        reception_note="",
        anxiety_after=after,
        closeness_after=None,
        reciprocated="",
        today=MARCH,
    )


@pytest.fixture
def reflected(alice: Person, add_person: AddPerson, add_share: AddShare) -> tuple[Share, Any]:
    ana = add_person(alice, name="Ana")
    share = add_share(alice, [ana], anxiety_before=8, shared_on=MARCH)
    _reflect(alice, share, 3)
    return share, ana


def test_a_reflection_is_kept_with_its_day_and_both_numbers(
    alice: Person, reflected: tuple[Share, Any]
) -> None:
    share, _ = reflected
    assert _stored(alice) == {str(share.id): [MARCH.toordinal(), 8, 3]} == _computed(alice)


def test_reflecting_again_and_editing_the_fear_change_the_kept_numbers(
    alice: Person, reflected: tuple[Share, Any]
) -> None:
    share, ana = reflected
    _reflect(alice, share, 9)
    share_update(
        user=alice.user,
        vault=alice.vault,
        share_id=share.id,
        text="Something carried",
        person_ids=[ana.id],
        anxiety_before=4,
    )
    assert _stored(alice) == {str(share.id): [MARCH.toordinal(), 4, 9]} == _computed(alice)
    assert [(p.before, p.after) for p in felt_read(user=alice.user, vault=alice.vault)] == [(4, 9)]


def test_a_share_deleted_is_read_no_more(alice: Person, reflected: tuple[Share, Any]) -> None:
    share, _ = reflected
    share_delete(user=alice.user, share_id=share.id)
    assert felt_read(user=alice.user, vault=alice.vault) == []
    assert _computed(alice) == {}


def test_a_share_not_yet_reflected_on_is_not_kept(
    alice: Person, add_person: AddPerson, add_share: AddShare
) -> None:
    ana = add_person(alice, name="Ana")
    add_share(alice, [ana], anxiety_before=8, shared_on=MARCH)
    assert _stored(alice) == {} == _computed(alice)


def test_without_a_stored_value_it_is_worked_out_and_nothing_is_written(
    alice: Person, reflected: tuple[Share, Any]
) -> None:
    DerivedValue.objects.filter(owner=alice.user, kind=FELT.name).delete()
    assert [(p.day, p.before, p.after) for p in felt_read(user=alice.user, vault=alice.vault)] == [
        (MARCH, 8, 3)
    ]
    assert not DerivedValue.objects.filter(owner=alice.user, kind=FELT.name).exists()


@pytest.mark.parametrize(
    "raw",
    [
        {"some-share": [738000, 8]},
        {"some-share": [738000, 8, 11]},
        {"some-share": [0, 8, 3]},
        {"some-share": [738000, "8", 3]},
        {"some-share": "738000,8,3"},
        [],
    ],
)
def test_a_value_of_another_shape_will_not_open(raw: object) -> None:
    with pytest.raises(SealError):
        FELT.decode(raw)


def test_a_value_of_the_right_shape_opens() -> None:
    assert FELT.decode({"some-share": [738000, 8, 3]}) == {"some-share": [738000, 8, 3]}
    assert FELT.decode({}) == {}
