"""Plain SQL helpers: quoted columns, and values read with a plain cursor made the
same on every backend.

Hot reads use ``connection.cursor()`` rather than the ORM (it is measured to be
cheaper); SQLite then hands back UUIDs as hex text and dates as ISO text, where
PostgreSQL gives ``UUID`` and ``date`` objects.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast
from uuid import UUID

from django.db import connection
from django.db.models import Field, Model


def as_uuid(value: object) -> UUID:
    """Return ``value`` (a UUID, or its hex text from SQLite) as a UUID."""
    return value if isinstance(value, UUID) else UUID(str(value))


def as_date(value: object) -> date:
    """Return ``value`` (a date, or ISO text from SQLite, maybe with a time) as a date."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def column(model: type[Model], name: str) -> str:
    """Return the quoted database column of field ``name`` on ``model``, for plain SQL."""
    field = cast("Field[Any, Any]", model._meta.get_field(name))
    return connection.ops.quote_name(field.column)
