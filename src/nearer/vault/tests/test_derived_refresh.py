"""derived_refresh, the one place derived values are rebuilt (at login): it rebuilds
what is missing, unreadable or old, of every kind, forgets values whose subject is
gone, leaves good values alone, and two of them at once end with one row each."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from nearer.accounts.services import user_sign_up
from nearer.conftest import Person
from nearer.insights.findings import findings_rebuild
from nearer.people import services as people_services
from nearer.people.content import PersonDetails
from nearer.people.index import INDEX
from nearer.people.models import Person as PersonRow
from nearer.people.ratings import SUMMARY as RATINGS
from nearer.scales.summary import SUMMARY as SCORES
from nearer.scales.tests.helpers import take
from nearer.vault import derived
from nearer.vault.box import Vault
from nearer.vault.derived import WHOLE_ACCOUNT, Kind, derived_refresh
from nearer.vault.models import DerivedValue
from nearer.vault.tests.derived_helpers import DAMAGES, Damage, at_once, damage, stored

pytestmark = pytest.mark.django_db


def _some_of_everything(owner: Person) -> PersonRow:
    maya = people_services.person_create(
        user=owner.user, vault=owner.vault, details=PersonDetails(name="Maya Quillfeather")
    )
    people_services.closeness_rate(
        user=owner.user, vault=owner.vault, person_id=maya.id, value=5, rated_on=date(2026, 1, 1)
    )
    take(owner, "who5", [3, 3, 3, 3, 3], days_ago=1)
    # The insights are kept by no service (a fingerprint of their rows says when they
    # are old, and the refresh rebuilds them): made current here, so the refreshes
    # below count only the kinds each test damages.
    findings_rebuild(user=owner.user, vault=owner.vault)
    return maya


def _values(owner: Person) -> dict[str, Any]:
    maya = PersonRow.objects.get(owner=owner.user)
    return {
        "index": stored(owner, INDEX),
        "ratings": stored(owner, RATINGS, maya.id),
        "scores": stored(owner, SCORES),
    }


def _kinds(maya: PersonRow) -> list[tuple[Kind[Any], Any]]:
    return [(INDEX, WHOLE_ACCOUNT), (RATINGS, maya.id), (SCORES, WHOLE_ACCOUNT)]


@pytest.mark.parametrize("how", DAMAGES)
def test_it_rebuilds_every_kind_that_is_missing_unreadable_or_old(
    alice: Person, how: Damage
) -> None:
    maya = _some_of_everything(alice)
    good = _values(alice)
    assert all(value is not None for value in good.values())
    for kind, subject in _kinds(maya):
        damage(alice, kind, how, subject)
    assert all(value is None for value in _values(alice).values())
    # The three damaged, and then the insights' findings: they watch the people index
    # (their fingerprint holds when it was last stored), so they follow it, last.
    assert derived_refresh(user=alice.user, vault=alice.vault) == 4
    assert _values(alice) == good
    assert derived_refresh(user=alice.user, vault=alice.vault) == 0


def test_it_leaves_good_values_alone(alice: Person) -> None:
    _some_of_everything(alice)
    before = list(DerivedValue.objects.order_by("id").values_list("id", "version", "content"))
    assert derived_refresh(user=alice.user, vault=alice.vault) == 0
    after = list(DerivedValue.objects.order_by("id").values_list("id", "version", "content"))
    assert after == before


def test_it_forgets_the_values_of_subjects_that_are_gone(alice: Person) -> None:
    maya = _some_of_everything(alice)
    # Deleted past the services: the ratings summary of Maya is left behind.
    PersonRow.objects.filter(id=maya.id).delete()
    assert stored(alice, RATINGS, maya.id) is not None
    derived_refresh(user=alice.user, vault=alice.vault)
    assert not DerivedValue.objects.filter(kind=RATINGS.name, subject=maya.id).exists()


def test_it_touches_only_its_owners_values(alice: Person, charlie: Person) -> None:
    _some_of_everything(alice)
    DerivedValue.objects.filter(owner=alice.user).delete()
    derived_refresh(user=charlie.user, vault=charlie.vault)
    assert not DerivedValue.objects.filter(owner=alice.user).exists()
    with pytest.raises(ValueError, match="vault does not belong"):
        derived_refresh(user=charlie.user, vault=alice.vault)


def test_logging_in_runs_it(alice: Person) -> None:
    _some_of_everything(alice)
    DerivedValue.objects.filter(owner=alice.user).delete()
    response = Client().post("/accounts/login/", {"username": "alice", "password": alice.password})
    assert response.status_code == 302
    assert all(value is not None for value in _values(alice).values())


@pytest.mark.django_db(transaction=True)
def test_two_first_builds_at_once_end_with_one_row_each_and_no_error() -> None:
    # A new account that has never logged in: no derived value at all. Both logins
    # find every value missing, and only then (the barrier) does either write.
    new = user_sign_up(username="newcomer", password="correct horse battery staple")
    owner = Person(
        user=new.user,
        password="",
        recovery_code="",
        vault=Vault(user_id=new.user.pk, dek=new.dek),
        client=Client(),
    )
    maya = _some_of_everything(owner)
    expected = _values(owner)
    DerivedValue.objects.filter(owner=new.user).delete()

    def refresh() -> None:
        derived_refresh(user=new.user, vault=Vault(user_id=new.user.pk, dek=new.dek))

    errors = at_once([refresh, refresh], before=(derived, "_refresh_some"))
    assert errors == []
    for kind, subject in _kinds(maya):
        assert (
            DerivedValue.objects.filter(owner=new.user, kind=kind.name, subject=subject).count()
            == 1
        )
    assert _values(owner) == expected


def test_the_ratings_of_many_people_rebuilt_at_once_equal_each_worked_out_alone(
    alice: Person,
) -> None:
    from nearer.people.models import ClosenessRating

    people = [
        people_services.person_create(
            user=alice.user, vault=alice.vault, details=PersonDetails(name=f"Friend {n}")
        )
        for n in range(4)
    ]
    for n, person in enumerate(people[:3]):
        for month in range(1, 4 + n):
            people_services.closeness_rate(
                user=alice.user,
                vault=alice.vault,
                person_id=person.id,
                value=1 + (month + n) % 7,
                rated_on=date(2026, month, 1 + n),
            )
    # One rating that will not open: left out, as when worked out alone.
    first = ClosenessRating.objects.filter(person=people[1]).order_by("rated_on").first()
    assert first is not None
    ClosenessRating.objects.filter(id=first.id).update(content=b"tampered")
    alone = {p.id: RATINGS.compute(alice.user.pk, alice.vault, p.id) for p in people}
    assert len(alone[people[1].id][0]) == 3
    assert len(alone[people[2].id][0]) == 5 and alone[people[3].id] == ([], [])
    DerivedValue.objects.filter(owner=alice.user, kind=RATINGS.name).delete()
    findings_rebuild(user=alice.user, vault=alice.vault)  # current, so not counted below
    assert derived_refresh(user=alice.user, vault=alice.vault) == 4
    assert {p.id: stored(alice, RATINGS, p.id) for p in people} == alone
