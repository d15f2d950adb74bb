"""NEARER_SIGNUP and NEARER_SECURITY_CONTACT: a bad value stops start-up naming it."""

from __future__ import annotations

import pytest

from nearer.tests.security.production import production_settings, run_nearer


@pytest.mark.parametrize(
    ("name", "value"),
    [("NEARER_SIGNUP", "sometimes"), ("NEARER_SECURITY_CONTACT", "http://example.org")],
)
def test_a_malformed_value_stops_start_up_naming_it(name: str, value: str) -> None:
    result = run_nearer(["check"], **{name: value})
    assert result.returncode != 0
    assert name in result.stderr
    assert "Traceback" not in result.stderr


def test_sign_up_is_open_by_default_and_reads_any_case() -> None:
    assert production_settings("SIGNUP")["SIGNUP"] == "open"
    assert production_settings("SIGNUP", NEARER_SIGNUP="Invite")["SIGNUP"] == "invite"
