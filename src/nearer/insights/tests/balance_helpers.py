"""Helpers for the balance, care and year-in-pixels tests: data made through the services."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from nearer.checkins.models import CheckIn
from nearer.checkins.services import checkin_create
from nearer.conftest import Person
from nearer.moments.models import Moment
from nearer.moments.services import moment_create
from nearer.people.content import PersonDetails
from nearer.people.models import Person as PersonRow
from nearer.people.services import person_create

EMOTION_BY_PLEASANTNESS = {-2: "anxious", -1: "bored", 0: "calm", 1: "calm", 2: "cheerful"}


def days_ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def add_person(owner: Person, **fields: Any) -> PersonRow:
    values: dict[str, Any] = {"name": "Ana Moreno", "circle": "close"}
    values.update(fields)
    return person_create(user=owner.user, vault=owner.vault, details=PersonDetails(**values))


def add_moment(
    owner: Person, people: Sequence[PersonRow], *, on: date, kinds: Sequence[str] = ()
) -> Moment:
    return moment_create(
        user=owner.user,
        vault=owner.vault,
        occurred_on=on,
        person_ids=[p.id for p in people],
        how="call",
        kinds=kinds,
    )


def add_checkin(owner: Person, *, on: date, pleasantness: int, hour: int = 12) -> CheckIn:
    return checkin_create(
        user=owner.user,
        vault=owner.vault,
        pleasantness=pleasantness,
        energy=0,
        emotion=EMOTION_BY_PLEASANTNESS[pleasantness],
        when=datetime.combine(on, time(hour), tzinfo=UTC),
    )
