"""Helpers for moments tests: people and moments are made through the services."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments import services
from nearer.moments.models import Moment
from nearer.people import services as people_services
from nearer.people.content import PersonDetails
from nearer.people.models import Person as PersonRow
from nearer.people.rules import DateDraft

AddPerson = Callable[..., PersonRow]
AddMoment = Callable[..., Moment]


def days_ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


@pytest.fixture
def add_person() -> AddPerson:
    """Return add_person(alice, name="Ana", rhythm_days=7, ...) -> the row."""

    def _add(owner: Person, dates: Sequence[DateDraft] = (), **fields: Any) -> PersonRow:
        values: dict[str, Any] = {"name": "Ana Moreno", "circle": "close"}
        values.update(fields)
        return people_services.person_create(
            user=owner.user, vault=owner.vault, details=PersonDetails(**values), dates=dates
        )

    return _add


@pytest.fixture
def add_moment() -> AddMoment:
    """Return add_moment(alice, [person, ...], occurred_on=..., how="call", ...) -> moment."""

    def _add(owner: Person, people: Sequence[PersonRow], **fields: Any) -> Moment:
        values: dict[str, Any] = {"occurred_on": timezone.localdate(), "how": "call"}
        values.update(fields)
        return services.moment_create(
            user=owner.user, vault=owner.vault, person_ids=[p.id for p in people], **values
        )

    return _add


def clock_of(person: PersonRow) -> date | None:
    return PersonRow.objects.get(id=person.id).last_moment_on
