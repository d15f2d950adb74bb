"""Every table's rows, read and written in a form any database takes.

A row is a JSON array of its columns (``Field.attname``, in the model's field
order). JSON's own types pass as they are; the rest are tagged, so a value comes
back as the very Python value it was: bytes ``{"b": base64}``, datetimes
``{"dt": iso}``, dates ``{"d": iso}``, times ``{"t": iso}``, UUIDs ``{"u": hex}``,
decimals ``{"n": text}``, durations ``{"td": microseconds}``, a JSON field's value
``{"j": value}``. Sealed columns are copied byte for byte: nothing is opened.

Rows are written with the target database's own preparation of each field
(``get_db_prep_save``), not through ``save()``: ``auto_now`` fields keep the times
they had, and no signal runs.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connections, models

# Not copied: sessions hold half of an unlocked key and end anyway; a restored or
# moved Nearer starts with everyone logged out.
SKIPPED = frozenset({"accounts.accountsession", "sessions.session"})
# Rows that migrate makes itself in a new database; cleared before the copy fills them.
MADE_BY_MIGRATE = frozenset(
    {"contenttypes.contenttype", "auth.permission", "accounts.pepperfingerprint"}
)
BATCH = 500


class RowError(ValueError):
    """A row's values do not fit its table."""


def copied_models() -> list[type[models.Model]]:
    """Every table to copy, each after the tables its foreign keys point to."""
    every = [
        model
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.managed and model._meta.label_lower not in SKIPPED
    ]
    by_label = {model._meta.label_lower: model for model in every}
    ordered: list[type[models.Model]] = []
    placed: set[str] = set()

    def place(model: type[models.Model], path: tuple[str, ...]) -> None:
        label = model._meta.label_lower
        if label in placed:
            return
        if label in path:
            raise RuntimeError(f"foreign keys run in a ring through {label}")
        for field in model._meta.concrete_fields:
            target = field.related_model if field.is_relation else None
            if isinstance(target, type) and target is not model:
                target_label = target._meta.label_lower
                if target_label in by_label:
                    place(by_label[target_label], (*path, label))
        placed.add(label)
        ordered.append(model)

    for model in sorted(every, key=lambda m: m._meta.label_lower):
        place(model, ())
    return ordered


def columns(model: type[models.Model]) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


def encode(value: Any) -> Any:
    """A column's Python value as JSON (tagged when JSON has no such type)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, bytes | memoryview | bytearray):
        return {"b": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, time):
        return {"t": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"u": value.hex}
    if isinstance(value, Decimal):
        return {"n": str(value)}
    if isinstance(value, timedelta):
        return {"td": value // timedelta(microseconds=1)}
    if isinstance(value, dict | list):
        return {"j": value}
    raise TypeError(f"no backup form for {type(value).__name__}")


_DECODERS: dict[str, Any] = {
    "b": lambda raw: base64.b64decode(raw, validate=True),
    "dt": datetime.fromisoformat,
    "d": date.fromisoformat,
    "t": time.fromisoformat,
    "u": uuid.UUID,
    "n": Decimal,
    "td": lambda raw: timedelta(microseconds=int(raw)),
    "j": lambda raw: raw,
}


def decode(raw: Any) -> Any:
    """The Python value of an encoded column; RowError when it is not one."""
    if raw is None or isinstance(raw, bool | int | float | str):
        return raw
    if isinstance(raw, dict) and len(raw) == 1:
        ((tag, inner),) = raw.items()
        decoder = _DECODERS.get(tag)
        if decoder is not None:
            try:
                return decoder(inner)
            except (TypeError, ValueError, ArithmeticError) as exc:
                raise RowError(f"a {tag!r} value does not read: {exc}") from None
    raise RowError("a value of an unknown form")


def rows_of(alias: str, model: type[models.Model]) -> Iterator[list[Any]]:
    """Every row of ``model`` in ``alias``, encoded, in primary-key order."""
    query = model._base_manager.using(alias).order_by("pk").values_list(*columns(model))
    for row in query.iterator(chunk_size=2000):
        yield [encode(value) for value in row]


def insert_rows(alias: str, model: type[models.Model], rows: Iterable[list[Any]]) -> int:
    """Insert encoded ``rows`` into ``model``'s table in ``alias``; return how many.

    RowError when a row has the wrong number of columns or a value of the wrong form;
    the database's own error when a value does not fit (the caller's transaction
    then leaves nothing behind).
    """
    connection = connections[alias]
    fields = list(model._meta.concrete_fields)
    quote = connection.ops.quote_name
    # Names from our own models, quoted by the database's own rule; values as parameters.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    count = 0
    batch: list[list[Any]] = []
    with connection.cursor() as cursor:
        for row in rows:
            if not isinstance(row, list) or len(row) != len(fields):
                raise RowError(f"a row of {model._meta.label_lower} has the wrong columns")
            batch.append(
                [
                    field.get_db_prep_save(decode(raw), connection=connection)
                    for field, raw in zip(fields, row, strict=True)
                ]
            )
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch.clear()
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def reset_sequences(alias: str, every: Iterable[type[models.Model]]) -> None:
    """Make the target's id counters continue after the copied ids."""
    connection = connections[alias]
    statements = connection.ops.sequence_reset_sql(no_style(), list(every))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def digest(alias: str, model: type[models.Model]) -> tuple[int, str]:
    """The number of rows and a SHA-256 over every row's columns, in key order.

    The same rows give the same digest in any database: each value is encoded as it
    is copied (sealed bytes as their bytes).
    """
    hasher = hashlib.sha256()
    count = 0
    for row in rows_of(alias, model):
        hasher.update(repr(_comparable(row)).encode("utf-8"))
        count += 1
    return count, hasher.hexdigest()


def _comparable(row: list[Any]) -> list[Any]:
    # Datetimes compare as instants: PostgreSQL gives them back in UTC, SQLite as
    # stored; both are the same moment.
    out: list[Any] = []
    for raw in row:
        if isinstance(raw, dict) and "dt" in raw:
            moment = datetime.fromisoformat(raw["dt"])
            out.append(moment.timestamp() if moment.tzinfo else moment.isoformat())
        else:
            out.append(raw)
    return out


def table_counts(alias: str, every: Iterable[type[models.Model]]) -> dict[str, int]:
    return {model._meta.label_lower: model._base_manager.using(alias).count() for model in every}
