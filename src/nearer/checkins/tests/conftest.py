"""Helpers for check-in tests: check-ins are made through the service, as a person would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from nearer.checkins import services
from nearer.checkins.models import CheckIn
from nearer.conftest import Person

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


class FakePeople:
    """Stands in for People's ``people_index``: each person's own people, by id string."""

    def __init__(self) -> None:
        self.by_user: dict[int, dict[str, Any]] = {}

    def add(self, person: Person, name: str, *, archived: bool = False) -> str:
        from types import SimpleNamespace
        from uuid import uuid4

        person_id = str(uuid4())
        self.by_user.setdefault(person.user.pk, {})[person_id] = SimpleNamespace(
            id=person_id, display_name=name, name=name, archived=archived
        )
        return person_id

    def people_index(self, *, user: Any, vault: Any, include_archived: bool = False
                     ) -> dict[str, Any]:
        assert vault.user_id == user.pk
        people = self.by_user.get(user.pk, {})
        return {k: v for k, v in people.items() if include_archived or not v.archived}


@pytest.fixture
def people(monkeypatch: pytest.MonkeyPatch) -> FakePeople:
    """People of each test person, without depending on the People app's storage."""
    fake = FakePeople()
    monkeypatch.setattr("nearer.checkins.people._index_function", lambda: fake.people_index)
    return fake
