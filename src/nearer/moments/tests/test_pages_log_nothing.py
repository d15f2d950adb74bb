"""A missing template variable makes Django log the whole context at DEBUG level:
names and notes would reach the logs. Every moments page resolves every variable."""

from __future__ import annotations

import logging

import pytest
from django.utils import timezone

from nearer.conftest import Person
from nearer.moments.tests.conftest import AddMoment, AddPerson, days_ago
from nearer.people.rules import DateDraft

pytestmark = pytest.mark.django_db


def test_no_page_logs_a_missing_variable(
    alice: Person,
    add_person: AddPerson,
    add_moment: AddMoment,
    caplog: pytest.LogCaptureFixture,
) -> None:
    soon = timezone.localdate()
    ana = add_person(
        alice,
        name="Ana",
        rhythm_days=7,
        dates=[DateDraft(kind="birthday", month=soon.month, day=soon.day)],
    )
    moment = add_moment(
        alice,
        [ana],
        occurred_on=days_ago(9),
        note="secret-note",
        minutes=5,
        kinds=["emotional"],
        closeness=2,
        opened_up="me",
    )
    caplog.set_level(logging.DEBUG, logger="django.template")
    pages = [
        "/",
        "/moments/",
        f"/moments/?person={ana.id}",
        "/moments/new/",
        "/moments/quick/",
        f"/moments/quick/?person={ana.id}",
        "/moments/drifting/",
        f"/moments/{moment.id}/edit/",
        f"/moments/{moment.id}/delete/",
    ]
    for page in pages:
        assert alice.client.get(page).status_code == 200, page
    alice.client.post("/moments/quick/", {"people": [str(ana.id)], "prefilled": "1"})
    alice.client.post("/moments/new/", {"note": "x"})
    problems = [r.getMessage() for r in caplog.records if r.name.startswith("django.template")]
    assert not problems, problems[:3]
    assert "secret-note" not in caplog.text
