"""Helpers for journal tests: entries are written through the service, as a person would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from nearer.conftest import Person
from nearer.journal import services
from nearer.journal.models import Entry

Write = Callable[..., Entry]


@pytest.fixture
def write() -> Write:
    """Return a function that writes an entry for a person: write(alice, body=..., ...)."""

    def _write(person: Person, **fields: Any) -> Entry:
        values: dict[str, Any] = {
            "entry_date": date(2026, 5, 14),
            "title": "",
            "body": "A quiet day.",
            "tags": [],
        }
        values.update(fields)
        return services.entry_create(user=person.user, vault=person.vault, **values)

    return _write
