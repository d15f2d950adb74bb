"""Helpers for review tests: everything is made through the services a person uses."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from nearer.checkins.content import emotions_for
from nearer.checkins.services import checkin_create
from nearer.conftest import Person
from nearer.moments.tests.conftest import add_moment, add_person
from nearer.review.week import week_start

__all__ = ["add_checkin", "add_moment", "add_person", "last_week", "this_week"]


def this_week() -> date:
    """The Monday of the week the tests run in (the person's clock is the server's)."""
    return week_start(timezone.localdate())


def last_week() -> date:
    return this_week() - timedelta(weeks=1)


def add_checkin(owner: Person, day: date, pleasantness: int, energy: int) -> None:
    when = timezone.make_aware(datetime.combine(day, time(12, 0)))
    emotion = emotions_for(pleasantness, energy)[0][1][0].key
    checkin_create(
        user=owner.user,
        vault=owner.vault,
        pleasantness=pleasantness,
        energy=energy,
        emotion=emotion,
        when=when,
    )
