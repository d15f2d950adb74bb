"""Invite codes: 120 random bits written as 24 Crockford base32 characters.

The same alphabet as recovery codes (no I, L, O or U; typed ones are read as
their look-alike digits), shown in groups of four.
"""

from __future__ import annotations

import secrets

from nearer.vault.recovery_codes import ALPHABET

LENGTH = 24
_ALIASES = {"O": "0", "I": "1", "L": "1"}
# What a person may paste: the code with dashes and spaces, or a whole link.
MAX_TYPED = 2000


def new_code() -> str:
    """Return a fresh code in its canonical form (no separators)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def display(code: str) -> str:
    """Return the code in groups of four for reading out and typing."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise(typed: str) -> str | None:
    """Return the canonical code for what a person typed, or None if it can't be one.

    A pasted invite link is accepted too: the code is what follows ``code=``.
    """
    if len(typed) > MAX_TYPED:
        return None
    if "code=" in typed:
        typed = typed.rsplit("code=", 1)[1].split("&", 1)[0]
    cleaned = "".join(ch for ch in typed.upper() if ch.isascii() and ch.isalnum())
    cleaned = "".join(_ALIASES.get(ch, ch) for ch in cleaned)
    if len(cleaned) != LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned
