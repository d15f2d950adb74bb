"""The address a request comes from, for lockout and throttling.

Behind a reverse proxy every request arrives from the proxy's address, so counting
failures per address would put everyone in one bucket (and let anyone lock any name
out). When the direct peer is a trusted proxy (``NEARER_TRUSTED_PROXIES``), the
client is read from ``X-Forwarded-For``: the right-most address that is not itself
a trusted proxy. Addresses to the left of it were written by the client and can be
anything, so they are never believed.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    # settings.py imports this module: nothing here may load more of Django at import.
    from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_trusted_proxies(values: Sequence[str]) -> tuple[Network, ...]:
    """Return the networks of ``values`` (addresses or CIDRs); ValueError names a bad one."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            raise ValueError(f"{value!r} is not an IP address or network") from None
    return tuple(networks)


def _address(value: str) -> Address | None:
    text = value.strip()
    if text.startswith("[") and "]" in text:
        # "[2001:db8::1]:443" — a bracketed IPv6 address with a port.
        text = text[1 : text.index("]")]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    # An IPv4 client seen by a dual-stack proxy arrives as ::ffff:203.0.113.5.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _trusted(address: Address, networks: Sequence[Network]) -> bool:
    return any(address.version == net.version and address in net for net in networks)


def client_address(request: HttpRequest) -> str:
    """Return the client's address as text ("" when the peer's address is unknown).

    Used by django-axes (``AXES_CLIENT_IP_CALLABLE``) and by the recovery throttle.
    """
    networks: Sequence[Network] = getattr(settings, "TRUSTED_PROXIES", ())
    peer_text = str(request.META.get("REMOTE_ADDR", ""))
    peer = _address(peer_text)
    if peer is None or not networks or not _trusted(peer, networks):
        return peer_text
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    # Several X-Forwarded-For headers arrive joined by commas, in order.
    hops = [hop for hop in forwarded.split(",") if hop.strip()]
    nearest = peer
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            # Not an address: nothing to its left can be trusted either; the last
            # proxy we trust is the best we know.
            break
        if not _trusted(address, networks):
            return str(address)
        nearest = address
    return str(nearest)
