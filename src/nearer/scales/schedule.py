"""When a scale is offered again: a gentle rhythm kept in the sealed preferences.

Today must not open results to know whether a scale is due, so the dates each
scale was last taken, the person's chosen rhythm and a "not now" live in the
preferences (opened once per request anyway), under one key. Everything here is
a pure function of those preferences and the person's local date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings

from nearer.scales.instruments import SCALES, Scale

PREFS_KEY = "scales"
# The rhythms a person can choose, in days; 0 turns the offer off (the scale can
# still be taken any time from the scales page).
EVERY_CHOICES: tuple[tuple[int, str], ...] = (
    (7, "Every week"),
    (14, "Every two weeks"),
    (30, "Every month"),
    (91, "Every three months"),
    (0, "Don't offer it"),
)
EVERY_VALUES = frozenset(days for days, _ in EVERY_CHOICES)
# "Not now" quiets every scale offer for this many days.
SNOOZE_DAYS = 7


def offered_scales() -> tuple[Scale, ...]:
    """Return the scales this instance offers (the operator may turn PSS-4 off)."""
    if getattr(settings, "SCALES_PSS4", True):
        return SCALES
    return tuple(scale for scale in SCALES if scale.key != "pss4")


def _date_or_none(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


@dataclass
class ScaleState:
    """The opened scale preferences: rhythm per scale, last dates, a snooze."""

    every: dict[str, int] = field(default_factory=dict)
    last: dict[str, date] = field(default_factory=dict)
    snoozed_until: date | None = None

    def every_days(self, scale: Scale) -> int:
        value = self.every.get(scale.key)
        return value if value in EVERY_VALUES else scale.default_every_days

    def next_on(self, scale: Scale) -> date | None:
        """Return the day the scale is next offered (None when its offer is off)."""
        every = self.every_days(scale)
        if every == 0:
            return None
        last = self.last.get(scale.key)
        return date.min if last is None else last + timedelta(days=every)

    def as_prefs(self) -> dict[str, Any]:
        return {
            "every": dict(self.every),
            "last": {key: day.isoformat() for key, day in self.last.items()},
            "snoozed_until": self.snoozed_until.isoformat() if self.snoozed_until else None,
        }


def state_of(prefs: dict[str, Any]) -> ScaleState:
    """Return the scale state from opened preferences, ignoring anything malformed."""
    raw = prefs.get(PREFS_KEY)
    if not isinstance(raw, dict):
        return ScaleState()
    every_raw = raw.get("every")
    last_raw = raw.get("last")
    every = (
        {k: v for k, v in every_raw.items() if type(v) is int and v in EVERY_VALUES}
        if isinstance(every_raw, dict)
        else {}
    )
    last: dict[str, date] = {}
    if isinstance(last_raw, dict):
        for key, value in last_raw.items():
            day = _date_or_none(value)
            if day is not None:
                last[key] = day
    return ScaleState(every=every, last=last, snoozed_until=_date_or_none(raw.get("snoozed_until")))


def next_due(state: ScaleState, today: date) -> Scale | None:
    """Return the one scale to offer on ``today``, or None.

    Never more than one: nothing while "not now" holds, nothing on a day a scale
    was already taken, else the first offered scale whose rhythm has come round.
    """
    if state.snoozed_until is not None and today < state.snoozed_until:
        return None
    if any(day == today for day in state.last.values()):
        return None
    for scale in offered_scales():
        next_on = state.next_on(scale)
        if next_on is not None and next_on <= today:
            return scale
    return None
