"""A write changed what the reminder dates are worked out from: the services say so here.

Reminders keep a few clear dates (the next due nudge, the next birthday, the next
scale due) worked out from a person's people, moments and scales. Those apps cannot
import the reminders app (it imports them), so their services call ``changed`` in
their own transaction, after their rows are written, and the reminders app registers
the function that brings the dates up to date (from its AppConfig.ready). With no
listener (reminders not installed) a call costs nothing.

``parts`` names what may have moved: "nudges" (moments, rhythms, snoozes, people
archived or deleted), "birthdays" (people and their dates), "scales" (results and
their rhythm), "zone" (the person's time zone). ``vault`` may be None for a write
that has no vault (nothing sealed is opened then; the listener decides what to do).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

Part = Literal["nudges", "birthdays", "scales", "zone"]
Listener = Callable[..., object]

_listeners: list[Listener] = []


def listen(listener: Listener) -> Listener:
    """Call ``listener(user=..., vault=..., parts=frozenset)`` on every ``changed``."""
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


def changed(*, user: object, vault: object | None, parts: Iterable[Part]) -> None:
    """Tell the listeners that ``parts`` of ``user``'s reminder inputs may have moved."""
    wanted = frozenset(parts)
    for listener in _listeners:
        listener(user=user, vault=vault, parts=wanted)
