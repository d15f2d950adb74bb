"""The sealed rows of a span of days, read in plain SQL for balance and the year in pixels.

Both pages open every row of a span (a year of check-ins, 455 days of moments: up to
a few thousand on the ten-year demo). Through the ORM, building each row's values
cost about a third as much as opening it (measured); a plain query hands back the
id, the day and the sealed bytes as they are. Names come from the models and every
value is a parameter.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from uuid import UUID

from django.db import connection
from django.db.models import Model

from nearer.lib.sqlvalues import as_date, as_uuid, column


def sealed_rows(
    model: type[Model], *, owner_id: int, day_field: str, first: date, last: date
) -> Iterator[tuple[UUID, date, bytes]]:
    """Yield ``(id, day, content)`` of the owner's rows with ``first <= day <= last``."""
    meta = model._meta
    day = column(model, day_field)
    sql = (
        f"SELECT {column(model, 'id')}, {day}, {column(model, 'content')} "  # noqa: S608
        f"FROM {connection.ops.quote_name(meta.db_table)} "
        f"WHERE {column(model, 'owner')} = %s AND {day} >= %s AND {day} <= %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [owner_id, first, last])
        for row_id, row_day, sealed in cursor.fetchall():
            yield as_uuid(row_id), as_date(row_day), sealed
