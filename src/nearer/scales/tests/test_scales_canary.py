"""The database canary for scales: which scale, the answers and the score never reach
the database, its file or the logs in the clear.

Answers are small numbers, so instead of unique words the canaries are the JSON
the sealed content is made of, and the preferences' schedule: were a result or the
preferences ever written unsealed, these strings would be found. The summary of
scores is checked the same way, through its columns of scales and totals. The
readers are the project canary's own (every row, decoded sessions, the SQLite file and WAL).
"""

from __future__ import annotations

import pytest
from django.db import connection

from nearer.conftest import make_person
from nearer.scales.tests.helpers import form_data
from nearer.tests.security.test_database_canary import (
    _every_row_as_bytes,
    _forms_of,
    _sessions_decoded,
    _sqlite_file_bytes,
    every_log_line,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_no_scale_answer_score_or_schedule_is_stored_in_the_clear() -> None:
    with every_log_line() as logs:
        dora = make_person("dora")
        for key, answers in (
            ("who5", [1, 2, 3, 4, 5]),
            ("pss4", [4, 3, 2, 1]),
            ("ucla3", [3, 2, 3]),
        ):
            response = dora.client.post("/scales/save/", form_data(key, answers))
            assert response.status_code == 302
            assert dora.client.get(response["Location"]).status_code == 200
        dora.client.post("/scales/schedule/", {"who5": "91", "pss4": "7", "ucla3": "91"})
        dora.client.post("/scales/not-now/")
        dora.client.get("/scales/trends/")
    canaries = {
        "who5 content": '"scale":"who5","answers":[1,2,3,4,5]',
        "pss4 content": '"scale":"pss4","answers":[4,3,2,1]',
        "ucla3 content": '"scale":"ucla3","answers":[3,2,3]',
        "a total": '"total":15',
        "the schedule": '"every":{"who5":91,"pss4":7,"ucla3":91}',
        "last dates": '"last":{"who5":',
        # The summary of scores (a derived value, kind scales.summary): its scale and
        # total columns.
        "summary scales": '"k":["who5","pss4","ucla3"]',
        "summary totals": '"t":[15,8,8]',
    }
    stored = {
        "every table": _every_row_as_bytes(),
        "decoded sessions": _sessions_decoded(),
        "log lines": "\n".join(logs.lines).encode(),
    }
    if connection.vendor == "sqlite":
        stored["database file and WAL"] = _sqlite_file_bytes()
    assert b"dora" in stored["every table"]  # the control: the readers do read
    leaks = [
        f"{what} in {where}"
        for what, secret in canaries.items()
        for where, blob in stored.items()
        if any(form in blob for form in _forms_of(secret))
    ]
    assert not leaks, leaks
