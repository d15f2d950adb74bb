"""Recovery codes: 160 random bits written as 32 Crockford base32 characters."""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_LENGTH = 32
# Crockford's decoding: letters easily mistaken for digits read as those digits.
_ALIASES = {"O": "0", "I": "1", "L": "1"}


def new_code() -> str:
    """Return a fresh code in its canonical form (no separators)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(_LENGTH))


def display(code: str) -> str:
    """Return the code in groups of four for reading and writing down."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise(typed: str) -> str | None:
    """Return the canonical code for what a person typed, or None if it can't be one."""
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum())
    cleaned = "".join(_ALIASES.get(ch, ch) for ch in cleaned)
    if len(cleaned) != _LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned
