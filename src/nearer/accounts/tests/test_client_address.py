"""client_address: the peer's address, or behind a trusted proxy the right-most
forwarded address that is not itself a trusted proxy."""

from __future__ import annotations

import pytest
from django.test import RequestFactory, override_settings

from nearer.accounts.client import client_address, parse_trusted_proxies

PROXIES = parse_trusted_proxies(["10.0.0.0/8", "192.0.2.1", "2001:db8::/32"])


def _address(remote: str, forwarded: str | None = None) -> str:
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **extra))  # type: ignore[arg-type]


def test_without_trusted_proxies_the_header_is_ignored() -> None:
    with override_settings(TRUSTED_PROXIES=()):
        assert _address("203.0.113.9", "198.51.100.1") == "203.0.113.9"


@override_settings(TRUSTED_PROXIES=PROXIES)
@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # A direct request: the header is anybody's to write.
        ("203.0.113.9", "198.51.100.1", "203.0.113.9"),
        ("10.1.2.3", "198.51.100.1", "198.51.100.1"),
        # The client's own guess on the left is never believed.
        ("10.1.2.3", "1.2.3.4, 198.51.100.1", "198.51.100.1"),
        # Two proxies of ours: skip both.
        ("10.1.2.3", "198.51.100.1, 192.0.2.1", "198.51.100.1"),
        ("10.1.2.3", "6.6.6.6, 198.51.100.1, 10.9.9.9, 192.0.2.1", "198.51.100.1"),
        # Only our proxies: the one farthest back is all we know.
        ("10.1.2.3", "10.4.4.4", "10.4.4.4"),
        # No header from a proxy: the proxy's own address.
        ("10.1.2.3", None, "10.1.2.3"),
        ("10.1.2.3", "", "10.1.2.3"),
        # Garbage stops the walk at the last proxy we trust.
        ("10.1.2.3", "198.51.100.1, not-an-address", "10.1.2.3"),
        ("10.1.2.3", "198.51.100.1, not-an-address, 192.0.2.1", "192.0.2.1"),
        # IPv6, bracketed with a port, and IPv4 mapped into IPv6.
        ("2001:db8::1", "2001:db9::7", "2001:db9::7"),
        ("10.1.2.3", "[2001:db9::7]:4711", "2001:db9::7"),
        ("10.1.2.3", "::ffff:198.51.100.4", "198.51.100.4"),
        ("::ffff:10.1.2.3", "198.51.100.5", "198.51.100.5"),
    ],
)
def test_behind_a_trusted_proxy(remote: str, forwarded: str | None, expected: str) -> None:
    assert _address(remote, forwarded) == expected


def test_it_parses_addresses_and_networks() -> None:
    networks = parse_trusted_proxies(["127.0.0.1", "10.0.0.0/8", "::1", "10.1.2.3/8"])
    assert [str(net) for net in networks] == ["127.0.0.1/32", "10.0.0.0/8", "::1/128", "10.0.0.0/8"]


@pytest.mark.parametrize("bad", ["localhost", "10.0.0.0/33", "300.1.1.1", "10.0.0.*"])
def test_it_names_a_value_that_is_not_an_address(bad: str) -> None:
    with pytest.raises(ValueError, match="is not an IP address or network"):
        parse_trusted_proxies(["10.0.0.1", bad])
