"""Helpers for reminder tests: data made through the services, a real SMTP server."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from nearer.accounts.services import preferences_update
from nearer.conftest import Person
from nearer.moments.services import moment_create
from nearer.people.content import PersonDetails
from nearer.people.models import Person as PersonRow
from nearer.people.rules import DateDraft
from nearer.people.services import person_create
from nearer.reminders.models import Reminder
from nearer.reminders.services import reminders_update
from nearer.tests.smtp import smtp_refusing, smtp_server

__all__ = [
    "BASE_URL",
    "add_friend",
    "smtp_refusing",
    "smtp_server",
    "turn_on",
    "verify_email",
]

BASE_URL = "https://nearer.example.org"


@pytest.fixture(autouse=True)
def _base_url(settings: object) -> None:
    settings.BASE_URL = BASE_URL  # type: ignore[attr-defined]


def verify_email(person: Person, email: str | None = None) -> None:
    """Give ``person`` a verified address (set directly: the address flow is not ours)."""
    person.user.email = email or f"{person.user.username}@example.org"
    person.user.email_verified_at = timezone.now()
    person.user.save(update_fields=["email", "email_verified_at"])


def turn_on(
    person: Person,
    kinds: Sequence[str] = ("checkin", "people", "scale", "birthday"),
    *,
    send_at: time = time(9, 0),
    quiet_from: time | None = None,
    quiet_until: time | None = None,
    zone: str | None = None,
) -> Reminder:
    """Turn reminders on for ``person`` through the service (with a zone, set it first)."""
    if zone is not None:
        preferences_update(user=person.user, vault=person.vault, time_zone=zone)
    return reminders_update(
        user=person.user,
        vault=person.vault,
        kinds=kinds,
        send_at=send_at,
        quiet_from=quiet_from,
        quiet_until=quiet_until,
    )


def add_friend(
    person: Person,
    *,
    name: str = "Oriane Vasquez-Thornbury",
    rhythm_days: int | None = 7,
    met_days_ago: int | None = None,
    birthday: date | None = None,
) -> PersonRow:
    """Add someone through the services; ``met_days_ago``: a moment together then."""
    dates = [DateDraft(kind="birthday", month=birthday.month, day=birthday.day)] if birthday else []
    row = person_create(
        user=person.user,
        vault=person.vault,
        details=PersonDetails(name=name, rhythm_days=rhythm_days),
        dates=dates,
    )
    if met_days_ago is not None:
        moment_create(
            user=person.user,
            vault=person.vault,
            occurred_on=timezone.localdate() - timedelta(days=met_days_ago),
            person_ids=[row.id],
            how="in_person",
        )
    return row
