"""What a journal entry may hold: limits and normalisation shared by forms and services.

Each function returns the cleaned value or raises ValidationError with a message
written for the person (it never repeats what they wrote back to logs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError

from nearer.lib.text import fold

MAX_TITLE = 200
MAX_BODY = 100_000
MAX_TAGS = 20
MAX_TAG = 40
MIN_YEAR = 1900
# How far ahead an entry may be dated: planning a letter for a birthday is fine,
# the year 20026 is a typo.
MAX_DAYS_AHEAD = 366

_SPACES = re.compile(r"\s+")


def _newlines(text: str) -> str:
    # Browsers send CRLF from a textarea; count and keep one character per line break.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def title_clean(title: str) -> str:
    """Return the title trimmed to one line; raise if longer than MAX_TITLE."""
    cleaned = _SPACES.sub(" ", title).strip()
    if len(cleaned) > MAX_TITLE:
        raise ValidationError(
            f"Please keep the title to {MAX_TITLE} characters (it has {len(cleaned):,}).",
            code="title_too_long",
        )
    return cleaned


def body_clean(body: str) -> str:
    """Return the body with tidy line breaks; raise if empty or longer than MAX_BODY."""
    cleaned = _newlines(body).strip()
    if not cleaned:
        raise ValidationError("Write a few words first — the entry is empty.", code="body_empty")
    if len(cleaned) > MAX_BODY:
        raise ValidationError(
            f"This entry is {len(cleaned):,} characters long, more than the {MAX_BODY:,} one "
            "entry can hold. Nothing was saved. Please split it into two entries.",
            code="body_too_long",
        )
    return cleaned


def tags_from_text(text: str) -> list[str]:
    """Split comma-separated tags as typed in a form (not yet cleaned)."""
    return _newlines(text).replace("\n", ",").split(",")


def tags_clean(tags: Iterable[str]) -> list[str]:
    """Return tags trimmed, without a leading '#', de-duplicated as search compares them.

    The first spelling of a tag is kept ("Family" stays "Family"); later ones that
    search would find as the same tag (``lib.text.fold``: case, accents, typographic
    dashes and quotes) are dropped. Raise when there are too many or one is too long.
    """
    seen: set[str] = set()
    cleaned: list[str] = []
    for raw in tags:
        tag = _SPACES.sub(" ", str(raw)).strip().lstrip("#").strip()
        if not tag:
            continue
        if len(tag) > MAX_TAG:
            raise ValidationError(
                f"Each tag can have at most {MAX_TAG} characters; one has {len(tag)}.",
                code="tag_too_long",
            )
        folded = fold(tag)
        if folded in seen:
            continue
        seen.add(folded)
        cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        raise ValidationError(
            f"Please use at most {MAX_TAGS} tags (there are {len(cleaned)}).",
            code="too_many_tags",
        )
    return cleaned


def entry_date_clean(value: object, *, today: date) -> date:
    """Return ``value`` if it is a date between MIN_YEAR and about a year after today."""
    if not isinstance(value, date):
        raise ValidationError("Please give a date, like 2026-05-14.", code="date_invalid")
    if value.year < MIN_YEAR:
        raise ValidationError(
            f"Please choose a date from {MIN_YEAR} onwards.", code="date_too_early"
        )
    if (value - today).days > MAX_DAYS_AHEAD:
        raise ValidationError(
            "That date is more than a year ahead. Please check the year.", code="date_too_late"
        )
    return value


def entry_date_by_person(value: object, *, today: date) -> date:
    """Return ``value`` if it is a good entry date and not after ``today``.

    ``today`` is the person's own (their time zone): a journal looks back, so a day
    that hasn't come yet is a slip. The services keep only entry_date_clean's bounds,
    since they don't know the person's clock and the person may be ahead of the server.
    """
    day = entry_date_clean(value, today=today)
    if day > today:
        raise ValidationError(
            "That day hasn't come yet. Please choose today or an earlier day.",
            code="date_ahead",
        )
    return day
