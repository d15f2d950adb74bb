"""Important dates and closeness ratings: their sealed parts and calendar maths.

An important date keeps its day and month (and year, when known) in the clear and
seals what kind of day it is and its label. A closeness rating keeps its day in
the clear and seals the value.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any
from uuid import UUID

from nearer.people.content import (
    CLOSENESS_MAX,
    CLOSENESS_MIN,
    DATE_KINDS,
    DATE_LABEL,
    RATING_LABEL,
    DateKind,
)
from nearer.vault.box import Vault
from nearer.vault.crypto import SealError

_KIND_KEYS = {key for key, _ in DATE_KINDS}
KIND_NAMES: dict[str, str] = dict(DATE_KINDS)

# What each of the seven IOS pictures shows, said in words for screen readers and
# as a caption for everyone.
CLOSENESS_WORDS: dict[int, str] = {
    1: "the circles barely touch",
    2: "the circles overlap a little",
    3: "the circles overlap a bit more",
    4: "the circles overlap halfway",
    5: "the circles overlap a lot",
    6: "the circles overlap mostly",
    7: "the circles almost fully overlap",
}


def closeness_words(value: int) -> str:
    """Return e.g. "4 of 7: the circles overlap halfway"."""
    return f"{value} of {CLOSENESS_MAX}: {CLOSENESS_WORDS[value]}"


def occurrence_in(year: int, month: int, day: int) -> date:
    """Return the day in ``year``; 29 February falls on 28 February in other years.

    People born on 29 February most often celebrate on the 28th in other years,
    and a reminder a day early is kinder than one a day late.
    """
    if month == 2 and day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)


def next_occurrence(month: int, day: int, *, today: date) -> date:
    """Return the next time day/month comes round, today included."""
    this_year = occurrence_in(today.year, month, day)
    if this_year >= today:
        return this_year
    return occurrence_in(today.year + 1, month, day)


def date_seal(vault: Vault, date_id: UUID, *, kind: DateKind, label: str) -> bytes:
    return vault.seal_json(DATE_LABEL, date_id, {"kind": kind, "label": label})


def date_open(vault: Vault, date_id: UUID, sealed: bytes | memoryview) -> tuple[DateKind, str]:
    """Return (kind, label) sealed on an important date; raise SealError if it won't open."""
    value: Any = vault.open_json(DATE_LABEL, date_id, bytes(sealed))
    if type(value) is not dict:
        raise SealError("important date has an unexpected shape")
    kind, label = value.get("kind"), value.get("label", "")
    if kind not in _KIND_KEYS or type(label) is not str:
        raise SealError("important date has an unexpected shape")
    return kind, label


def rating_seal(vault: Vault, rating_id: UUID, value: int) -> bytes:
    return vault.seal_json(RATING_LABEL, rating_id, {"value": value})


def rating_open(vault: Vault, rating_id: UUID, sealed: bytes | memoryview) -> int:
    """Return the 1–7 value sealed on a rating; raise SealError if it won't open."""
    value: Any = vault.open_json(RATING_LABEL, rating_id, bytes(sealed))
    number = value.get("value") if type(value) is dict else None
    if type(number) is not int or not CLOSENESS_MIN <= number <= CLOSENESS_MAX:
        raise SealError("closeness rating has an unexpected shape")
    return number
