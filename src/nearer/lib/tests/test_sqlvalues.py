from __future__ import annotations

import uuid
from datetime import date

from nearer.lib.sqlvalues import as_date, as_uuid


def test_it_reads_uuids_as_sqlite_and_postgresql_give_them() -> None:
    value = uuid.uuid4()
    assert as_uuid(value) is value
    assert as_uuid(value.hex) == value
    assert as_uuid(str(value)) == value


def test_it_reads_dates_as_sqlite_and_postgresql_give_them() -> None:
    day = date(2026, 2, 28)
    assert as_date(day) is day
    assert as_date("2026-02-28") == day
    assert as_date("2026-02-28 21:15:00.123456") == day
