"""Helpers for check-in tests: check-ins are made through the service, as a person would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from nearer.checkins import services
from nearer.checkins.models import CheckIn
from nearer.conftest import Person
from nearer.people.content import PersonDetails
from nearer.people.services import person_archive, person_create

CheckInMaker = Callable[..., CheckIn]

WHEN = datetime(2026, 5, 14, 9, 30, tzinfo=UTC)


@pytest.fixture
def check_in() -> CheckInMaker:
    """Return a function that makes a check-in: check_in(alice, emotion="calm", ...)."""

    def _make(person: Person, **fields: Any) -> CheckIn:
        values: dict[str, Any] = {
            "pleasantness": 1,
            "energy": -1,
            "emotion": "calm",
            "when": WHEN,
        }
        values.update(fields)
        return services.checkin_create(user=person.user, vault=person.vault, **values)

    return _make


class PeopleMaker:
    """Each test person's own people, made through the People services."""

    def add(self, person: Person, name: str, *, archived: bool = False, called: str = "") -> str:
        row = person_create(
            user=person.user,
            vault=person.vault,
            dates=(),
            details=PersonDetails(name=name, called=called, circle="close"),
        )
        if archived:
            person_archive(user=person.user, vault=person.vault, person_id=row.id)
        return str(row.id)


@pytest.fixture
def people(db: None) -> PeopleMaker:
    """A way to give each test person people of their own."""
    return PeopleMaker()
