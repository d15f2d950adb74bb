"""What a person's details and important dates may hold: limits shared by forms and services.

Each ``*_clean`` function returns the cleaned value or raises ValidationError with
a message written for the person; it never repeats what they wrote (messages may
reach logs). The import helper uses the same functions to judge contacts before
anything is saved.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from django.core.exceptions import ValidationError

from nearer.lib.private import QuietRepr
from nearer.people.content import (
    CIRCLE_KEYS,
    CLOSENESS_MAX,
    CLOSENESS_MIN,
    DATE_KINDS,
    RELATIONSHIP_KEYS,
    DateKind,
    PersonDetails,
)

MAX_NAME = 200
MAX_CALLED = 100
MAX_RELATIONSHIP_LABEL = 60
MAX_NOTES = 20_000
MAX_DATE_LABEL = 80
# Most important dates one person keeps, however they arrive: the date form refuses
# the next one, a new person brings at most this many, and the contacts import keeps
# the first ones (of a card, or of a merge) and says how many were left out. A card of
# 300,000 dates is an attack, not a person.
MAX_DATES = 20
MAX_DATES_TEXT = f"A person can have up to {MAX_DATES} dates."
# A rhythm longer than ten years is not a rhythm; the bound also keeps date maths safe.
MAX_RHYTHM_DAYS = 3650
MIN_YEAR = 1900
DATE_KIND_KEYS: frozenset[str] = frozenset(key for key, _ in DATE_KINDS)
# Any leap year: a day without a year is real when it exists in some year (29 Feb does).
_LEAP_YEAR = 2000

_SPACES = re.compile(r"\s+")


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True, slots=True, repr=False)
class DateDraft(QuietRepr):
    """An important date before it is saved: ``year`` None when unknown.

    ``label`` names a custom day ("Name day"); birthdays and anniversaries may
    leave it empty.
    """

    kind: DateKind
    month: int
    day: int
    year: int | None = None
    label: str = ""


def person_details_clean(details: PersonDetails) -> PersonDetails:
    """Return ``details`` trimmed and checked; raise one ValidationError naming each bad field."""
    errors: dict[str, list[str]] = {}
    name = _one_line(details.name)
    if not name:
        errors["name"] = ["Please give their name."]
    elif len(name) > MAX_NAME:
        errors["name"] = [f"Please keep the name to {MAX_NAME} characters."]
    called = _one_line(details.called)
    if len(called) > MAX_CALLED:
        errors["called"] = [f"Please keep what you call them to {MAX_CALLED} characters."]
    if details.relationship not in RELATIONSHIP_KEYS:
        errors["relationship"] = ["Please choose a relationship from the list."]
    relationship_label = _one_line(details.relationship_label)
    if len(relationship_label) > MAX_RELATIONSHIP_LABEL:
        errors["relationship_label"] = [
            f"Please keep your own word to {MAX_RELATIONSHIP_LABEL} characters."
        ]
    if details.circle not in CIRCLE_KEYS:
        errors["circle"] = ["Please choose a circle: inner, close or wider."]
    notes = _newlines(details.notes).strip()
    if len(notes) > MAX_NOTES:
        errors["notes"] = [
            f"The notes are {len(notes):,} characters long; they can hold {MAX_NOTES:,}."
        ]
    errors.update(_rhythm_errors(details.rhythm_days, details.too_long_days))
    if errors:
        raise ValidationError(errors)
    return replace(
        details,
        name=name,
        called=called,
        relationship_label=relationship_label,
        notes=notes,
    )


def _rhythm_errors(rhythm: int | None, too_long: int | None) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for field, value in (("rhythm_days", rhythm), ("too_long_days", too_long)):
        if value is not None and (type(value) is not int or not 1 <= value <= MAX_RHYTHM_DAYS):
            errors[field] = [f"Please give a number of days from 1 to {MAX_RHYTHM_DAYS:,}."]
    if errors:
        return errors
    if too_long is not None and rhythm is None:
        errors["rhythm_days"] = [
            "Say how often you'd like to connect first, then when it feels too long."
        ]
    elif too_long is not None and rhythm is not None and too_long < rhythm:
        errors["too_long_days"] = [
            f"“Too long” should be at least your wished rhythm of {rhythm} days."
        ]
    return errors


def calendar_day_clean(*, month: int, day: int, year: int | None, today: date) -> None:
    """Raise ValidationError unless day/month (and the year, if known) are a real day.

    Without a year, 29 February is accepted (it exists in leap years); with one it
    must fall in a leap year. Years run from MIN_YEAR to next year.
    """
    if type(month) is not int or not 1 <= month <= 12:
        raise ValidationError("Please choose a month.", code="month_invalid")
    if year is not None and (type(year) is not int or not MIN_YEAR <= year <= today.year + 1):
        raise ValidationError(
            f"Please give a year from {MIN_YEAR} to {today.year + 1}, or leave it empty.",
            code="year_invalid",
        )
    days_in_month = calendar.monthrange(year if year is not None else _LEAP_YEAR, month)[1]
    if type(day) is not int or not 1 <= day <= days_in_month:
        if year is not None and month == 2 and day == 29:
            raise ValidationError(
                f"{year} had no 29 February. Please check the year, or leave it empty.",
                code="day_invalid",
            )
        raise ValidationError(
            f"That month has {days_in_month} days. Please check the day.", code="day_invalid"
        )


def date_draft_clean(draft: DateDraft, *, today: date) -> DateDraft:
    """Return ``draft`` with a tidy label; raise ValidationError naming each bad field."""
    errors: dict[str, list[str]] = {}
    if draft.kind not in DATE_KIND_KEYS:
        errors["kind"] = ["Please choose birthday, anniversary or another day."]
    label = _one_line(draft.label)
    if len(label) > MAX_DATE_LABEL:
        errors["label"] = [f"Please keep the name of the day to {MAX_DATE_LABEL} characters."]
    elif draft.kind == "custom" and not label:
        errors["label"] = ["Please name the day, for example “Name day”."]
    try:
        calendar_day_clean(month=draft.month, day=draft.day, year=draft.year, today=today)
    except ValidationError as exc:
        field = {"month_invalid": "month", "year_invalid": "year"}.get(exc.code or "", "day")
        errors[field] = exc.messages
    if errors:
        raise ValidationError(errors)
    return replace(draft, label=label)


def dates_room(*, have: int) -> int:
    """Return how many more dates a person who has ``have`` may keep (0 when full)."""
    return max(0, MAX_DATES - have)


def dates_total_check(*, have: int, adding: int) -> None:
    """Raise ValidationError when ``adding`` dates to ``have`` would pass MAX_DATES."""
    if adding > dates_room(have=have):
        raise ValidationError(
            f"{MAX_DATES_TEXT} Please remove one before adding another.", code="too_many_dates"
        )


def closeness_clean(value: object) -> int:
    """Return ``value`` if it is one of the seven pictures (1–7); raise otherwise."""
    if type(value) is not int or not CLOSENESS_MIN <= value <= CLOSENESS_MAX:
        raise ValidationError(
            f"Please choose one of the pictures, {CLOSENESS_MIN} to {CLOSENESS_MAX}.",
            code="closeness_invalid",
        )
    return value
