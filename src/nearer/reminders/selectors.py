"""Reads for reminders, always of the requesting person."""

from __future__ import annotations

from nearer.accounts.models import User
from nearer.reminders.models import Reminder


def reminder_of(*, user: User) -> Reminder | None:
    """Return ``user``'s reminder row, or None before they first saved the page."""
    return Reminder.objects.filter(owner=user).first()
