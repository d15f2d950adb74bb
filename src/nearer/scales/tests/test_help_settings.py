"""NEARER_HELP_* and NEARER_SCALES_PSS4: defaults, custom values, malformed values."""

from __future__ import annotations

import pytest

from nearer.lib.env import ConfigError
from nearer.lib.help_lines import (
    DEFAULT_EMERGENCY,
    DEFAULT_LINES,
    emergency_from_env,
    help_lines,
    help_lines_from_env,
)
from nearer.tests.security.production import run_nearer


def test_the_defaults_when_unset() -> None:
    assert help_lines_from_env(environ={}) == DEFAULT_LINES
    assert emergency_from_env(environ={}) == DEFAULT_EMERGENCY
    assert "local emergency number" in DEFAULT_EMERGENCY


def test_custom_lines_parse_with_an_optional_description() -> None:
    raw = "Samaritans | 116 123 | Any time;\nSite|https://example.org ;;"
    lines = help_lines(help_lines_from_env(environ={"NEARER_HELP_LINES": raw}))
    assert [(x.name, x.contact, x.description) for x in lines] == [
        ("Samaritans", "116 123", "Any time"),
        ("Site", "https://example.org", ""),
    ]
    assert lines[0].phone == "116123" and lines[1].url == "https://example.org"


@pytest.mark.parametrize(
    "raw",
    [
        "just a name",
        "a|b|c|d",
        "|123|x",
        "Bad|javascript:alert(1)|x",
        "Mail|mailto:a@b.c",
        "x" * 200 + "|1",
    ],
)
def test_malformed_lines_are_refused_naming_the_variable(raw: str) -> None:
    with pytest.raises(ConfigError, match="NEARER_HELP_LINES"):
        help_lines_from_env(environ={"NEARER_HELP_LINES": raw})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("NEARER_HELP_LINES", "no fields here"),
        ("NEARER_HELP_EMERGENCY", "x" * 301),
        ("NEARER_SCALES_PSS4", "perhaps"),
    ],
)
def test_a_malformed_value_stops_start_up_naming_it(name: str, value: str) -> None:
    result = run_nearer(["check"], **{name: value})
    assert result.returncode != 0
    assert name in result.stderr
    assert "Traceback" not in result.stderr


def test_good_values_start() -> None:
    result = run_nearer(
        ["check"],
        NEARER_HELP_LINES="Lifeline|13 11 14|Any time",
        NEARER_HELP_EMERGENCY="Call 000.",
        NEARER_SCALES_PSS4="off",
    )
    assert result.returncode == 0, result.stderr
