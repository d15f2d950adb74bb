"""Helpers for people tests: people are made through the services, as a person would."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from nearer.conftest import Person
from nearer.people import services
from nearer.people.content import PersonDetails
from nearer.people.models import Person as PersonRow
from nearer.people.rules import DateDraft

AddPerson = Callable[..., PersonRow]


@pytest.fixture
def add_person() -> AddPerson:
    """Return add_person(alice, name="Maya", dates=[...], **details) -> the row."""

    def _add(owner: Person, dates: Sequence[DateDraft] = (), **fields: Any) -> PersonRow:
        values: dict[str, Any] = {"name": "Maya Lindqvist", "circle": "inner"}
        values.update(fields)
        return services.person_create(
            user=owner.user, vault=owner.vault, details=PersonDetails(**values), dates=dates
        )

    return _add
