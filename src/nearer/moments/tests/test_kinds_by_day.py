"""The kinds of moments counted by day follow every moments write, and match the rows."""

from __future__ import annotations

from datetime import date

import pytest

from nearer.conftest import Person
from nearer.moments import services
from nearer.moments.kinds_by_day import KINDS_BY_DAY, KindsByDay, kinds_read, kinds_rebuild
from nearer.moments.models import Moment
from nearer.moments.tests.conftest import AddMoment, AddPerson
from nearer.vault.crypto import SealError
from nearer.vault.models import WHOLE_ACCOUNT, DerivedValue

pytestmark = pytest.mark.django_db

MARCH, MAY = date(2025, 3, 14), date(2025, 5, 2)
# [moments, unmarked, unreadable, opened, emotional, physical, intellectual, experiential,
#  spiritual]


def _stored(alice: Person) -> KindsByDay:
    row = DerivedValue.objects.get(owner=alice.user, kind=KINDS_BY_DAY.name)
    raw = alice.vault.open_json(KINDS_BY_DAY.label, row.subject, bytes(row.content))
    return KINDS_BY_DAY.decode(raw)


def _computed(alice: Person) -> KindsByDay:
    return KINDS_BY_DAY.compute(alice.user.pk, alice.vault, WHOLE_ACCOUNT)


def test_each_write_moves_the_days_counts_as_the_rows_do(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana")
    first = add_moment(
        alice, [ana], occurred_on=MARCH, kinds=["emotional", "physical"], opened_up="both"
    )
    add_moment(alice, [ana], occurred_on=MARCH, opened_up="neither")
    assert _stored(alice).days == {MARCH.toordinal(): (2, 1, 0, 1, 1, 1, 0, 0, 0)}
    services.moment_update(
        user=alice.user,
        vault=alice.vault,
        moment_id=first.id,
        occurred_on=MAY,
        person_ids=[ana.id],
        how="call",
        kinds=["spiritual"],
        opened_up="them",
    )
    assert _stored(alice).days == {
        MARCH.toordinal(): (1, 1, 0, 0, 0, 0, 0, 0, 0),
        MAY.toordinal(): (1, 0, 0, 1, 0, 0, 0, 0, 1),
    }
    assert _stored(alice) == _computed(alice)
    services.moment_delete(user=alice.user, vault=alice.vault, moment_id=first.id)
    assert _stored(alice).days == {MARCH.toordinal(): (1, 1, 0, 0, 0, 0, 0, 0, 0)}
    assert _stored(alice) == _computed(alice)


def test_a_moment_that_will_not_open_is_counted_as_such_and_leaves_cleanly(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana")
    broken = add_moment(alice, [ana], occurred_on=MAY, kinds=["physical"])
    Moment.objects.filter(id=broken.id).update(content=b"not a sealed value")
    kinds_rebuild(user=alice.user, vault=alice.vault)
    assert _stored(alice).days == {MAY.toordinal(): (1, 0, 1, 0, 0, 0, 0, 0, 0)}
    services.moment_delete(user=alice.user, vault=alice.vault, moment_id=broken.id)
    assert _stored(alice).days == {}


def test_a_reader_works_it_out_when_it_is_missing_and_writes_nothing(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    add_moment(alice, [add_person(alice)], occurred_on=MAY, kinds=["intellectual"])
    DerivedValue.objects.filter(owner=alice.user, kind=KINDS_BY_DAY.name).delete()
    assert kinds_read(user=alice.user, vault=alice.vault).days == {
        MAY.toordinal(): (1, 0, 0, 0, 0, 0, 1, 0, 0)
    }
    assert not DerivedValue.objects.filter(owner=alice.user, kind=KINDS_BY_DAY.name).exists()


@pytest.mark.parametrize(
    "raw",
    [
        [1, 2, 3],  # not a whole day
        [738000, 1, 0, 0, 0, 1, 0, 0, 0, "1"],  # not all whole numbers
        [738000, -1, 0, 0, 0, 1, 0, 0, 0, 0],  # a negative count
        {"days": []},
    ],
)
def test_a_value_of_another_shape_does_not_decode(raw: object) -> None:
    with pytest.raises(SealError):
        KINDS_BY_DAY.decode(raw)
