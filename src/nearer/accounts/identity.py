"""A person's identity key pair, as accounts uses it: sign-in records are sealed to
its public half while the vault is closed, and opened with its private half.

The key pair is kept by Together (``together.models.Identity``), which sits above
accounts; it registers how to read it here from its AppConfig.ready(), so accounts
imports no app above it (the same way as ``login_hooks``). Until something is
registered there is no key: nothing is sealed, nothing shown.
"""

from __future__ import annotations

from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from nearer.accounts.models import User
from nearer.vault.box import Vault

PublicOf = Callable[[int], bytes | None]
PrivateOf = Callable[[User, Vault], X25519PrivateKey | None]


def _none_public(user_id: int) -> bytes | None:
    return None


def _none_private(user: User, vault: Vault) -> X25519PrivateKey | None:
    return None


_readers: dict[str, Callable[..., object]] = {"public": _none_public, "private": _none_private}


def register(*, public_of: PublicOf, private_of: PrivateOf) -> None:
    """Say how to read a person's public key (by user id) and private key (with their vault)."""
    _readers["public"], _readers["private"] = public_of, private_of


def public_key(user_id: int) -> bytes | None:
    """The person's identity public key, or None when they have none yet."""
    found = _readers["public"](user_id)
    return found if isinstance(found, bytes) else None


def private_key(user: User, vault: Vault) -> X25519PrivateKey | None:
    """The person's identity private key opened with their vault, or None."""
    found = _readers["private"](user, vault)
    return found if isinstance(found, X25519PrivateKey) else None
