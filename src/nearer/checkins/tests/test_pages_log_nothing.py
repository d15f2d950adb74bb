"""No check-in page looks up a missing template variable: Django would log the whole
context, sealed words included (see the database canary test)."""

from __future__ import annotations

import logging

import pytest

from nearer.checkins.tests.conftest import CheckInMaker, PeopleMaker
from nearer.conftest import Person


def test_every_page_renders_without_a_template_warning(
    alice: Person,
    check_in: CheckInMaker,
    people: PeopleMaker,
    caplog: pytest.LogCaptureFixture,
) -> None:
    sam = people.add(alice, "Sam")
    saved = check_in(alice, people=[sam], tags="tea", note="words")
    client = alice.client
    with caplog.at_level(logging.DEBUG, logger="django.template"):
        for url in (
            "/",
            "/checkins/",
            "/checkins/?page=2",
            "/checkins/new/",
            "/checkins/2026/5/",
            "/checkins/2026/5/14/",
            "/checkins/2026/5/15/",
            f"/checkins/{saved.id}/edit/",
            f"/checkins/{saved.id}/delete/",
        ):
            assert client.get(url).status_code == 200, url
        client.post("/checkins/new/", {"step": "feeling", "pleasantness": "0", "energy": "0"})
        client.post("/checkins/new/", {"step": "feeling"})
        client.post(
            "/checkins/new/",
            {
                "step": "details",
                "pleasantness": "0",
                "energy": "0",
                "emotion": "nope",
                "people": ["x"],
            },
        )
        client.post(
            f"/checkins/{saved.id}/edit/",
            {"step": "details", "pleasantness": "1", "energy": "-1", "back": "1"},
        )
    assert not [r for r in caplog.records if r.name.startswith("django.template")]
