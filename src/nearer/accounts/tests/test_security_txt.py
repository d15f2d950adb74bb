"""/.well-known/security.txt (RFC 9116) from NEARER_SECURITY_CONTACT."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from nearer.accounts.security_txt import security_contact_from_env
from nearer.lib.env import ConfigError

URL = "/.well-known/security.txt"


def test_it_is_a_404_without_a_contact(db: None, settings: Settings) -> None:
    settings.SECURITY_CONTACT = ""
    assert Client().get(URL).status_code == 404


def test_it_gives_the_contact_an_expiry_a_year_ahead_and_english(
    db: None, settings: Settings
) -> None:
    settings.SECURITY_CONTACT = "mailto:security@example.org"
    response = Client().get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "Contact: mailto:security@example.org"
    assert lines[2] == "Preferred-Languages: en"
    expires = datetime.strptime(lines[1], "Expires: %Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    ahead = expires - datetime.now(UTC)
    assert timedelta(days=364) < ahead <= timedelta(days=365)


@pytest.mark.parametrize(
    ("raw", "uri"),
    [
        ("security@example.org", "mailto:security@example.org"),
        ("mailto:security@example.org", "mailto:security@example.org"),
        ("https://example.org/report", "https://example.org/report"),
        ("", ""),
    ],
)
def test_it_reads_an_address_or_a_uri(raw: str, uri: str) -> None:
    assert (
        security_contact_from_env("NEARER_SECURITY_CONTACT", {"NEARER_SECURITY_CONTACT": raw})
        == uri
    )


@pytest.mark.parametrize(
    "raw", ["http://example.org/report", "not an address", "a@b.c<script>", "javascript:alert(1)"]
)
def test_it_refuses_anything_else_naming_the_variable(raw: str) -> None:
    with pytest.raises(ConfigError, match="NEARER_SECURITY_CONTACT"):
        security_contact_from_env("NEARER_SECURITY_CONTACT", {"NEARER_SECURITY_CONTACT": raw})
