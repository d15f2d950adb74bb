"""Helpers for the scales tests: results made through the service."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.utils import timezone

from nearer.conftest import Person
from nearer.scales.models import ScaleResult
from nearer.scales.services import result_create


def take(
    person: Person,
    key: str,
    answers: list[int],
    *,
    days_ago: int = 0,
    taken_on: date | None = None,
) -> ScaleResult:
    when: datetime = timezone.now() - timedelta(days=days_ago)
    return result_create(
        user=person.user,
        vault=person.vault,
        scale_key=key,
        answers=answers,
        taken_on=taken_on or when.date(),
        taken_at=when,
    )


def form_data(key: str, answers: list[int]) -> dict[str, str]:
    data = {"scale": key}
    data.update({f"item_{n}": str(a) for n, a in enumerate(answers, start=1)})
    return data
