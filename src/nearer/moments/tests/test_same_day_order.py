"""Moments on the same day keep one order: newest created first, then by id."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.models import Moment
from nearer.moments.selectors import moments_page, moments_with
from nearer.moments.tests.conftest import AddMoment, AddPerson, days_ago

pytestmark = pytest.mark.django_db


def _same_day_moments(alice: Person, add_person: AddPerson, add_moment: AddMoment) -> list[Moment]:
    """Moments with Ana on two days, as they should be listed: five on the later day
    created in an order unlike the order they were saved in, and six on the day before
    all created in the same instant, which only the id can tell apart."""
    ana = add_person(alice, name="Ana")
    start = timezone.now() - timedelta(hours=1)
    later = [add_moment(alice, [ana], occurred_on=days_ago(3)) for _ in range(5)]
    for moment, minutes in zip(later, [5, 1, 6, 3, 0], strict=True):
        Moment.objects.filter(id=moment.id).update(created_at=start + timedelta(minutes=minutes))
    earlier = [add_moment(alice, [ana], occurred_on=days_ago(4)) for _ in range(6)]
    Moment.objects.filter(id__in=[m.id for m in earlier]).update(created_at=start)
    created = dict(Moment.objects.values_list("id", "created_at"))
    return sorted(later, key=lambda m: created[m.id], reverse=True) + sorted(
        earlier, key=lambda m: m.id, reverse=True
    )


def test_a_persons_latest_moments_on_one_day_are_newest_created_first(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    expected = _same_day_moments(alice, add_person, add_moment)
    ana_id = expected[0].people.get().id
    for limit in (2, 3, 7, 11):
        latest, total = moments_with(
            user=alice.user, vault=alice.vault, person_id=ana_id, limit=limit
        )
        assert total == 11
        assert [m.id for m in latest] == [m.id for m in expected[:limit]], limit


def test_the_moments_list_orders_one_day_by_created_time_then_id(
    alice: Person, add_person: AddPerson, add_moment: AddMoment
) -> None:
    expected = _same_day_moments(alice, add_person, add_moment)
    for size in (3, 4, 11):
        shown = []
        for number in range(1, 5):
            page = moments_page(user=alice.user, vault=alice.vault, number=number, size=size)
            if page.number == number:
                shown += [m.id for m in page.moments]
        assert shown == [m.id for m in expected], size
