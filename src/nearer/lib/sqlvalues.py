"""Values read with a plain database cursor, made the same on every backend.

Hot reads use ``connection.cursor()`` rather than the ORM (it is measured to be
cheaper); SQLite then hands back UUIDs as hex text and dates as ISO text, where
PostgreSQL gives ``UUID`` and ``date`` objects.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID


def as_uuid(value: object) -> UUID:
    """Return ``value`` (a UUID, or its hex text from SQLite) as a UUID."""
    return value if isinstance(value, UUID) else UUID(str(value))


def as_date(value: object) -> date:
    """Return ``value`` (a date, or ISO text from SQLite, maybe with a time) as a date."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
