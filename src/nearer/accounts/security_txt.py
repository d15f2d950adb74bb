"""``/.well-known/security.txt`` (RFC 9116): where to report a security problem.

settings.py imports this module to read NEARER_SECURITY_CONTACT: nothing here may
load more of Django at import.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import datetime, timedelta

from nearer.lib.env import ConfigError

# Simple on purpose: a contact is read by people; a value with spaces, quotes or
# angle brackets is a typo, and refusing it keeps the file one clean line.
_EMAIL = re.compile(r"^[^\s@<>\"']+@[^\s@<>\"']+\.[^\s@<>\"']+$")
_URI = re.compile(r"^(mailto:[^\s<>\"']+@[^\s<>\"']+|https://[^\s<>\"']+)$")


def security_contact_from_env(name: str, environ: Mapping[str, str] = os.environ) -> str:
    """Return the contact as a URI ("" when unset); ConfigError names a bad value."""
    raw = (environ.get(name) or "").strip()
    if not raw:
        return ""
    if _EMAIL.match(raw) and not raw.lower().startswith(("mailto:", "https:")):
        return f"mailto:{raw}"
    if _URI.match(raw):
        return raw
    raise ConfigError(
        f"{name} must be an email address, a mailto: address or an https:// address (got {raw!r})."
    )


def security_txt(*, contact: str, now: datetime) -> str:
    """Return the file's text: the contact, an expiry a year from ``now``, English."""
    expires = (now + timedelta(days=365)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"Contact: {contact}\nExpires: {expires}\nPreferred-Languages: en\n"
