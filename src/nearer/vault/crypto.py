"""Low-level sealing: AES-256-GCM with padding, bound to a place by associated data.

Sealed format (bytes)::

    version (1) | key id (1) | nonce (12) | ciphertext + tag

The plaintext inside is ``length (4, big endian) | data | zero padding`` so that
stored sizes fall into buckets and blur the exact length of what was written.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = 1
KEY_ID_DEK = 1
NONCE_BYTES = 12
KEY_BYTES = 32
HEADER = 2 + NONCE_BYTES
_MIN_BUCKET = 64


class SealError(Exception):
    """A sealed value could not be opened: wrong key, wrong place, or tampered."""


def new_key() -> bytes:
    """Return 32 fresh random bytes for an AES-256 key."""
    return os.urandom(KEY_BYTES)


def padded_size(length: int) -> int:
    """Return the bucket size for ``length`` bytes of data plus the length prefix.

    Buckets grow in steps of an eighth of the previous power of two (at least 64
    bytes), so padding never costs more than about 12.5 %.
    """
    needed = length + 4
    if needed <= _MIN_BUCKET:
        return _MIN_BUCKET
    step = max(_MIN_BUCKET, (1 << (needed.bit_length() - 1)) // 8)
    return -(-needed // step) * step


def _pad(data: bytes) -> bytes:
    size = padded_size(len(data))
    return struct.pack(">I", len(data)) + data + b"\x00" * (size - 4 - len(data))


def _unpad(padded: bytes) -> bytes:
    if len(padded) < 4:
        raise SealError("sealed value is too short")
    (length,) = struct.unpack(">I", padded[:4])
    if length > len(padded) - 4:
        raise SealError("sealed value has a bad length")
    return padded[4 : 4 + length]


class Sealer:
    """Seals and opens values under one key; reuse one per request (cheap calls)."""

    __slots__ = ("_aead", "_key_id")

    def __init__(self, key: bytes, key_id: int = KEY_ID_DEK) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("key must be 32 bytes")
        self._aead = AESGCM(key)
        self._key_id = key_id

    def seal(self, data: bytes, aad: bytes) -> bytes:
        """Return ``data`` sealed and bound to ``aad`` (its place)."""
        nonce = os.urandom(NONCE_BYTES)
        header = bytes((VERSION, self._key_id))
        return header + nonce + self._aead.encrypt(nonce, _pad(data), header + aad)

    def open(self, sealed: bytes, aad: bytes) -> bytes:
        """Return the data sealed in ``sealed``; raise :class:`SealError` if it won't open."""
        sealed = bytes(sealed)
        if len(sealed) < HEADER + 16 or sealed[0] != VERSION or sealed[1] != self._key_id:
            raise SealError("sealed value has an unknown format")
        try:
            padded = self._aead.decrypt(sealed[2:HEADER], sealed[HEADER:], sealed[:2] + aad)
        except InvalidTag:
            raise SealError("sealed value failed its integrity check") from None
        return _unpad(padded)


def hkdf(ikm: bytes, *, salt: bytes, info: bytes) -> bytes:
    """Return 32 bytes derived from ``ikm`` with HKDF-SHA256."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(ikm)


def password_key(
    password: str, *, salt: bytes, pepper: bytes, memory_kib: int, time_cost: int, parallelism: int
) -> bytes:
    """Return the key-encryption key for a password: Argon2id, then HKDF with the pepper."""
    stretched = hash_secret_raw(
        secret=password.encode("utf-8"),
        salt=salt,
        time_cost=time_cost,
        memory_cost=memory_kib,
        parallelism=parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )
    return hkdf(stretched, salt=pepper, info=b"nearer/password-key/v1")


def recovery_key(code: str, *, salt: bytes, pepper: bytes) -> bytes:
    """Return the key-encryption key for a (high-entropy) recovery code."""
    return hkdf(code.encode("ascii"), salt=salt + pepper, info=b"nearer/recovery-key/v1")


def recovery_check(code: str, *, pepper: bytes) -> str:
    """Return the hex HMAC kept to recognise a recovery code without storing it."""
    return hmac.new(
        pepper, b"nearer/recovery-check/v1|" + code.encode("ascii"), hashlib.sha256
    ).hexdigest()
