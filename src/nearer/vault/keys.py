"""Identity keys and the wrapping of a key for one person (X25519, HKDF, AES-GCM).

Here, below every app, because more than one seals with them: Together wraps its
pair key for each partner, and accounts seals the sign-in records of a person
whose vault is closed (a wrong password) to their public key.

A person's identity key pair is X25519: the public half is kept in the clear, the
private half sealed with their own vault (label ``together.identity.private``,
bound to their user id), so only a logged-in person can use it.

A pair key (32 random bytes) is wrapped for a partner like this::

    ephemeral X25519 key e, shared = X25519(e, recipient public)
    key  = HKDF-SHA256(shared, salt = e.public,
                       info = "nearer pair v1" | pair id | recipient id
                              | recipient public | partner public)
    wrapped = e.public (32) | AES-256-GCM(key, pair key,
                                           aad = "together.pair_key|<pair>|<recipient>")

Binding both partners' public keys means a wrap opens only for the two keys the
safety phrase is worked out from: a public key swapped in the database afterwards
makes the wrap fail to open rather than open quietly.
"""

from __future__ import annotations

import hashlib
import hmac
from uuid import UUID

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from nearer.vault.box import Vault
from nearer.vault.crypto import KEY_BYTES, Sealer, SealError, hkdf, new_key

__all__ = [
    "IDENTITY_LABEL",
    "PUBLIC_BYTES",
    "SealError",
    "fingerprint",
    "identity_new",
    "new_pair_key",
    "private_open",
    "private_seal",
    "public_of",
    "unwrap_pair_key",
    "wrap_pair_key",
]

IDENTITY_LABEL = "together.identity.private"
PUBLIC_BYTES = 32
# Key id of a pair key's wrap (the vault's data key is 1, a pair key 2).
KEY_ID_WRAP = 4
_INFO = b"nearer pair v1"

_RAW = serialization.Encoding.Raw
_RAW_PRIVATE = serialization.PrivateFormat.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw
_NO_ENCRYPTION = serialization.NoEncryption()


def identity_new() -> X25519PrivateKey:
    """Return a fresh identity private key."""
    return X25519PrivateKey.generate()


def public_of(private: X25519PrivateKey) -> bytes:
    """Return the 32 raw bytes of ``private``'s public half."""
    return private.public_key().public_bytes(_RAW, _RAW_PUBLIC)


def private_seal(vault: Vault, private: X25519PrivateKey) -> bytes:
    """Return ``private`` sealed with ``vault``, bound to its owner."""
    raw = private.private_bytes(_RAW, _RAW_PRIVATE, _NO_ENCRYPTION)
    return vault.seal_bytes(IDENTITY_LABEL, vault.user_id, raw)


def private_open(vault: Vault, sealed: bytes | memoryview) -> X25519PrivateKey:
    """Return the private key sealed by :func:`private_seal`; raise SealError."""
    raw = vault.open_bytes(IDENTITY_LABEL, vault.user_id, bytes(sealed))
    if len(raw) != KEY_BYTES:
        raise SealError("identity key has a bad length")
    return X25519PrivateKey.from_private_bytes(raw)


def new_pair_key() -> bytes:
    """Return 32 fresh random bytes for a pair key."""
    return new_key()


def _public(raw: bytes | memoryview) -> X25519PublicKey:
    raw = bytes(raw)
    if len(raw) != PUBLIC_BYTES:
        raise SealError("public key has a bad length")
    return X25519PublicKey.from_public_bytes(raw)


def _exchange(private: X25519PrivateKey, public: X25519PublicKey) -> bytes:
    try:
        shared = private.exchange(public)
    except ValueError:
        # A low-order public key gives an all-zero secret, which the library refuses
        # (RFC 7748): such a key is not one anybody holds.
        raise SealError("public key is not usable") from None
    if hmac.compare_digest(shared, bytes(len(shared))):
        raise SealError("public key is not usable")
    return shared


def _wrap_key(
    shared: bytes,
    *,
    ephemeral: bytes,
    pair_id: UUID,
    recipient_id: int,
    recipient_public: bytes,
    partner_public: bytes,
) -> bytes:
    info = b"|".join(
        (
            _INFO,
            pair_id.bytes,
            str(recipient_id).encode("ascii"),
            recipient_public,
            partner_public,
        )
    )
    return hkdf(shared, salt=ephemeral, info=info)


def _aad(pair_id: UUID, recipient_id: int) -> bytes:
    return f"together.pair_key|{pair_id}|{recipient_id}".encode()


def wrap_pair_key(
    *,
    pair_key: bytes,
    pair_id: UUID,
    recipient_id: int,
    recipient_public: bytes | memoryview,
    partner_public: bytes | memoryview,
) -> bytes:
    """Return ``pair_key`` wrapped so only the holder of ``recipient_public``'s private
    half opens it, for this pair and recipient, next to ``partner_public``.

    Raises SealError for a public key that is not one.
    """
    if len(pair_key) != KEY_BYTES:
        raise ValueError("pair key must be 32 bytes")
    recipient = _public(recipient_public)
    _public(partner_public)
    ephemeral_private = X25519PrivateKey.generate()
    ephemeral = public_of(ephemeral_private)
    key = _wrap_key(
        _exchange(ephemeral_private, recipient),
        ephemeral=ephemeral,
        pair_id=pair_id,
        recipient_id=recipient_id,
        recipient_public=bytes(recipient_public),
        partner_public=bytes(partner_public),
    )
    return ephemeral + Sealer(key, key_id=KEY_ID_WRAP).seal(pair_key, _aad(pair_id, recipient_id))


def unwrap_pair_key(
    *,
    wrapped: bytes | memoryview,
    pair_id: UUID,
    recipient_id: int,
    recipient_private: X25519PrivateKey,
    partner_public: bytes | memoryview,
) -> bytes:
    """Return the pair key wrapped by :func:`wrap_pair_key`.

    Raises SealError when it was wrapped for another key, pair, recipient or
    partner key, or was changed since.
    """
    wrapped = bytes(wrapped)
    if len(wrapped) <= PUBLIC_BYTES:
        raise SealError("wrapped key is too short")
    ephemeral = wrapped[:PUBLIC_BYTES]
    key = _wrap_key(
        _exchange(recipient_private, _public(ephemeral)),
        ephemeral=ephemeral,
        pair_id=pair_id,
        recipient_id=recipient_id,
        recipient_public=public_of(recipient_private),
        partner_public=bytes(partner_public),
    )
    pair_key = Sealer(key, key_id=KEY_ID_WRAP).open(
        wrapped[PUBLIC_BYTES:], _aad(pair_id, recipient_id)
    )
    if len(pair_key) != KEY_BYTES:
        raise SealError("pair key has a bad length")
    return pair_key


def fingerprint(first: bytes | memoryview, second: bytes | memoryview) -> bytes:
    """Return a digest of two public keys that is the same whichever is given first."""
    low, high = sorted((bytes(first), bytes(second)))
    return hashlib.sha256(b"nearer safety phrase v1|" + low + high).digest()
