"""The derived counts of who opened up follow every moments write, and match the rows."""

from __future__ import annotations

from datetime import date

import pytest

from nearer.conftest import Person
from nearer.moments import services
from nearer.moments.openness import OPENNESS, Openness, openness_read, openness_rebuild
from nearer.moments.tests.conftest import AddMoment, AddPerson
from nearer.people.services import person_delete
from nearer.vault.crypto import SealError
from nearer.vault.models import WHOLE_ACCOUNT, DerivedValue

pytestmark = pytest.mark.django_db

MARCH, MAY = date(2025, 3, 14), date(2025, 5, 2)


def _stored(alice: Person) -> Openness:
    """The value as kept in the database (not worked out): it must exist."""
    row = DerivedValue.objects.get(owner=alice.user, kind=OPENNESS.name)
    assert row.content is not None
    return OPENNESS.decode(alice.vault.open_json(OPENNESS.label, row.subject, bytes(row.content)))


def _computed(alice: Person) -> Openness:
    return OPENNESS.compute(alice.user.pk, alice.vault, WHOLE_ACCOUNT)


def _same(left: Openness, right: Openness) -> bool:
    return (left.overall, left.people) == (right.overall, right.people)


def test_a_new_moment_is_counted_overall_and_for_each_person(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana, ben = add_person(alice, name="Ana"), add_person(alice, name="Ben")
    add_moment(alice, [ana, ben], occurred_on=MARCH, opened_up="both")
    add_moment(alice, [ana], occurred_on=MARCH, opened_up="me")
    add_moment(alice, [ana], occurred_on=MAY)
    stored = _stored(alice)
    assert stored.overall == {"2025-03": [1, 0, 1, 0, 0], "2025-05": [0, 0, 0, 0, 1]}
    assert stored.people[str(ana.id)] == {"2025-03": [1, 0, 1, 0, 0], "2025-05": [0, 0, 0, 0, 1]}
    assert stored.people[str(ben.id)] == {"2025-03": [0, 0, 1, 0, 0]}
    assert _same(stored, _computed(alice))


def test_changing_who_opened_up_and_the_day_moves_the_count(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana, ben = add_person(alice, name="Ana"), add_person(alice, name="Ben")
    moment = add_moment(alice, [ana], occurred_on=MARCH, opened_up="me")
    services.moment_update(
        user=alice.user,
        vault=alice.vault,
        moment_id=moment.id,
        occurred_on=MAY,
        person_ids=[ben.id],
        how="call",
        opened_up="them",
    )
    stored = _stored(alice)
    assert stored.overall == {"2025-05": [0, 1, 0, 0, 0]}
    assert stored.people == {str(ben.id): {"2025-05": [0, 1, 0, 0, 0]}}
    assert _same(stored, _computed(alice))


def test_a_deleted_moment_is_no_longer_counted(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana")
    add_moment(alice, [ana], occurred_on=MARCH, opened_up="neither")
    gone = add_moment(alice, [ana], occurred_on=MARCH, opened_up="both")
    services.moment_delete(user=alice.user, vault=alice.vault, moment_id=gone.id)
    stored = _stored(alice)
    assert stored.overall == {"2025-03": [0, 0, 0, 1, 0]}
    assert _same(stored, _computed(alice))


def test_a_person_removed_keeps_the_moment_counted_overall_and_is_not_read_back(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana, ben = add_person(alice, name="Ana"), add_person(alice, name="Ben")
    add_moment(alice, [ana, ben], occurred_on=MARCH, opened_up="both")
    person_delete(user=alice.user, vault=alice.vault, person_id=ben.id)
    known = {str(ana.id)}
    stored = _stored(alice)
    assert stored.overall == {"2025-03": [0, 0, 1, 0, 0]}
    assert {key for key in stored.people if key in known} == known
    computed = _computed(alice)
    assert stored.overall == computed.overall
    assert {key: stored.people[key] for key in known} == computed.people


def test_a_reader_without_a_stored_value_works_it_out_and_writes_nothing(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana")
    add_moment(alice, [ana], occurred_on=MARCH, opened_up="them")
    DerivedValue.objects.filter(owner=alice.user, kind=OPENNESS.name).delete()
    assert openness_read(user=alice.user, vault=alice.vault).overall == {"2025-03": [0, 1, 0, 0, 0]}
    assert not DerivedValue.objects.filter(owner=alice.user, kind=OPENNESS.name).exists()
    openness_rebuild(user=alice.user, vault=alice.vault)
    assert _stored(alice).overall == {"2025-03": [0, 1, 0, 0, 0]}


def test_a_tampered_value_is_worked_out_from_the_moments(
    alice: Person, bob: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    ana = add_person(alice, name="Ana")
    add_moment(alice, [ana], occurred_on=MARCH, opened_up="me")
    bobs = OPENNESS.seal(bob.vault, WHOLE_ACCOUNT, Openness({}, {}))
    DerivedValue.objects.filter(owner=alice.user, kind=OPENNESS.name).update(content=bobs)
    assert openness_read(user=alice.user, vault=alice.vault).overall == {"2025-03": [1, 0, 0, 0, 0]}


# Stored: overall flat, per month its number (year * 12 + month - 1) and its five
# counts; per person their five totals ("t") and the same numbers as text ("m").
MARCH_NUMBER = 2025 * 12 + 2
MARCH_TEXT = f"{MARCH_NUMBER},0,2,0,0,1"


@pytest.mark.parametrize(
    "raw",
    [
        {"o": [MARCH_NUMBER, 1, 0, 0, 0], "t": {}, "m": {}},
        {"o": [MARCH_NUMBER, 1, 0, 0, 0, -1], "t": {}, "m": {}},
        {"o": [-1, 1, 0, 0, 0, 0], "t": {}, "m": {}},
        {"o": [10_000 * 12, 1, 0, 0, 0, 0], "t": {}, "m": {}},
        {"o": {"2025-03": [1, 0, 0, 0, 0]}, "t": {}, "m": {}},
        {"o": [], "t": {"someone": [0, 2, 0, 0, 1]}, "m": {}},
        {"o": [], "t": {"someone": [0, 2, 0, "0", 1]}, "m": {"someone": MARCH_TEXT}},
        {"o": [], "t": {"someone": [0, 2, 0, -1, 1]}, "m": {"someone": MARCH_TEXT}},
        {"o": [], "t": {"someone": [0, 2, 0, 1]}, "m": {"someone": MARCH_TEXT}},
        {"o": [], "t": {"someone": [0, 2, 0, 0, 1]}, "m": {"someone": MARCH_TEXT + ";"}},
        {"o": [], "t": {"someone": [0, 2, 0, 0, 1]}, "m": {"someone": "0,2,0,0,-1,1"}},
        {"o": [], "t": {"someone": [0, 2, 0, 0, 1]}, "m": {"someone": [MARCH_NUMBER, 0]}},
        {"o": [], "f": {"someone": [MARCH_NUMBER, 1, 0, 2, 0, 0]}},
        {"a": {"2025-03": [1, 0, 0, 0, 0]}, "p": {}},
        {"o": []},
    ],
)
def test_a_value_of_another_shape_will_not_open(raw: object) -> None:
    with pytest.raises(SealError):
        OPENNESS.decode(raw)


def test_a_value_of_the_right_shape_opens() -> None:
    raw = {
        "o": [MARCH_NUMBER, 1, 0, 0, 0, 0],
        "t": {"someone": [0, 0, 0, 0, 0], "other": [0, 2, 0, 0, 1]},
        "m": {"someone": "", "other": MARCH_TEXT},
    }
    opened = OPENNESS.decode(raw)
    assert opened.totals("other") == [0, 2, 0, 0, 1]
    assert opened.months("other") == {"2025-03": [0, 2, 0, 0, 1]}
    assert opened.people == {"someone": {}, "other": {"2025-03": [0, 2, 0, 0, 1]}}
    assert OPENNESS.encode(OPENNESS.decode(raw)) == raw
    assert OPENNESS.decode(raw).overall == {"2025-03": [1, 0, 0, 0, 0]}


@pytest.mark.parametrize("text", [f"{MARCH_NUMBER},0,,0,0,1", MARCH_TEXT + ",4"])
def test_a_person_whose_months_are_cut_wrong_reads_as_no_months(text: str) -> None:
    raw = {"o": [], "t": {"someone": [0, 2, 0, 0, 1]}, "m": {"someone": text}}
    opened = OPENNESS.decode(raw)
    assert opened.months("someone") == {} and opened.month_numbers("someone") == []
    assert opened.totals("someone") == [0, 2, 0, 0, 1]


def test_counts_read_back_equal_the_same_counts_and_differ_from_others() -> None:
    months = {"2026-05": [1, 0, 2, 0, 0], "2026-07": [0, 1, 0, 0, 3]}
    as_dicts = Openness(dict(months), {"someone-special": dict(months)})
    stored = OPENNESS.decode(OPENNESS.encode(as_dicts))
    other = Openness(dict(months), {"someone-special": {"2026-05": [1, 0, 3, 0, 0]}})
    assert stored.totals("someone-special") == [1, 1, 2, 0, 3] == as_dicts.totals("someone-special")
    assert stored == as_dicts
    assert stored != other
    assert as_dicts != other
