"""`nearer send-reminders`: one summary line; a failing server exits 1 with a message."""

from __future__ import annotations

from datetime import time

import pytest

from nearer import cli
from nearer.cli import main
from nearer.conftest import Person
from nearer.reminders.tests.conftest import turn_on, verify_email
from nearer.tests.smtp import Inbox


@pytest.fixture(autouse=True)
def _set_up_already(monkeypatch: pytest.MonkeyPatch) -> None:
    # The test's Django is set up already (the command's own set-up is `nearer`'s).
    monkeypatch.setattr(cli, "_django_setup", lambda: None)


def test_it_sends_and_prints_one_line(
    alice: Person, smtp_server: Inbox, capsys: pytest.CaptureFixture[str]
) -> None:
    verify_email(alice)
    turn_on(alice, ["checkin"], zone="Pacific/Kiritimati", send_at=time(0, 0))
    assert main(["send-reminders"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "Reminders: 1 sent, 0 failed, 0 taken by another run, 0 not due."
    assert err == ""
    assert len(smtp_server.messages) == 1


def test_a_refusing_server_exits_1_with_a_message_and_no_traceback(
    alice: Person, smtp_refusing: Inbox, capsys: pytest.CaptureFixture[str]
) -> None:
    verify_email(alice)
    turn_on(alice, ["checkin"], zone="Pacific/Kiritimati", send_at=time(0, 0))
    assert main(["send-reminders"]) == 1
    out, err = capsys.readouterr()
    assert "1 failed" in out
    assert "Could not send to account" in err and "Traceback" not in err


def test_without_a_base_url_it_says_what_to_set(
    db: None, settings: object, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.BASE_URL = ""  # type: ignore[attr-defined]
    assert main(["send-reminders"]) == 2
    assert "NEARER_BASE_URL" in capsys.readouterr().err
