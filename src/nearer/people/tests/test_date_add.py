from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from nearer.conftest import Person
from nearer.people import rules, services
from nearer.people.content import PersonDetails
from nearer.people.models import ImportantDate
from nearer.people.rules import DateDraft
from nearer.people.selectors import person_dates
from nearer.people.tests.conftest import AddPerson

pytestmark = pytest.mark.django_db


def test_it_adds_a_sealed_custom_day(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    added = services.date_add(
        user=alice.user,
        vault=alice.vault,
        person_id=row.id,
        draft=DateDraft("custom", 12, 6, None, " Name   day "),
    )
    assert (added.month, added.day, added.year) == (12, 6, None)
    assert b"Name day" not in bytes(added.content)
    (view,) = person_dates(
        user=alice.user, vault=alice.vault, person_id=row.id, today=date(2026, 12, 1)
    )
    assert (view.title, view.days_away) == ("Name day", 5)


@pytest.mark.parametrize(
    "draft",
    [
        DateDraft("birthday", 2, 30),
        DateDraft("birthday", 2, 29, 2025),
        DateDraft("birthday", 13, 1),
        DateDraft("birthday", 0, 1),
        DateDraft("birthday", 1, 0),
        DateDraft("birthday", 1, 1, 1800),
        DateDraft("birthday", 1, 1, 9999),
        DateDraft("custom", 1, 1, None, ""),
        DateDraft("custom", 1, 1, None, "x" * 200),
        DateDraft("holiday", 1, 1),  # type: ignore[arg-type]
    ],
)
def test_it_refuses_days_that_are_not_real(
    alice: Person, add_person: AddPerson, draft: DateDraft
) -> None:
    row = add_person(alice)
    with pytest.raises(ValidationError):
        services.date_add(user=alice.user, vault=alice.vault, person_id=row.id, draft=draft)
    assert not ImportantDate.objects.exists()


def test_29_february_without_a_year_is_a_real_day(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    services.date_add(
        user=alice.user, vault=alice.vault, person_id=row.id, draft=DateDraft("birthday", 2, 29)
    )
    services.date_add(
        user=alice.user,
        vault=alice.vault,
        person_id=row.id,
        draft=DateDraft("anniversary", 2, 29, 2024),
    )
    assert ImportantDate.objects.count() == 2


def test_it_refuses_a_second_birthday(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice, dates=[DateDraft("birthday", 1, 1)])
    with pytest.raises(ValidationError):
        services.date_add(
            user=alice.user, vault=alice.vault, person_id=row.id, draft=DateDraft("birthday", 2, 2)
        )


def test_it_is_404_for_a_stranger(alice: Person, charlie: Person, add_person: AddPerson) -> None:
    row = add_person(alice)
    with pytest.raises(Http404):
        services.date_add(
            user=charlie.user,
            vault=charlie.vault,
            person_id=row.id,
            draft=DateDraft("birthday", 2, 2),
        )
    assert not ImportantDate.objects.exists()


def _anniversaries(count: int) -> list[DateDraft]:
    """``count`` different days (anniversaries may repeat; no two fall on one day)."""
    return [DateDraft("anniversary", 1 + n % 12, 1 + n // 12) for n in range(count)]


def test_it_refuses_a_21st_date_with_a_calm_message(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice, dates=_anniversaries(rules.MAX_DATES))
    with pytest.raises(ValidationError) as caught:
        services.date_add(
            user=alice.user, vault=alice.vault, person_id=row.id, draft=DateDraft("birthday", 5, 5)
        )
    assert caught.value.messages == [
        "A person can have up to 20 dates. Please remove one before adding another."
    ]
    assert ImportantDate.objects.filter(person_id=row.id).count() == rules.MAX_DATES


def test_the_20th_date_is_still_added(alice: Person, add_person: AddPerson) -> None:
    row = add_person(alice, dates=_anniversaries(rules.MAX_DATES - 1))
    services.date_add(
        user=alice.user, vault=alice.vault, person_id=row.id, draft=DateDraft("birthday", 5, 5)
    )
    assert ImportantDate.objects.filter(person_id=row.id).count() == rules.MAX_DATES


def test_the_limit_counts_only_this_persons_dates(alice: Person, add_person: AddPerson) -> None:
    add_person(alice, name="Someone Full", dates=_anniversaries(rules.MAX_DATES))
    row = add_person(alice, name="Someone Else")
    services.date_add(
        user=alice.user, vault=alice.vault, person_id=row.id, draft=DateDraft("birthday", 5, 5)
    )
    assert ImportantDate.objects.filter(person_id=row.id).count() == 1


def test_a_new_person_cannot_bring_more_than_20_dates(alice: Person) -> None:
    with pytest.raises(ValidationError) as caught:
        services.person_create(
            user=alice.user,
            vault=alice.vault,
            details=PersonDetails(name="Someone With Many Days"),
            dates=_anniversaries(rules.MAX_DATES + 1),
        )
    assert "A person can have up to 20 dates" in caught.value.messages[0]
    assert not ImportantDate.objects.exists()


def test_a_merge_through_person_update_cannot_pass_20_dates(
    alice: Person, add_person: AddPerson
) -> None:
    dates = _anniversaries(rules.MAX_DATES + 1)
    row = add_person(alice, name="Someone Nearly Full", dates=dates[:-2])
    with pytest.raises(ValidationError):
        services.person_update(
            user=alice.user,
            vault=alice.vault,
            person_id=row.id,
            details=PersonDetails(name="Someone Nearly Full"),
            add_dates=dates[-2:],
        )
    assert ImportantDate.objects.filter(person_id=row.id).count() == rules.MAX_DATES - 1
