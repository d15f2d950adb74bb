from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from nearer.conftest import Person
from nearer.people import services
from nearer.people.models import ClosenessRating
from nearer.people.selectors import closeness_history, closeness_last_rated_on
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_seals_ratings_and_charts_them_in_order(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    for day, value in ((date(2026, 3, 1), 5), (date(2026, 1, 1), 2)):
        services.closeness_rate(
            user=alice.user, vault=alice.vault, person_id=row.id, value=value, rated_on=day
        )
    assert closeness_history(user=alice.user, vault=alice.vault, person_id=row.id) == [
        (date(2026, 1, 1), 2),
        (date(2026, 3, 1), 5),
    ]
    assert closeness_last_rated_on(user=alice.user, person_id=row.id) == date(2026, 3, 1)


def test_rating_again_the_same_day_replaces_it(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    for value in (3, 6):
        services.closeness_rate(
            user=alice.user,
            vault=alice.vault,
            person_id=row.id,
            value=value,
            rated_on=date(2026, 1, 1),
        )
    assert closeness_history(user=alice.user, vault=alice.vault, person_id=row.id) == [
        (date(2026, 1, 1), 6)
    ]


@pytest.mark.parametrize("value", [0, 8, -1, "4", 4.0, None])
def test_it_refuses_values_outside_the_seven_pictures(
    alice: Person, add_person: AddPerson, value: object
) -> None:
    row = add_person(alice)
    with pytest.raises(ValidationError):
        services.closeness_rate(
            user=alice.user,
            vault=alice.vault,
            person_id=row.id,
            value=value,  # type: ignore[arg-type]
            rated_on=date(2026, 1, 1),
        )
    assert not ClosenessRating.objects.exists()


def test_it_refuses_a_day_in_the_future(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    with pytest.raises(ValidationError):
        services.closeness_rate(
            user=alice.user,
            vault=alice.vault,
            person_id=row.id,
            value=4,
            rated_on=timezone.localdate() + timedelta(days=5),
        )


def test_it_is_404_for_a_stranger(alice: Person, charlie: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    with pytest.raises(Http404):
        services.closeness_rate(
            user=charlie.user,
            vault=charlie.vault,
            person_id=row.id,
            value=4,
            rated_on=date(2026, 1, 1),
        )
    assert not ClosenessRating.objects.exists()
